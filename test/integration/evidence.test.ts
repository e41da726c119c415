import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Kysely } from 'kysely';
import { computeFigures } from '../../src/modules/monitoring/figures.ts';
import { parsePeriod } from '../../src/modules/monitoring/periods.ts';
import type { Database } from '../../src/platform/db/schema.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { TestClient, visibleText } from '../support/client.ts';
import { addRegistration, createEvent } from '../support/factories/events.ts';
import { createUser, municipalityId, TEST_PASSWORD } from '../support/users.ts';

const BENSHEIM = '06431002';
const VIERNHEIM = '06431020';

/**
 * Evidence completeness (F3): a town's held events with their signed list and their attendees'
 * target-group evidence, the confirmation on the check-in list, the office's view per town and the
 * indicator computed from the same facts.
 */
describe('evidence completeness (F3)', () => {
  let t: TestApp;
  let db: Kysely<Database>;
  let town: number;
  let foreignTown: number;
  let coordinator: TestClient;
  let foreignCoordinator: TestClient;
  let office: TestClient;
  let withList: number;
  let withoutList: number;
  let foreignEvent: number;
  let annaId: number;
  let bertId: number;
  let waitingId: number;
  let foreignRegistration: number;

  const at = (day: string) => new Date(`${day}T16:00:00Z`);
  const confirmedAt = async (id: number) =>
    await db.selectFrom('event_registrations').select(['target_group_confirmed_at', 'target_group_confirmed_by']).where('id', '=', id).executeTakeFirstOrThrow();

  before(async () => {
    t = await startTestApp();
    db = t.app.services.db;
    town = await municipalityId(db, BENSHEIM);
    foreignTown = await municipalityId(db, VIERNHEIM);
    for (const id of [town, foreignTown]) {
      await db
        .insertInto('programme_participations')
        .values({ municipality_id: id, joined_on: '2025-01-01', cohort_label: '2025' })
        .onConflict((oc) => oc.doNothing())
        .execute();
    }
    await createUser(db, { email: 'koordination@bensheim.test', roles: [{ role: 'coordinator', municipalityId: town }] });
    await createUser(db, { email: 'koordination@viernheim.test', roles: [{ role: 'coordinator', municipalityId: foreignTown }] });
    await createUser(db, { email: 'buero@programm.test', roles: [{ role: 'programme_office' }] });
    coordinator = new TestClient(t.app.fastify);
    await coordinator.login('koordination@bensheim.test', TEST_PASSWORD);
    foreignCoordinator = new TestClient(t.app.fastify);
    await foreignCoordinator.login('koordination@viernheim.test', TEST_PASSWORD);
    office = new TestClient(t.app.fastify);
    await office.login('buero@programm.test', TEST_PASSWORD);

    withList = await createEvent(db, { municipalityId: town, title: 'Dialog mit Liste', startsAt: at('2025-03-10') });
    withoutList = await createEvent(db, { municipalityId: town, title: 'Dialog ohne Liste', startsAt: at('2025-05-10') });
    await createEvent(db, { municipalityId: town, title: 'Noch nicht stattgefunden' });
    const cancelled = await createEvent(db, { municipalityId: town, title: 'Abgesagter Dialog', startsAt: at('2025-04-10') });
    await db.updateTable('events').set({ cancelled_at: new Date() }).where('id', '=', cancelled).execute();
    foreignEvent = await createEvent(db, { municipalityId: foreignTown, title: 'Fremder Dialog', startsAt: at('2025-06-10') });
    const file = await db
      .insertInto('files')
      .values({ original_name: 'liste.pdf', mime_type: 'application/pdf', size_bytes: 4, sha256: 'x', storage_key: 'evidence-test', created_by: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db.updateTable('events').set({ signed_list_file_id: file.id }).where('id', '=', withList).execute();

    annaId = await addRegistration(db, withList, { name: 'Anna Anwesend', attended: true });
    bertId = await addRegistration(db, withList, { name: 'Bert Anwesend', attended: true });
    await addRegistration(db, withList, { name: 'Carla Nicht Gekommen', attended: false });
    waitingId = await addRegistration(db, withoutList, { name: 'Dora Warteliste', status: 'waiting' });
    await addRegistration(db, withoutList, { name: 'Emil Anwesend', attended: true });
    await addRegistration(db, cancelled, { name: 'Fritz Abgesagt', attended: true });
    foreignRegistration = await addRegistration(db, foreignEvent, { name: 'Fremde Person', attended: true });
  });

  after(async () => {
    await t.close();
  });

  it('lists what each held event lacks, counting only held events and their attendees', async () => {
    const page = await coordinator.get(`/verwaltung/${BENSHEIM}/veranstaltungen/nachweise`);
    assert.equal(page.statusCode, 200);
    const text = visibleText(page.body);
    // two held events (the future and the cancelled one do not count), one of them with its list
    assert.match(text, /Unterschriebene Listen: 1 von 2 Veranstaltungen/);
    // three attendees (Carla did not come, Fritz's event was cancelled), none confirmed yet
    assert.match(text, /Zielgruppennachweise: 0 von 3 Teilnehmenden/);
    assert.match(text, /Vollständigkeit der Nachweise: 20,0 %/);
    assert.ok(!text.includes('Noch nicht stattgefunden') && !text.includes('Abgesagter Dialog'));
    assert.ok(!text.includes('Fremder Dialog'), 'no event of another town');
    assert.ok(page.body.includes(`href="/verwaltung/${BENSHEIM}/veranstaltungen/${withoutList}#scan-heading"`), 'the missing list links to where it is uploaded');
    assert.ok(page.body.includes(`href="/verwaltung/${BENSHEIM}/veranstaltungen/${withList}/anmeldungen"`), 'missing people link to the check-in list');
  });

  it('confirms target-group evidence on the check-in list, records who did it, and refuses other towns and waiting seats', async () => {
    const list = await coordinator.get(`/verwaltung/${BENSHEIM}/veranstaltungen/${withList}/anmeldungen`);
    assert.match(visibleText(list.body), /Zielgruppennachweis bestätigen/);

    const confirm = await coordinator.post(`/verwaltung/${BENSHEIM}/veranstaltungen/${withList}/anmeldungen/${annaId}/zielgruppennachweis`, { confirmed: 'yes' });
    assert.equal(confirm.statusCode, 303);
    const anna = await confirmedAt(annaId);
    assert.ok(anna.target_group_confirmed_at, 'the confirmation has its date');
    assert.ok(anna.target_group_confirmed_by, 'and who confirmed it');
    const audit = await db.selectFrom('audit_log').select('action').where('entity_id', '=', String(annaId)).where('action', 'like', 'event.target_group%').execute();
    assert.deepEqual(
      audit.map((a) => a.action),
      ['event.target_group_confirmed'],
    );

    // a waiting seat carries no evidence; another town's registration is not found and stays unchanged
    const waiting = await coordinator.post(`/verwaltung/${BENSHEIM}/veranstaltungen/${withoutList}/anmeldungen/${waitingId}/zielgruppennachweis`, { confirmed: 'yes' });
    assert.equal(waiting.statusCode, 404);
    const foreign = await coordinator.post(`/verwaltung/${BENSHEIM}/veranstaltungen/${withList}/anmeldungen/${foreignRegistration}/zielgruppennachweis`, { confirmed: 'yes' });
    assert.equal(foreign.statusCode, 404);
    const foreignTownRoute = await foreignCoordinator.post(`/verwaltung/${BENSHEIM}/veranstaltungen/${withList}/anmeldungen/${bertId}/zielgruppennachweis`, { confirmed: 'yes' });
    assert.equal(foreignTownRoute.statusCode, 403);
    assert.equal((await confirmedAt(foreignRegistration)).target_group_confirmed_at, null);
    assert.equal((await confirmedAt(bertId)).target_group_confirmed_at, null);
    assert.equal((await confirmedAt(waitingId)).target_group_confirmed_at, null);

    // a forged Referer does not break the way back
    const forged = await coordinator.request({
      method: 'POST',
      url: `/verwaltung/${BENSHEIM}/veranstaltungen/${withList}/anmeldungen/${bertId}/zielgruppennachweis`,
      payload: new URLSearchParams({ confirmed: 'yes', _csrf: await coordinator.csrf() }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', referer: `nicht eine URL /veranstaltungen/${withList}/anmeldungen` },
    });
    assert.equal(forged.statusCode, 303);
    assert.equal(forged.headers.location, `/verwaltung/${BENSHEIM}/veranstaltungen/${withList}/anmeldungen`);

    const page = visibleText((await coordinator.get(`/verwaltung/${BENSHEIM}/veranstaltungen/nachweise?jahr=2025&unvollstaendig=ja`)).body);
    assert.match(page, /Zielgruppennachweise: 2 von 3 Teilnehmenden/);
    // with both attendees confirmed and its list uploaded, "Dialog mit Liste" is complete and leaves the filtered list
    assert.ok(!page.includes('Dialog mit Liste'));
    assert.ok(page.includes('Dialog ohne Liste'));

    // withdrawing takes the confirmation back
    await coordinator.post(`/verwaltung/${BENSHEIM}/veranstaltungen/${withList}/anmeldungen/${bertId}/zielgruppennachweis`, { confirmed: 'no' });
    assert.equal((await confirmedAt(bertId)).target_group_confirmed_at, null);
  });

  it('shows the programme office each town, and F3 is computed from the same evidence', async () => {
    const page = await office.get('/programmbuero/nachweise?jahr=2025');
    assert.equal(page.statusCode, 200);
    const text = visibleText(page.body);
    assert.ok(text.includes('Bensheim') && text.includes('Viernheim'));
    assert.ok(page.body.includes(`href="/verwaltung/${BENSHEIM}/veranstaltungen/nachweise?jahr=2025"`));
    // Bensheim: 2 events, 1 list; 3 attendees, 1 confirmed → 2 of 5 = 40 %; Viernheim: 1 event without list, 1 attendee → 0 %
    assert.match(text, /Bensheim\s*2\s*1\s*3\s*2\s*40,0 %/);
    assert.match(text, /Viernheim\s*1\s*1\s*1\s*1\s*0,0 %/);

    const period = parsePeriod('2025') as NonNullable<ReturnType<typeof parsePeriod>>;
    const { whole, byTown } = await computeFigures(t.app.services, period, { each: [town, foreignTown] });
    const f3 = (set: typeof whole) => set.figures.find((f) => f.indicator.code === 'F3');
    assert.equal(f3(byTown.get(town) as typeof whole)?.value, 40);
    assert.equal(f3(byTown.get(foreignTown) as typeof whole)?.value, 0);
    // all towns: 2 of 7 pieces of evidence
    assert.ok(Math.abs((f3(whole)?.value ?? 0) - 200 / 7) < 0.01);

    const coordinatorPage = await coordinator.get('/programmbuero/nachweise');
    assert.equal(coordinatorPage.statusCode, 403);
  });

  it('answers any year or filter text without an error', async () => {
    for (const query of ['jahr=abc', 'jahr=99999', 'jahr=1800', 'unvollstaendig=%27', 'seite=-1', 'seite=999999']) {
      const page = await coordinator.get(`/verwaltung/${BENSHEIM}/veranstaltungen/nachweise?${query}`);
      assert.equal(page.statusCode, 200, query);
    }
    const tooLong = await coordinator.get(`/verwaltung/${BENSHEIM}/veranstaltungen/nachweise?jahr=${'9'.repeat(50)}`);
    assert.equal(tooLong.statusCode, 400);
  });
});
