/**
 * Every route × every role × own/foreign municipality, with the answer each should get. The
 * entries live per module in test/web/matrix/<module>.ts. A route the app registers without an
 * entry in its module's file fails the test, and so does an entry for a route that no longer
 * exists. Each entry must also agree with the route's declared access: a refusal (403) or a
 * redirect to the login must follow from the declaration, unless the entry says why the handler
 * refuses.
 */
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Access } from '../../src/platform/http/access.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { TestClient } from '../support/client.ts';
import { createUser, municipalityId, TEST_PASSWORD } from '../support/users.ts';
import { firstDistrict, ledCohort, programmeWithCohort } from './matrix/fixtures.ts';
import { type Entries, type Entry, type Expect, FOREIGN, type Fixtures, type Matrix, OWN, ROLES, type Role } from './matrix/types.ts';

const ENTRY_DIR = join(import.meta.dirname, 'matrix');
/** Entries by the module whose routes they describe; the file name is the module's name. */
const entriesByModule = new Map<string, Entries>();
for (const file of readdirSync(ENTRY_DIR)
  .filter((f) => f.endsWith('.ts') && f !== 'types.ts' && f !== 'fixtures.ts')
  .sort()) {
  const module = (await import(join(ENTRY_DIR, file))) as { entries: Entries };
  entriesByModule.set(file.replace(/\.ts$/, ''), module.entries);
}
const MATRIX: Record<string, Entry> = {};
for (const entries of entriesByModule.values()) {
  for (const [key, entry] of Object.entries(entries)) {
    assert.ok(!(key in MATRIX), `${key} has entries in two files`);
    MATRIX[key] = entry;
  }
}

const OTHERS_THAN = (...allowed: Role[]) => ROLES.filter((r) => r !== 'visitor' && !allowed.includes(r));

/**
 * What the declared access alone answers each role, before any handler runs: the visitor is sent
 * to sign in, a role without the area is refused, a scope's resolver refuses (town, cohort) or
 * does not find (a trainee's enrolment) what the caller has no part in.
 */
function dictatedBy(access: Access): Partial<Matrix> {
  if (access === 'public') return {};
  const dictated: Partial<Matrix> = { visitor: 'login' };
  const refuse = (roles: Role[], answer: Expect = 'forbidden') => {
    for (const role of roles) dictated[role] = answer;
  };
  if (access === 'signedIn' || access === 'verified') return dictated;
  if (access === 'office') refuse(OTHERS_THAN('programme_office'));
  else if (access === 'funder') refuse(OTHERS_THAN('funder', 'programme_office'));
  else if (access === 'coordinator') refuse(OTHERS_THAN('coordinator_own', 'coordinator_foreign', 'programme_office'));
  else if (access === 'trainer') refuse(OTHERS_THAN('trainer', 'programme_office'));
  else if (access.scope === 'town') refuse(OTHERS_THAN('coordinator_own', 'programme_office'));
  else if (access.scope === 'cohort') refuse(OTHERS_THAN('trainer', 'programme_office'));
  else if (access.scope === 'enrolment') refuse(OTHERS_THAN('participant'), 'not_found');
  else throw new Error(`the matrix does not know the scope ${JSON.stringify(access)}: add what it answers to dictatedBy`);
  return dictated;
}

/** Where an entry and the route's declared access disagree, in words. */
function disagreements(access: Access, entry: Entry): string[] {
  const dictated = dictatedBy(access);
  const wrong: string[] = [];
  for (const role of ROLES) {
    const expected = entry.expect[role];
    const byAccess = dictated[role];
    if (byAccess !== undefined && expected !== byAccess) wrong.push(`${role}: the declared access answers ${byAccess}, the entry expects ${expected}`);
    if (byAccess === undefined && (expected === 'forbidden' || expected === 'login') && !entry.refusedByHandler) {
      wrong.push(`${role}: the declared access lets in, the entry expects ${expected} without saying why (refusedByHandler)`);
    }
  }
  return wrong;
}

function classify(method: string, status: number, location: string | undefined): Expect | `unexpected ${number}` {
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 400) return 'bad_request';
  if (status === 401 || ((status === 302 || status === 303) && location?.startsWith('/anmelden') && method === 'GET')) return 'login';
  if (status === 422) return 'invalid';
  if (status >= 200 && status < 400) return 'ok';
  return `unexpected ${status}`;
}

