import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import type { App } from '../../src/app.ts';
import { todayInBerlin } from '../../src/platform/i18n/catalog.ts';
import { startPeerApp, startTestApp, type TestApp } from '../support/app.ts';
import { TestClient, visibleText } from '../support/client.ts';
import { testEngine } from '../support/database.ts';
import { createUser, municipalityId, TEST_PASSWORD } from '../support/users.ts';

const BENSHEIM = '06431002';

function day(offset: number): string {
  return new Date(new Date(`${todayInBerlin()}T12:00:00Z`).getTime() + offset * 86_400_000).toISOString().slice(0, 10);
}

/** Asks until `done` holds or the time is up; returns how long it took. */
async function within(ms: number, done: () => Promise<boolean>): Promise<number> {
  const started = Date.now();
  while (!(await done())) {
    if (Date.now() - started > ms) throw new Error(`not within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return Date.now() - started;
}

// Several instances share one PostgreSQL database; PGlite serves one process only (ADR 0019).
describe('the page cache across instances on one database', { skip: testEngine() !== 'postgres' }, () => {
  let a: TestApp;
  let b: App;
  let coordinator: TestClient;

  before(async () => {
    a = await startTestApp({ env: { PAGE_CACHE_SECONDS: '60' } });
    b = await startPeerApp(a, { env: { PAGE_CACHE_SECONDS: '60' } });
    await createUser(a.app.services.db, { email: 'koordination@bensheim.test', roles: [{ role: 'coordinator', municipalityId: await municipalityId(a.app.services.db, BENSHEIM) }] });
    coordinator = new TestClient(a.app.fastify);
    await coordinator.login('koordination@bensheim.test', TEST_PASSWORD);
  });
  after(async () => {
    await b?.close();
    await a?.close();
  });

  const createEvent = (title: string) =>
    coordinator.post(`/verwaltung/${BENSHEIM}/veranstaltungen/neu`, {
      title,
      format: 'dialogue',
      mode: 'in_person',
      venue: 'Rathaus',
      startsAt: `${day(3)}T18:00`,
      endsAt: `${day(3)}T20:00`,
      capacity: '10',
      languages: 'de',
      published: 'on',
    });

  async function cachedOnB(visitor: TestClient): Promise<void> {
    await within(2000, async () => {
      await visitor.get('/veranstaltungen');
      return (await visitor.get('/veranstaltungen')).headers['x-page-cache'] === 'hit';
    });
  }

  it('shows a change made through instance A on instance B within a second', async () => {
    const visitor = new TestClient(b.fastify);
    await cachedOnB(visitor);
    assert.equal((await createEvent('Sommerfest der Vielfalt')).statusCode, 303);
    const took = await within(1000, async () => visibleText((await visitor.get('/veranstaltungen')).body).includes('Sommerfest der Vielfalt'));
    assert.ok(took < 1000, `took ${took} ms`);
  });

  it('serves nothing from the cache while it cannot hear the others, and catches up after', async () => {
    const visitor = new TestClient(b.fastify);
    await cachedOnB(visitor);
    // Cut every listening connection of this database, as a network failure or a database restart would.
    const admin = new pg.Client({ connectionString: a.database.url });
    await admin.connect();
    try {
      const cut = await admin.query("select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and query ilike 'listen%'");
      assert.equal(cut.rowCount, 2, 'each instance listens on a connection of its own');
    } finally {
      await admin.end();
    }
    await within(1000, async () => (await visitor.get('/veranstaltungen')).headers['x-page-cache'] === undefined);
    // While B reconnects, A's change must not be missed: B renders afresh until it hears again.
    assert.equal((await createEvent('Lesung im Rathaus')).statusCode, 303);
    assert.match(visibleText((await visitor.get('/veranstaltungen')).body), /Lesung im Rathaus/);
    // Back in a second or so; then the cache works again and hears A's next change.
    await cachedOnB(visitor);
    assert.equal((await createEvent('Stadtteilspaziergang')).statusCode, 303);
    await within(1000, async () => visibleText((await visitor.get('/veranstaltungen')).body).includes('Stadtteilspaziergang'));
  });
});
