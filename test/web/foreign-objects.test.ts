/**
 * The foreign-object pass: every route that takes an object id in the URL or the body is sent a
 * valid request in which that id belongs to another town, event, survey or cohort. It must answer
 * 404 (or a field error) and change nothing. A route that takes an id and has no case fails here.
 * The cases live per module in test/web/foreign/*.ts.
 */
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startTestApp, type TestApp } from '../support/app.ts';
import { TestClient } from '../support/client.ts';
import { createUser, municipalityId, TEST_PASSWORD } from '../support/users.ts';
import { FOREIGN, type ForeignCase, type ForeignCases, type ForeignFixtures, OWN } from './foreign/types.ts';

const CASE_DIR = join(import.meta.dirname, 'foreign');
const cases: ForeignCases = {};
for (const file of readdirSync(CASE_DIR)
  .filter((f) => f.endsWith('.ts') && f !== 'types.ts')
  .sort()) {
  const module = (await import(join(CASE_DIR, file))) as { cases: ForeignCases };
  for (const [key, value] of Object.entries(module.cases)) {
    assert.ok(!(key in cases), `${key} has cases in two files`);
    cases[key] = value;
  }
}

/** A route with more than one id to try has further cases keyed `<route> #<what>` (e.g. `#methodIds`). */
function routeOf(key: string): string {
  return key.split(' #')[0] ?? key;
}

/** An id in the URL is any parameter but the town key; in the body, any field named …Id or …Ids. */
function takesIds(route: { url: string; bodyFields: string[] }): boolean {
  const params = [...route.url.matchAll(/:(\w+)/g)].map((m) => m[1]).filter((p) => p !== 'ags');
  return params.length > 0 || route.bodyFields.some((field) => /Ids?$/.test(field));
}

describe('foreign-object pass', () => {
  let t: TestApp;
  let fixtures: ForeignFixtures;
  const clients = new Map<ForeignCase['as'], TestClient>();

  before(async () => {
    t = await startTestApp({ variant: 'demo' });
    const db = t.app.services.db;
    const ownId = await municipalityId(db, OWN);
    const foreignId = await municipalityId(db, FOREIGN);
    const accounts = {
      coordinator: await createUser(db, { email: 'foreign-coordinator@example.org', roles: [{ role: 'coordinator', municipalityId: ownId }] }),
      trainer: await createUser(db, { email: 'foreign-trainer@example.org', roles: [{ role: 'trainer' }] }),
      participant: await createUser(db, { email: 'foreign-participant@example.org' }),
      office: await createUser(db, { email: 'foreign-office@example.org', roles: [{ role: 'programme_office' }] }),
    };
    fixtures = { db, ownId, foreignId, users: { coordinator: accounts.coordinator.id, trainer: accounts.trainer.id, participant: accounts.participant.id, office: accounts.office.id } };
    for (const [role, account] of Object.entries(accounts) as Array<[ForeignCase['as'], { email: string }]>) {
      const client = new TestClient(t.app.fastify);
      await client.login(account.email, TEST_PASSWORD);
      clients.set(role, client);
    }
  });
  after(() => t.close());

  it('has a case for every route that takes an id, and none for a route that does not exist', () => {
    const idRoutes = t.app.routes.filter(takesIds).map((r) => `${r.method} ${r.url}`);
    const registered = new Set(t.app.routes.map((r) => `${r.method} ${r.url}`));
    assert.deepEqual(
      idRoutes.filter((key) => !(key in cases)),
      [],
      'id-taking routes without a foreign-object case',
    );
    assert.deepEqual(
      Object.keys(cases).filter((key) => !registered.has(routeOf(key))),
      [],
      'cases for routes that do not exist',
    );
  });

  for (const [key, entry] of Object.entries(cases)) {
    if ('notApplicable' in entry) continue;
    it(key, async () => {
      const [method] = key.split(' ') as [string];
      const before = await entry.snapshot(fixtures);
      const { path, form } = await entry.request(fixtures);
      const client = clients.get(entry.as) as TestClient;
      const response = method === 'GET' ? await client.get(path) : await client.post(path, form ?? {});
      const allowed = entry.expect ?? [404, 422];
      assert.ok(allowed.includes(response.statusCode), `${key} as ${entry.as} → ${path}: expected ${allowed.join(' or ')}, got ${response.statusCode} ${response.headers.location ?? ''}`);
      assert.deepEqual(await entry.snapshot(fixtures), before, `${key} changed something`);
    });
  }
});
