/**
 * The network and the other modules: an event names its organising and co-organising organisations
 * from the register (the events module asks the network through its index), which counts as a
 * cooperation on the event's day in the figures; and people linked to an account appear with the
 * role their qualification gave them, not typed again.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Kysely } from 'kysely';
import { networkFiguresRepository } from '../../src/modules/network/figures-repository.ts';
import type { Database } from '../../src/platform/db/schema.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { TestClient, visibleText } from '../support/client.ts';
import { networkFactory } from '../support/factories/network.ts';
import { createCertificate, createCohort, createEnrolment, createProgramme } from '../support/factories/qualification.ts';
import { createUser, municipalityId, TEST_PASSWORD } from '../support/users.ts';

const BENSHEIM = '06431002';
const VIERNHEIM = '06431020';

describe('network links to events and qualification', () => {
  let t: TestApp;
  let db: Kysely<Database>;
  let town: number;
  const ids: Record<string, number> = {};
  let coordinator: TestClient;
  let visitor: TestClient;

  const form = (overrides: Record<string, string | string[]> = {}) => ({
    title: 'Interkulturelles Straßenfest',
    format: 'network_meeting',
    mode: 'in_person',
    venue: 'Marktplatz',
    startsAt: '2025-06-14T14:00',
    endsAt: '2025-06-14T20:00',
    capacity: '200',
    languages: ['de'],
    published: 'on',
    ...overrides,
  });

  const eventCooperations = (eventId: number) =>
    db
      .selectFrom('network_cooperations as c')
      .innerJoin('network_cooperation_events as l', 'l.cooperation_id', 'c.id')
      .select(['c.organisation_id', 'c.partner_id', 'c.type', 'c.starts_on', 'c.ends_on', 'c.description'])
      .where('l.event_id', '=', eventId)
      .orderBy('c.partner_id')
      .execute();

  before(async () => {
    t = await startTestApp({ variant: 'reference' });
    db = t.app.services.db;
    town = await municipalityId(db, BENSHEIM);
    const f = networkFactory(db, town);
    ids.club = await f.organisation('Turnverein Bensheim');
    ids.migrant = await f.organisation('Kurdischer Kulturverein', { type: 'migrant_organisation' });
    ids.school = await f.organisation('Grundschule am Park', { type: 'school' });
    ids.hidden = await f.organisation('Nicht gelistete Initiative', { type: 'initiative', isPublic: false });
    ids.foreign = await networkFactory(db, await municipalityId(db, VIERNHEIM)).organisation('Fremder Verein');
    const own = await createUser(db, { email: 'veranstaltungen@bensheim.test', roles: [{ role: 'coordinator', municipalityId: town }] });
    coordinator = new TestClient(t.app.fastify);
    await coordinator.login(own.email, TEST_PASSWORD);
    visitor = new TestClient(t.app.fastify);
  });
  after(() => t.close());

  it('records organiser and co-organisers of an event as cooperations on its day, counted in the figures, and keeps them in step when the event changes', async () => {
    const created = await coordinator.post(`/verwaltung/${BENSHEIM}/veranstaltungen/neu`, form({ organiserId: String(ids.club), coOrganiserIds: [String(ids.migrant), String(ids.hidden)] }));
    assert.equal(created.statusCode, 303, visibleText(created.body).slice(0, 300));
    const eventId = Number(/veranstaltungen\/(\d+)$/.exec(String(created.headers.location))?.[1]);
    assert.deepEqual(await eventCooperations(eventId), [
      { organisation_id: ids.club, partner_id: ids.migrant, type: 'event', starts_on: '2025-06-14', ends_on: '2025-06-14', description: 'Interkulturelles Straßenfest' },
      { organisation_id: ids.club, partner_id: ids.hidden, type: 'event', starts_on: '2025-06-14', ends_on: '2025-06-14', description: 'Interkulturelles Straßenfest' },
    ]);
    const figures = await networkFiguresRepository(db).figures({ municipalityId: town, publicOnly: false }, '2025-06-14', '2024-06-15');
    assert.equal(figures.activeCooperations, 2);
    assert.equal(figures.newMixed, 1, 'club and migrant organisation, begun in the period');
    assert.equal((await networkFiguresRepository(db).figures({ municipalityId: town, publicOnly: false }, '2025-06-15', '2024-06-16')).activeCooperations, 0, 'over after the day');

    // The public event page names the public organisers only.
    const page = visibleText((await visitor.get(`/veranstaltungen/${eventId}`)).body);
    assert.match(page, /Turnverein Bensheim/);
    assert.match(page, /Kurdischer Kulturverein \(Mitveranstalter\)/);
    assert.doesNotMatch(page, /Nicht gelistete Initiative/);

    // The edit form shows the choice; saving another co-organiser and date replaces the cooperations.
    const edit = await coordinator.get(`/verwaltung/${BENSHEIM}/veranstaltungen/${eventId}/bearbeiten`);
    assert.match(edit.body, new RegExp(`<option value="${ids.club}" selected`));
    const saved = await coordinator.post(
      `/verwaltung/${BENSHEIM}/veranstaltungen/${eventId}/bearbeiten`,
      form({ organiserId: String(ids.club), coOrganiserIds: [String(ids.school)], startsAt: '2025-07-01T14:00', endsAt: '2025-07-01T18:00' }),
    );
    assert.equal(saved.statusCode, 303, visibleText(saved.body).slice(0, 300));
    assert.deepEqual(
      (await eventCooperations(eventId)).map((c) => [c.partner_id, c.starts_on]),
      [[ids.school, '2025-07-01']],
    );
    // Without organisers the event stands for no cooperation.
    assert.equal((await coordinator.post(`/verwaltung/${BENSHEIM}/veranstaltungen/${eventId}/bearbeiten`, form())).statusCode, 303);
    assert.deepEqual(await eventCooperations(eventId), []);
    assert.deepEqual(await db.selectFrom('network_event_organisers').selectAll().where('event_id', '=', eventId).execute(), []);
  });

  it("refuses another town's organisation and forged ids next to the field, creating nothing", async () => {
    const before = (await db.selectFrom('events').select('id').execute()).length;
    const foreign = await coordinator.post(`/verwaltung/${BENSHEIM}/veranstaltungen/neu`, form({ organiserId: String(ids.foreign), coOrganiserIds: [String(ids.migrant)] }));
    assert.equal(foreign.statusCode, 422);
    assert.match(foreign.body, /id="organiserId-error"/);
    const forged = await coordinator.post(`/verwaltung/${BENSHEIM}/veranstaltungen/neu`, form({ organiserId: String(ids.club), coOrganiserIds: ['1 or 1=1', String(ids.foreign)] }));
    assert.equal(forged.statusCode, 422);
    const foreignCo = await coordinator.post(`/verwaltung/${BENSHEIM}/veranstaltungen/neu`, form({ organiserId: String(ids.club), coOrganiserIds: [String(ids.foreign)] }));
    assert.equal(foreignCo.statusCode, 422);
    assert.match(foreignCo.body, /Mitveranstaltende Organisationen/);
    assert.equal((await db.selectFrom('events').select('id').execute()).length, before);
  });

  it('shows a linked person with the role their certificate gave them', async () => {
    const user = await createUser(db, { email: 'vielfalt@example.org' });
    const programme = await createProgramme(db, { title: 'Vielfaltsmanagement', kind: 'diversity_manager' });
    const cohort = await createCohort(db, { programmeId: programme, title: 'Kurs 2025' });
    const enrolment = await createEnrolment(db, { cohortId: cohort, userId: user.id, status: 'approved' });
    await createCertificate(db, enrolment, 'VV-TEST-0001');
    await networkFactory(db, town).person('Leyla Aydın', user.id);
    await networkFactory(db, town).person('Ohne Zertifikat');
    const page = visibleText((await coordinator.get(`/verwaltung/${BENSHEIM}/netzwerk/personen`)).body);
    assert.match(page, /Leyla Aydın \(mit Konto\) Vielfaltsmanager:in \(Qualifizierung\)/);
    assert.doesNotMatch(page, /Ohne Zertifikat[^\n]*Qualifizierung/);
  });

  it('exports organisations and cooperations as CSV and XLSX with formulas neutralised, for the own town only', async () => {
    await networkFactory(db, town).organisation('=HYPERLINK("http://evil.example")');
    const csv = await coordinator.get(`/verwaltung/${BENSHEIM}/netzwerk/organisationen.csv`);
    assert.equal(csv.statusCode, 200);
    assert.match(csv.body, /Turnverein Bensheim/);
    assert.match(csv.body, /'=HYPERLINK/);
    assert.doesNotMatch(csv.body, /Fremder Verein/);
    const xlsx = await coordinator.get(`/verwaltung/${BENSHEIM}/netzwerk/kooperationen.xlsx`);
    assert.equal(xlsx.statusCode, 200);
    assert.equal(xlsx.rawPayload.subarray(0, 2).toString(), 'PK');
    assert.equal((await visitor.get(`/verwaltung/${BENSHEIM}/netzwerk/organisationen.csv`)).statusCode, 302, 'a visitor is sent to sign in');
  });
});
