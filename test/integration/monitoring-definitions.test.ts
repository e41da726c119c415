/**
 * The indicator definition pages over HTTP: the catalogue list and one page per code with its
 * formula in words, sources, targets and versions; every figure of a dashboard links there. The
 * office, the funder and coordinators read them; other accounts are refused.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Kysely } from 'kysely';
import type { Database } from '../../src/platform/db/schema.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { TestClient, visibleText } from '../support/client.ts';
import { createUser, municipalityId, TEST_PASSWORD } from '../support/users.ts';

const BENSHEIM = '06431002';

describe('monitoring indicator definitions', () => {
  let t: TestApp;
  let db: Kysely<Database>;
  let office: TestClient;
  let funder: TestClient;
  let coordinator: TestClient;
  let participant: TestClient;

  before(async () => {
    t = await startTestApp({ variant: 'reference' });
    db = t.app.services.db;
    const town = await municipalityId(db, BENSHEIM);
    await db.insertInto('monitoring_targets').values({ indicator_code: 'O1', period: '2025', municipality_id: null, value: 1200 }).execute();
    await db.insertInto('monitoring_targets').values({ indicator_code: 'O1', period: '2025', municipality_id: town, value: 80 }).execute();
    const users = {
      office: await createUser(db, { email: 'buero@example.org', roles: [{ role: 'programme_office' }] }),
      funder: await createUser(db, { email: 'foerderer@example.org', roles: [{ role: 'funder' }] }),
      coordinator: await createUser(db, { email: 'koordination@bensheim.test', roles: [{ role: 'coordinator', municipalityId: town }] }),
      participant: await createUser(db, { email: 'person@example.org' }),
    };
    office = new TestClient(t.app.fastify);
    await office.login(users.office.email, TEST_PASSWORD);
    funder = new TestClient(t.app.fastify);
    await funder.login(users.funder.email, TEST_PASSWORD);
    coordinator = new TestClient(t.app.fastify);
    await coordinator.login(users.coordinator.email, TEST_PASSWORD);
    participant = new TestClient(t.app.fastify);
    await participant.login(users.participant.email, TEST_PASSWORD);
  });
  after(() => t.close());

  it('lists the whole catalogue with a link to each definition', async () => {
    const res = await office.get('/monitoring/indikatoren');
    assert.equal(res.statusCode, 200);
    const text = visibleText(res.body);
    assert.match(text, /24 Indikatoren im Katalog/);
    for (const code of ['O1', 'O12', 'R9', 'F3']) assert.match(res.body, new RegExp(`href="/monitoring/indikatoren/${code}"`));
  });

  it('defines a share with numerator, denominator and factor in words', async () => {
    const res = await funder.get('/monitoring/indikatoren/O2');
    assert.equal(res.statusCode, 200);
    const text = visibleText(res.body);
    assert.match(text, /O2: Davon Drittstaatsangehörige \(Anteil\)/);
    assert.match(text, /Zähler: Personen aus „Teilnehmende aller Aktivitäten[^“]*“, jede Person einmal – nur wo third_country = „yes“/);
    assert.match(text, /Nenner: Personen aus „Teilnehmende aller Aktivitäten/);
    assert.match(text, /mal 100/);
    assert.match(text, /höher ist besser/);
    assert.match(text, /seit [0-9.]+ Davon Drittstaatsangehörige \(Anteil\) erste Fassung/);
    assert.doesNotMatch(text, /Angelegt von/, 'the funder does not see who in the office edited the catalogue');
  });

  it('shows the targets per period and level, and names the sources', async () => {
    const res = await coordinator.get('/monitoring/indikatoren/O1');
    assert.equal(res.statusCode, 200);
    const text = visibleText(res.body);
    assert.match(text, /2025\s*ganzes Programm\s*1\.200/);
    assert.match(text, /2025\s*Bensheim\s*80/);
    assert.match(text, /monitoring\.participants/);
    const manual = visibleText((await office.get('/monitoring/indikatoren/R5')).body);
    assert.match(manual, /Summe der von Hand erfassten Werte/);
    assert.match(manual, /Angelegt von/);
  });

  it('links every figure of the dashboards to its definition', async () => {
    const programme = await office.get('/monitoring?zeitraum=2025');
    for (const code of ['O1', 'O7', 'R3', 'F1']) assert.match(programme.body, new RegExp(`href="/monitoring/indikatoren/${code}"`));
    const town = await coordinator.get(`/verwaltung/${BENSHEIM}/monitoring?zeitraum=2025`);
    assert.match(town.body, /href="\/monitoring\/indikatoren\/O3"/);
  });

  it('refuses accounts without a dashboard, and answers 404 for an unknown code', async () => {
    assert.equal((await participant.get('/monitoring/indikatoren')).statusCode, 403);
    assert.equal((await participant.get('/monitoring/indikatoren/O1')).statusCode, 403);
    assert.equal((await office.get('/monitoring/indikatoren/X99')).statusCode, 404);
    assert.equal((await office.get('/monitoring/indikatoren/o1%27--')).statusCode, 404);
    assert.equal((await office.get(`/monitoring/indikatoren/${'A'.repeat(30)}`)).statusCode, 400);
    const visitor = new TestClient(t.app.fastify);
    const res = await visitor.get('/monitoring/indikatoren/O1');
    assert.ok(res.statusCode === 302 || res.statusCode === 303 || res.statusCode === 401, `visitor: ${res.statusCode}`);
  });
});
