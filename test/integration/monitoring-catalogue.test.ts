/**
 * The office edits the indicator catalogue over HTTP: a changed definition is a new version (an
 * approved report keeps the version and the figures it was computed with), an indicator can be
 * retired and taken up again, targets are set per period and level, and values are entered by hand
 * with who and when. Bad input comes back as the form (422) with what was typed; all is audited.
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

const O1_FORM = {
  name_de: 'Teilnehmende aller Aktivitäten (Personen)',
  name_en: 'Unique participants in all activities',
  definition_de: '',
  definition_en: '',
  unit: 'persons',
  numerator_source: 'monitoring.participants',
  numerator_filter: '',
  denominator_source: '',
  denominator_filter: '',
  factor: '1',
  decimals: '0',
  direction: 'up',
};

describe('monitoring catalogue editing', () => {
  let t: TestApp;
  let db: Kysely<Database>;
  let office: TestClient;
  let coordinator: TestClient;
  let funder: TestClient;
  let town: number;
  let foreignTown: number;

  const audits = async (action: string) => (await db.selectFrom('audit_log').select('action').where('action', '=', action).execute()).length;

  before(async () => {
    t = await startTestApp({ variant: 'reference' });
    db = t.app.services.db;
    town = await municipalityId(db, BENSHEIM);
    foreignTown = await municipalityId(db, VIERNHEIM);
    await db.insertInto('programme_participations').values({ municipality_id: town, joined_on: '2025-01-01', cohort_label: '2025' }).execute();
    // 10 people in Bensheim in 2025, of them 4 third-country nationals.
    const event = await createEvent(db, { municipalityId: town, startsAt: new Date('2025-03-10T16:00:00Z') });
    for (let i = 0; i < 10; i++) {
      const id = await addRegistration(db, event, { email: `person${i}@example.org`, attended: true });
      await db
        .updateTable('event_registrations')
        .set({ third_country: i < 4 ? 'yes' : 'no' })
        .where('id', '=', id)
        .execute();
    }
    const users = {
      office: await createUser(db, { email: 'buero@example.org', displayName: 'Petra Programmbüro', roles: [{ role: 'programme_office' }] }),
      funder: await createUser(db, { email: 'foerderer@example.org', roles: [{ role: 'funder' }] }),
      coordinator: await createUser(db, { email: 'koordination@bensheim.test', roles: [{ role: 'coordinator', municipalityId: town }] }),
    };
    office = new TestClient(t.app.fastify);
    await office.login(users.office.email, TEST_PASSWORD);
    funder = new TestClient(t.app.fastify);
    await funder.login(users.funder.email, TEST_PASSWORD);
    coordinator = new TestClient(t.app.fastify);
    await coordinator.login(users.coordinator.email, TEST_PASSWORD);
  });
  after(() => t.close());

  it('shows the current definition in the form and refuses bad input with what was typed', async () => {
    const form = await office.get('/monitoring/indikatoren/O2/bearbeiten');
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /value="third_country=yes"/);
    const empty = await office.post('/monitoring/indikatoren/O1/bearbeiten', {});
    assert.equal(empty.statusCode, 422);
    assert.match(visibleText(empty.body), /Bitte prüfen Sie Ihre Eingaben/);
    const badFilter = await office.post('/monitoring/indikatoren/O1/bearbeiten', { ...O1_FORM, name_de: 'Neu getippt', numerator_filter: 'religion=christlich' });
    assert.equal(badFilter.statusCode, 422);
    assert.match(visibleText(badFilter.body), /kennt das Merkmal „religion“ nicht/);
    assert.match(badFilter.body, /value="Neu getippt"/, 'typed values are kept');
    const twoDims = await office.post('/monitoring/indikatoren/O1/bearbeiten', { ...O1_FORM, numerator_filter: 'sex=female; third_country=yes' });
    assert.equal(twoDims.statusCode, 422);
    const unknownSource = await office.post('/monitoring/indikatoren/O1/bearbeiten', { ...O1_FORM, numerator_source: 'secret.table' });
    assert.equal(unknownSource.statusCode, 422);
    const badFactor = await office.post('/monitoring/indikatoren/O1/bearbeiten', { ...O1_FORM, factor: '1e9', decimals: '9' });
    assert.equal(badFactor.statusCode, 422);
    const unchanged = await office.post('/monitoring/indikatoren/O1/bearbeiten', O1_FORM);
    assert.equal(unchanged.statusCode, 303);
    assert.equal((await db.selectFrom('monitoring_indicators').select('id').where('code', '=', 'O1').execute()).length, 1, 'nothing changed, no new version');
    assert.equal((await office.post('/monitoring/indikatoren/X9/bearbeiten', O1_FORM)).statusCode, 404);
  });

  it('keeps the version and the figures of an approved report when the definition changes', async () => {
    assert.equal((await office.post('/monitoring/berichte/2025', { decision: 'approved', note: 'geprüft' })).statusCode, 303);
    const frozen = async () => {
      const report = await db.selectFrom('monitoring_reports').select('snapshot').where('period', '=', '2025').executeTakeFirstOrThrow();
      const figure = (report.snapshot as { figures: Array<{ code: string; version: number; value: number | null; origin: string; target: number | null }> }).figures.find((f) => f.code === 'O1');
      // the snapshot keeps more of each figure (name, unit, decimals) than this test compares
      return figure && { code: figure.code, version: figure.version, value: figure.value, origin: figure.origin, target: figure.target };
    };
    assert.deepEqual(await frozen(), { code: 'O1', version: 1, value: 10, origin: 'computed', target: null });

    const changed = await office.post('/monitoring/indikatoren/O1/bearbeiten', { ...O1_FORM, name_de: 'Teilnehmende aus Drittstaaten', numerator_filter: 'third_country=yes' });
    assert.equal(changed.statusCode, 303);
    const versions = await db.selectFrom('monitoring_indicators').select(['version', 'superseded_at', 'name_de']).where('code', '=', 'O1').orderBy('version').execute();
    assert.equal(versions.length, 2);
    assert.ok(versions[0]?.superseded_at, 'version 1 is closed, not overwritten');
    assert.equal(versions[0]?.name_de, 'Teilnehmende aller Aktivitäten (Personen)');
    assert.equal(await audits('monitoring.indicator_changed'), 1);

    assert.deepEqual(await frozen(), { code: 'O1', version: 1, value: 10, origin: 'computed', target: null }, 'the report keeps version 1 and its figure');
    const dashboard = visibleText((await office.get('/monitoring?zeitraum=2025')).body);
    assert.match(dashboard, /Teilnehmende aus Drittstaaten\s*4/, 'the dashboard computes the new version');
    const definition = visibleText((await funder.get('/monitoring/indikatoren/O1')).body);
    assert.match(definition, /Fassung 2 vom/);
    assert.match(definition, /Name \(deutsch\), Filter des Zählers/);
    const old = visibleText((await coordinator.get('/monitoring/indikatoren/O1?fassung=1')).body);
    assert.match(old, /ältere Fassung 1/);
    assert.match(old, /O1: Teilnehmende aller Aktivitäten \(Personen\)/);
    assert.equal((await office.get('/monitoring/indikatoren/O1?fassung=7')).statusCode, 404);
    const history = visibleText((await office.get('/monitoring/indikatoren/O1')).body);
    assert.match(history, /Petra Programmbüro/, 'the office sees who made the version');
  });

  it('retires an indicator and takes it up again, each as a version', async () => {
    assert.equal((await office.post('/monitoring/indikatoren/O5/status', { status: 'vielleicht' })).statusCode, 422);
    assert.equal((await office.post('/monitoring/indikatoren/O5/status', { status: 'retired' })).statusCode, 303);
    assert.doesNotMatch(visibleText((await office.get('/monitoring?zeitraum=2025')).body), /Durchgeführte Beteiligungsverfahren/);
    assert.match(visibleText((await office.get('/monitoring/indikatoren/O5')).body), /Dieser Indikator ist eingestellt/);
    assert.equal(await audits('monitoring.indicator_retired'), 1);
    assert.equal((await office.post('/monitoring/indikatoren/O5/status', { status: 'active' })).statusCode, 303);
    assert.match(visibleText((await office.get('/monitoring?zeitraum=2025')).body), /Durchgeführte Beteiligungsverfahren/);
    const versions = await db.selectFrom('monitoring_indicators').select(['version', 'status']).where('code', '=', 'O5').orderBy('version').execute();
    assert.deepEqual(
      versions.map((v) => v.status),
      ['active', 'retired', 'active'],
    );
  });

  it('sets targets per period and level, replacing an earlier one', async () => {
    // Seen before the change: the dashboards' figures are rendered once per state of their data, and a new target is a new state.
    assert.doesNotMatch(visibleText((await office.get('/monitoring?zeitraum=2025')).body), /Durchgeführte Dialogveranstaltungen\s*1\s*Anzahl\s*13/);
    const bad = await office.post('/monitoring/indikatoren/O7/zielwerte', { period: '2025-Q9', value: '12' });
    assert.equal(bad.statusCode, 422);
    assert.match(bad.body, /value="12"/);
    const notInProgramme = await office.post('/monitoring/indikatoren/O7/zielwerte', { period: '2025', townId: String(foreignTown), value: '12' });
    assert.equal(notInProgramme.statusCode, 422, 'a town outside the programme is a field error');
    assert.equal((await office.post('/monitoring/indikatoren/O7/zielwerte', { period: '2025', value: 'zwölf' })).statusCode, 422);
    assert.equal((await office.post('/monitoring/indikatoren/O7/zielwerte', { period: '2025', value: '10' })).statusCode, 303);
    assert.equal((await office.post('/monitoring/indikatoren/O7/zielwerte', { period: '2025', value: '12,5' })).statusCode, 303);
    assert.equal((await office.post('/monitoring/indikatoren/O7/zielwerte', { period: '2025', townId: String(town), value: '3' })).statusCode, 303);
    const rows = await db.selectFrom('monitoring_targets').select(['municipality_id', 'value']).where('indicator_code', '=', 'O7').orderBy('id').execute();
    assert.deepEqual(
      rows.map((r) => [r.municipality_id, Number(r.value)]),
      [
        [null, 12.5],
        [town, 3],
      ],
    );
    assert.equal(await audits('monitoring.target_set'), 3);
    assert.match(visibleText((await office.get('/monitoring?zeitraum=2025')).body), /Durchgeführte Dialogveranstaltungen\s*1\s*Anzahl\s*13/);
    assert.match(visibleText((await coordinator.get(`/verwaltung/${BENSHEIM}/monitoring?zeitraum=2025`)).body), /Durchgeführte Dialogveranstaltungen\s*1\s*Anzahl\s*3/);
  });

  it('records values entered by hand with who, when and a note, and shows them as the figure', async () => {
    const townDashboard = `/verwaltung/${BENSHEIM}/monitoring?zeitraum=2025`;
    assert.doesNotMatch(visibleText((await coordinator.get(townDashboard)).body), /72,5 %/, 'seen before the value is entered');
    assert.doesNotMatch(visibleText((await office.get(`/monitoring?zeitraum=2025&ebene=kommune:${BENSHEIM}`)).body), /72,5 %/);
    const bad = await office.post('/monitoring/indikatoren/R5/werte', { period: '2025', value: 'viel', note: 'Feedbackbögen Frühjahr' });
    assert.equal(bad.statusCode, 422);
    assert.match(bad.body, /Feedbackbögen Frühjahr/, 'the note typed is kept');
    assert.equal((await office.post('/monitoring/indikatoren/R5/werte', { period: '2025', townId: String(town), value: '72,5', note: 'Feedbackbögen Frühjahr' })).statusCode, 303);
    const list = visibleText((await office.get('/monitoring/indikatoren/R5/werte')).body);
    assert.match(list, /2025\s*Bensheim\s*72,5\s*Feedbackbögen Frühjahr\s*Petra Programmbüro, \d\d\.\d\d\.\d{4}/);
    assert.equal(await audits('monitoring.manual_value_added'), 1);
    const row = await db.selectFrom('monitoring_manual_values').selectAll().executeTakeFirstOrThrow();
    assert.ok(row.entered_by !== null && row.entered_at instanceof Date);
    assert.match(visibleText((await coordinator.get(townDashboard)).body), /R5\s*Anteil, die eine Aktivität als hilfreich bewerten\s*72,5 %\s*Prozent\s*–\s*von Hand erfasst/);
    assert.match(
      visibleText((await office.get(`/monitoring?zeitraum=2025&ebene=kommune:${BENSHEIM}`)).body),
      /R5\s*Anteil, die eine Aktivität als hilfreich bewerten\s*72,5 %/,
      'the programme dashboard at the town level shows it too',
    );
  });

  it('lets only the office edit', async () => {
    for (const client of [coordinator, funder]) {
      assert.equal((await client.get('/monitoring/indikatoren/O1/bearbeiten')).statusCode, 403);
      assert.equal((await client.post('/monitoring/indikatoren/O1/bearbeiten', O1_FORM)).statusCode, 403);
      assert.equal((await client.post('/monitoring/indikatoren/O1/status', { status: 'retired' })).statusCode, 403);
      assert.equal((await client.post('/monitoring/indikatoren/R5/werte', { period: '2025', value: '1' })).statusCode, 403);
    }
    assert.doesNotMatch((await funder.get('/monitoring/indikatoren/O1')).body, /bearbeiten/);
    assert.match((await office.get('/monitoring/indikatoren/O1')).body, /href="\/monitoring\/indikatoren\/O1\/bearbeiten"/);
  });
});
