/**
 * The dashboards over HTTP: the office sees every town's figures unprotected; the funder sees
 * nothing before the programme report of a period is approved, and then only protected tables
 * (no cell of 1–4 persons, in the page and in the CSV); a coordinator sees the own town only.
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

describe('monitoring dashboards', () => {
  let t: TestApp;
  let db: Kysely<Database>;
  let office: TestClient;
  let funder: TestClient;
  let coordinator: TestClient;

  before(async () => {
    t = await startTestApp({ variant: 'reference' });
    db = t.app.services.db;
    const town = await municipalityId(db, BENSHEIM);
    const foreignTown = await municipalityId(db, VIERNHEIM);
    // Bensheim: 12 people, of them 2 third-country nationals; Viernheim: 3 people.
    const big = await createEvent(db, { municipalityId: town, startsAt: new Date('2025-03-10T16:00:00Z') });
    for (let i = 0; i < 12; i++) {
      const id = await addRegistration(db, big, { email: `person${i}@example.org`, attended: true });
      await db
        .updateTable('event_registrations')
        .set({ third_country: i < 2 ? 'yes' : 'no', sex: i % 2 ? 'female' : 'male' })
        .where('id', '=', id)
        .execute();
    }
    const small = await createEvent(db, { municipalityId: foreignTown, startsAt: new Date('2025-05-10T16:00:00Z') });
    for (let i = 0; i < 3; i++) await addRegistration(db, small, { email: `gast${i}@example.org`, attended: true });

    const users = {
      office: await createUser(db, { email: 'buero@example.org', roles: [{ role: 'programme_office' }] }),
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

  it('shows the office the catalogue with computed values and every town unprotected', async () => {
    const res = await office.get('/monitoring?zeitraum=2025');
    assert.equal(res.statusCode, 200);
    const text = visibleText(res.body);
    for (const code of ['O1', 'O2', 'O9', 'R9', 'F3']) assert.match(text, new RegExp(`\\b${code}\\b`));
    assert.match(text, /Teilnehmende aller Aktivitäten \(Personen\)\s*15/);
    assert.match(text, /Nach Geschlecht .*Summe der Kommunen\s*6\s*6\s*0\s*3\s*15/, 'the Land dashboard sums each breakdown');
    assert.doesNotMatch(text, /Nach Geschlecht .*Viernheim/, 'the rows of the towns are on their own page');
    assert.match(res.body, /href="\/monitoring\/teilnehmende\?zeitraum=2025&amp;ebene=land"/);
    const perTown = visibleText((await office.get('/monitoring/teilnehmende?zeitraum=2025&ebene=land')).body);
    assert.match(perTown, /Viernheim\s*0\s*0\s*0\s*3\s*3/, 'three persons who stated no sex, shown as they are');
    const csv = await office.get('/monitoring/teilnehmende.csv?zeitraum=2025');
    assert.equal(csv.statusCode, 200);
    assert.match(csv.body, /06431020;Viernheim;3;/);
  });

  it('shows the funder nothing of a period whose programme report is not approved', async () => {
    const res = await funder.get('/monitoring?zeitraum=2025');
    assert.equal(res.statusCode, 200);
    assert.match(visibleText(res.body), /noch kein freigegebener Bericht/);
    assert.doesNotMatch(visibleText(res.body), /Viernheim/);
    assert.equal((await funder.get('/monitoring/teilnehmende.csv?zeitraum=2025')).statusCode, 404);
    assert.equal((await funder.get('/monitoring/teilnehmende?zeitraum=2025')).statusCode, 404);
    assert.equal((await funder.get('/monitoring/verlauf.svg?zeitraum=2025')).statusCode, 404);
  });

  it('shows the funder protected tables once the period is approved: no cell of 1–4 persons', async () => {
    const empty = await office.post('/monitoring/berichte/2025', { decision: 'vielleicht', note: 'x'.repeat(3000) });
    assert.equal(empty.statusCode, 422, 'a forged decision and a huge note come back as the form');
    assert.equal((await funder.post('/monitoring/berichte/2025', { decision: 'approved' })).statusCode, 403);
    const approved = await office.post('/monitoring/berichte/2025', { decision: 'approved', note: 'geprüft' });
    assert.equal(approved.statusCode, 303);
    const report = await db.selectFrom('monitoring_reports').selectAll().where('period', '=', '2025').executeTakeFirstOrThrow();
    assert.equal(report.status, 'approved');
    const snapshot = report.snapshot as { figures: Array<{ code: string; value: number | null }> };
    assert.equal(snapshot.figures.find((f) => f.code === 'O1')?.value, 15, 'the approved figures are frozen with the report');
    const audit = await db.selectFrom('audit_log').select('action').where('action', '=', 'monitoring.report_approved').execute();
    assert.equal(audit.length, 1);
    const res = await funder.get('/monitoring?zeitraum=2025');
    assert.equal(res.statusCode, 200);
    const text = visibleText(res.body);
    assert.match(text, /„x“ steht für einen Wert/);
    const perTown = await funder.get('/monitoring/teilnehmende?zeitraum=2025&ebene=land');
    assert.equal(perTown.statusCode, 200);
    assert.match(visibleText(perTown.body), /„x“ steht für einen Wert/);
    assert.doesNotMatch(visibleText(perTown.body), /Viernheim\s*0\s*0\s*0\s*3\s*3/);
    const csv = await funder.get('/monitoring/teilnehmende.csv?zeitraum=2025');
    assert.equal(csv.statusCode, 200);
    const rows = csv.body
      .replace(/^\uFEFF/, '')
      .split('\n')
      .filter((line) => /^0643/.test(line));
    assert.equal(rows.length, 2);
    for (const row of rows) {
      for (const cell of row.split(';').slice(2)) assert.ok(cell === 'x' || cell === '0' || Number(cell) >= 5, `a small cell in ${row}`);
    }
    assert.match(csv.body, /Schutz kleiner Fallzahlen/);
    const chart = await funder.get('/monitoring/verlauf.svg?zeitraum=2025');
    assert.equal(chart.statusCode, 200);
    assert.match(chart.body, /<svg/);
  });

  it('shows a coordinator the own town, and refuses another', async () => {
    const own = await coordinator.get(`/verwaltung/${BENSHEIM}/monitoring?zeitraum=2025`);
    assert.equal(own.statusCode, 200);
    assert.match(visibleText(own.body), /Bensheim/);
    assert.doesNotMatch(visibleText(own.body), /Viernheim/);
    assert.equal((await coordinator.get(`/verwaltung/${VIERNHEIM}/monitoring?zeitraum=2025`)).statusCode, 403);
    assert.equal((await coordinator.get('/monitoring?zeitraum=2025')).statusCode, 403);
    assert.equal((await office.get(`/verwaltung/${BENSHEIM}/monitoring?zeitraum=kaputt`)).statusCode, 404);
    assert.equal((await office.get(`/monitoring?zeitraum=${'9'.repeat(19)}`)).statusCode, 404);
    assert.equal((await office.get(`/monitoring?zeitraum=${'9'.repeat(40)}`)).statusCode, 400);
  });
});