describe('authorization matrix', () => {
  let t: TestApp;
  const clients = new Map<Role, TestClient>();
  let fixtures: Fixtures;
  const emails: Partial<Record<Role, string>> = {};

  before(async () => {
    t = await startTestApp({ variant: 'demo' });
    const db = t.app.services.db;
    const ownId = await municipalityId(db, OWN);
    const foreignId = await municipalityId(db, FOREIGN);
    fixtures = { db, ownId };
    const grants: Record<Exclude<Role, 'visitor'>, Parameters<typeof createUser>[1]['roles']> = {
      participant: [],
      trainer: [{ role: 'trainer' }],
      coordinator_own: [{ role: 'coordinator', municipalityId: ownId }],
      coordinator_foreign: [{ role: 'coordinator', municipalityId: foreignId }],
      programme_office: [{ role: 'programme_office' }],
      funder: [{ role: 'funder' }],
    };
    clients.set('visitor', new TestClient(t.app.fastify));
    for (const [role, roles] of Object.entries(grants) as Array<[Role, Parameters<typeof createUser>[1]['roles']]>) {
      const email = `matrix-${role.replace('_', '-')}@example.org`;
      emails[role] = email;
      await createUser(db, { email, roles });
      const client = new TestClient(t.app.fastify);
      await client.login(email, TEST_PASSWORD);
      clients.set(role, client);
    }
  });
  after(() => t.close());

  it("has an entry for every route in its module's file, and no entry for a route that does not exist", () => {
    const registered = new Set(t.app.routes.map((r) => `${r.method} ${r.url}`));
    const missing = t.app.routes.filter((r) => !(`${r.method} ${r.url}` in (entriesByModule.get(r.module) ?? {}))).map((r) => `${r.method} ${r.url} (test/web/matrix/${r.module}.ts)`);
    const stale = Object.keys(MATRIX).filter((key) => !registered.has(key));
    assert.deepEqual(missing, [], "routes without an entry in their module's matrix file");
    assert.deepEqual(stale, [], 'matrix entries for routes that do not exist');
  });

  it('agrees with the access every route declares', () => {
    const wrong = t.app.routes.flatMap((r) => {
      const entry = MATRIX[`${r.method} ${r.url}`];
      return entry ? disagreements(r.access, entry).map((text) => `${r.method} ${r.url}: ${text}`) : [];
    });
    assert.deepEqual(wrong, []);
  });

  for (const [key, entry] of Object.entries(MATRIX)) {
    it(key, async () => {
      const [method, pattern] = key.split(' ') as [string, string];
      const failures: string[] = [];
      for (const role of ROLES) {
        const path = typeof entry.path === 'function' ? await entry.path(fixtures) : (entry.path ?? pattern.replace(':ags', OWN));
        let client = clients.get(role) as TestClient;
        if (entry.ownSession && role !== 'visitor') {
          client = new TestClient(t.app.fastify);
          await client.login(emails[role] as string, TEST_PASSWORD);
        }
        const response = method === 'GET' ? await client.get(path) : method === 'OPTIONS' ? await client.request({ method: 'OPTIONS', url: path }) : await client.post(path, entry.form ?? {});
        const got = classify(method, response.statusCode, response.headers.location as string | undefined);
        if (got !== entry.expect[role]) failures.push(`${role}: expected ${entry.expect[role]}, got ${got} (${response.statusCode})`);
      }
      assert.deepEqual(failures, [], `${key}`);
    });
  }

  it('shows a trainer only the cohorts they lead', async () => {
    const trainer = clients.get('trainer') as TestClient;
    const led = await ledCohort(fixtures);
    const other = await programmeWithCohort(fixtures);
    assert.equal((await trainer.get(`/kursleitung/kohorten/${led.cohort}`)).statusCode, 200);
    assert.equal((await trainer.get(`/kursleitung/kohorten/${other.cohort}`)).statusCode, 403);
    const list = (await trainer.get('/kursleitung')).body;
    assert.match(list, /Matrix-Kurs/);
    assert.doesNotMatch(list, /Matrix-Kohorte/);
  });

  it('answers a coordinator of another town with 403 on every page of the own town, and 404 for its records under a foreign URL', async () => {
    const foreign = clients.get('coordinator_foreign') as TestClient;
    const own = clients.get('coordinator_own') as TestClient;
    assert.equal((await foreign.get(`/verwaltung/${OWN}/ortsteile`)).statusCode, 403);
    const ownDistrict = await firstDistrict(fixtures);
    assert.equal((await own.get(`/verwaltung/${FOREIGN}/ortsteile/${ownDistrict}`)).statusCode, 403);
    assert.equal((await clients.get('programme_office')?.get(`/verwaltung/${FOREIGN}/ortsteile/${ownDistrict}`))?.statusCode, 404);
  });
});
