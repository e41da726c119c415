/**
 * A town's period report over HTTP: the coordinator writes the narrative (kept on errors), submits;
 * the office sends it back with a note or approves it; approval freezes the figures, which stay as
 * approved when the data and the catalogue change later. The funder sees approved reports only,
 * protected; every step is in the audit log.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Kysely } from 'kysely';
import type { Database } from '../../src/platform/db/schema.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { TestClient, visibleText } from '../support/client.ts';
import { addRegistration, createEvent } from '../support/factories/events.ts';
import { createUser, municipalityId, TEST_PASSWORD } from '../support/users.ts';

const BENSHEIM = '06431002';
const VIERNHEIM = '06431020';
const REPORT = `/verwaltung/${BENSHEIM}/monitoring/berichte/2025`;
const FUNDER_REPORT = `/monitoring/berichte/2025/kommunen/${BENSHEIM}`;

describe('monitoring town reports', () => {
  let t: TestApp;
  let db: Kysely<Database>;
  let town: number;
  let office: TestClient;
  let funder: TestClient;
  let coordinator: TestClient;
  let foreignCoordinator: TestClient;

  const report = () => db.selectFrom('monitoring_reports').selectAll().where('municipality_id', '=', town).where('period', '=', '2025').executeTakeFirst();

  before(async () => {
    t = await startTestApp({ variant: 'reference' });
    db = t.app.services.db;
    town = await municipalityId(db, BENSHEIM);
    const foreignTown = await municipalityId(db, VIERNHEIM);
    // Bensheim: 12 people, of them 2 third-country nationals.
    const event = await createEvent(db, { municipalityId: town, startsAt: new Date('2025-03-10T16:00:00Z') });
    for (let i = 0; i < 12; i++) {
      const id = await addRegistration(db, event, { email: `person${i}@example.org`, attended: true });
      await db
        .updateTable('event_registrations')
        .set({ third_country: i < 2 ? 'yes' : 'no', sex: i % 2 ? 'female' : 'male' })
        .where('id', '=', id)
        .execute();
    }
    const users = {
      office: await createUser(db, { email: 'buero@example.org', roles: [{ role: 'programme_office' }] }),
      funder: await createUser(db, { email: 'foerderer@example.org', roles: [{ role: 'funder' }] }),
      coordinator: await createUser(db, { email: 'koordination@bensheim.test', roles: [{ role: 'coordinator', municipalityId: town }] }),
      foreign: await createUser(db, { email: 'koordination@viernheim.test', roles: [{ role: 'coordinator', municipalityId: foreignTown }] }),
    };
    const signIn = async (email: string) => {
      const client = new TestClient(t.app.fastify);
      await client.login(email, TEST_PASSWORD);
      return client;
    };
    office = await signIn(users.office.email);
    funder = await signIn(users.funder.email);
    coordinator = await signIn(users.coordinator.email);
    foreignCoordinator = await signIn(users.foreign.email);
  });
  after(() => t.close());

  it('shows the coordinator the generated figures of the own town and a form; refuses others', async () => {
    const dashboard = await coordinator.get(`/verwaltung/${BENSHEIM}/monitoring?zeitraum=2025`);
    assert.match(dashboard.body, new RegExp(`href="${REPORT}"`), 'the town dashboard links to the report');
    const page = await coordinator.get(REPORT);
    assert.equal(page.statusCode, 200);
    const text = visibleText(page.body);
    assert.match(text, /Bericht Bensheim: 2025/);
    assert.match(text, /Stand: Entwurf/);
    assert.match(text, /Teilnehmende aller Aktivitäten \(Personen\)\s*12/);
    assert.match(page.body, /name="narrative"/);
    const chart = await coordinator.get(`${REPORT}/verlauf.svg`);
    assert.equal(chart.statusCode, 200);
    assert.match(chart.body, /<svg/);
    assert.equal((await foreignCoordinator.get(REPORT)).statusCode, 403);
    assert.equal((await funder.get(REPORT)).statusCode, 403);
    assert.equal((await coordinator.get(`/verwaltung/${BENSHEIM}/monitoring/berichte/2025-Q7`)).statusCode, 404);
  });

  it('keeps what was typed and says what is wrong', async () => {
    const empty = await coordinator.post(REPORT, { narrative: '   ', action: 'submit' });
    assert.equal(empty.statusCode, 422);
    assert.match(visibleText(empty.body), /Schreiben Sie den Sachbericht, bevor Sie ihn einreichen/);
    const long = await coordinator.post(REPORT, { narrative: `Anfang ${'x'.repeat(20000)}`, action: 'save' });
    assert.equal(long.statusCode, 422);
    assert.match(visibleText(long.body), /höchstens 20000 Zeichen|höchstens 20.000 Zeichen/);
    assert.match(long.body, />Anfang x+<\/textarea>/);
    const forged = await coordinator.post(REPORT, { narrative: 'Text', action: 'publish' });
    assert.equal(forged.statusCode, 422);
    assert.match(forged.body, />Text<\/textarea>/);
    assert.equal(await report(), undefined, 'nothing was written');
  });

  it('saves a draft, submits it, and then refuses changes', async () => {
    const saved = await coordinator.post(REPORT, { narrative: 'Erster Entwurf', action: 'save' });
    assert.equal(saved.statusCode, 303);
    assert.match((await coordinator.get(REPORT)).body, />Erster Entwurf<\/textarea>/);
    assert.equal((await report())?.status, 'draft');
    const submitted = await coordinator.post(REPORT, { narrative: 'Wir haben 12 Menschen erreicht.\n\nNächstes Jahr mehr.', action: 'submit' });
    assert.equal(submitted.statusCode, 303);
    const row = await report();
    assert.equal(row?.status, 'submitted');
    assert.ok(row?.submitted_at);
    const page = await coordinator.get(REPORT);
    assert.doesNotMatch(page.body, /name="narrative"/, 'no form once submitted');
    assert.match(visibleText(page.body), /Nächstes Jahr mehr\./);
    const again = await coordinator.post(REPORT, { narrative: 'Heimlich geändert', action: 'save' });
    assert.equal(again.statusCode, 303);
    assert.equal((await report())?.narrative, 'Wir haben 12 Menschen erreicht.\n\nNächstes Jahr mehr.');
    const flash = await coordinator.get(again.headers.location as string);
    assert.match(visibleText(flash.body), /kann nicht mehr bearbeitet werden/);
  });

  it('lists the reports of a period for the office, filtered by status and paged in SQL', async () => {
    const submitted = await office.get('/monitoring/berichte?zeitraum=2025&status=submitted');
    assert.equal(submitted.statusCode, 200);
    assert.match(visibleText(submitted.body), /Bensheim\s*eingereicht/);
    assert.match(submitted.body, new RegExp(`href="${REPORT}"`));
    const approved = await office.get('/monitoring/berichte?zeitraum=2025&status=approved');
    assert.doesNotMatch(visibleText(approved.body), /Bensheim/);
    assert.equal((await office.get('/monitoring/berichte?zeitraum=2025&status=unsinn&seite=abc')).statusCode, 200);
    assert.equal((await office.get('/monitoring/berichte?zeitraum=2025-13')).statusCode, 404);
    assert.equal((await coordinator.get('/monitoring/berichte?zeitraum=2025')).statusCode, 403);
    const forFunder = await funder.get('/monitoring/berichte?zeitraum=2025&status=submitted');
    assert.equal(forFunder.statusCode, 200);
    assert.doesNotMatch(visibleText(forFunder.body), /Bensheim/, 'the funder sees approved reports only');
    assert.equal((await funder.get(FUNDER_REPORT)).statusCode, 404);
  });

  it('lets only the office send a report back, with a note, after which the coordinator writes again', async () => {
    assert.equal((await coordinator.post(`${REPORT}/entscheidung`, { decision: 'sent_back', note: 'x' })).statusCode, 403);
    const noNote = await office.post(`${REPORT}/entscheidung`, { decision: 'sent_back', note: ' ' });
    assert.equal(noNote.statusCode, 422);
    assert.match(visibleText(noNote.body), /Schreiben Sie, was die Kommune ändern soll/);
    const back = await office.post(`${REPORT}/entscheidung`, { decision: 'sent_back', note: 'Bitte die Ziele für 2026 nennen.' });
    assert.equal(back.statusCode, 303);
    assert.equal((await report())?.status, 'sent_back');
    const page = await coordinator.get(REPORT);
    assert.match(visibleText(page.body), /Vom Programmbüro zurückgegeben: Bitte die Ziele für 2026 nennen\./);
    assert.match(page.body, /name="narrative"/);
    const twice = await office.post(`${REPORT}/entscheidung`, { decision: 'approved' });
    assert.equal(twice.statusCode, 303, 'a report sent back cannot be approved before it is submitted again');
    assert.equal((await report())?.status, 'sent_back');
    assert.equal((await coordinator.post(REPORT, { narrative: 'Ziele 2026: 20 Menschen mehr.', action: 'submit' })).statusCode, 303);
    assert.equal((await report())?.status, 'submitted');
  });

  it('freezes the figures at approval: later data and catalogue changes leave the report as approved', async () => {
    const approved = await office.post(`${REPORT}/entscheidung`, { decision: 'approved', note: '' });
    assert.equal(approved.statusCode, 303);
    const row = await report();
    assert.equal(row?.status, 'approved');
    const snapshot = row?.snapshot as { figures: Array<{ code: string; value: number | null }> };
    assert.equal(snapshot.figures.find((f) => f.code === 'O1')?.value, 12);

    // Three more people attend in 2025, and the office gives O1 a new version with another name.
    const event = await createEvent(db, { municipalityId: town, startsAt: new Date('2025-06-10T16:00:00Z') });
    for (let i = 0; i < 3; i++) await addRegistration(db, event, { email: `spaeter${i}@example.org`, attended: true });
    const o1 = await db.selectFrom('monitoring_indicators').selectAll().where('code', '=', 'O1').where('superseded_at', 'is', null).executeTakeFirstOrThrow();
    await db.updateTable('monitoring_indicators').set({ superseded_at: new Date() }).where('id', '=', o1.id).execute();
    const { id: _id, created_at: _c, superseded_at: _s, version, ...rest } = o1;
    await db
      .insertInto('monitoring_indicators')
      .values({
        ...rest,
        version: version + 1,
        name_de: 'Neu benannte Teilnehmendenzahl',
        numerator_filter: JSON.stringify(rest.numerator_filter),
        denominator_filter: JSON.stringify(rest.denominator_filter),
      })
      .execute();

    const live = visibleText((await coordinator.get(`/verwaltung/${BENSHEIM}/monitoring?zeitraum=2025`)).body);
    assert.match(live, /Neu benannte Teilnehmendenzahl\s*15/, 'the dashboard counts today');
    const frozen = visibleText((await coordinator.get(REPORT)).body);
    assert.match(frozen, /Teilnehmende aller Aktivitäten \(Personen\)\s*12/, 'the report keeps the approved figures and names');
    assert.doesNotMatch(frozen, /Neu benannte/);
    assert.match(frozen, /Freigegeben am/);
    const chart = await coordinator.get(`${REPORT}/verlauf.svg`);
    assert.doesNotMatch(chart.body, />15</);

    const edit = await coordinator.post(REPORT, { narrative: 'Nachträglich', action: 'save' });
    assert.equal(edit.statusCode, 303);
    assert.equal((await report())?.narrative, 'Ziele 2026: 20 Menschen mehr.');

    const actions = await db.selectFrom('audit_log').select('action').where('entity_type', '=', 'monitoring_report').where('municipality_id', '=', town).orderBy('id').execute();
    assert.deepEqual(
      actions.map((a) => a.action),
      ['monitoring.town_report_saved', 'monitoring.town_report_submitted', 'monitoring.town_report_sent_back', 'monitoring.town_report_submitted', 'monitoring.town_report_approved'],
    );
  });

  it('shows the funder the approved report, protected, and never a person', async () => {
    const list = await funder.get('/monitoring/berichte?zeitraum=2025');
    assert.match(visibleText(list.body), /Bensheim\s*freigegeben/);
    assert.match(list.body, new RegExp(`href="${FUNDER_REPORT}"`));
    const page = await funder.get(FUNDER_REPORT);
    assert.equal(page.statusCode, 200);
    const text = visibleText(page.body);
    assert.match(text, /Ziele 2026: 20 Menschen mehr\./);
    assert.match(text, /Teilnehmende aller Aktivitäten \(Personen\)\s*12/);
    assert.match(text, /Davon Drittstaatsangehörige \(Anteil\)\s*x\b/, 'a share of 2 persons is withheld');
    assert.match(text, /„x“ steht für einen Wert/);
    assert.doesNotMatch(text, /person\d+@example\.org/);
    assert.doesNotMatch(page.body, /name="narrative"|entscheidung/);
    assert.equal((await funder.get(`/monitoring/berichte/2025/kommunen/${VIERNHEIM}`)).statusCode, 404);
    assert.equal((await funder.get('/monitoring/berichte/2025/kommunen/99999999')).statusCode, 404);
    assert.equal((await coordinator.get(FUNDER_REPORT)).statusCode, 403);
  });
});
