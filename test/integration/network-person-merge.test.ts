/**
 * Duplicate people in the network: the warning when a person like one already recorded is entered,
 * "not a duplicate" remembered, the pairs on the duplicates page, and the merge that takes the
 * chosen name, account and consent and moves every membership in one audited transaction — with
 * the ids of another town answered 404 and changing nothing.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Kysely } from 'kysely';
import { peopleDuplicatesRepository } from '../../src/modules/network/people-duplicates-repository.ts';
import type { Database } from '../../src/platform/db/schema.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { TestClient, visibleText } from '../support/client.ts';
import { networkFactory } from '../support/factories/network.ts';
import { createUser, municipalityId, TEST_PASSWORD } from '../support/users.ts';

const BENSHEIM = '06431002';
const VIERNHEIM = '06431020';
const base = `/verwaltung/${BENSHEIM}/netzwerk`;
const person = { consentPurpose: 'Kontakt', consentVersion: '2024-1', consentGivenOn: '2024-02-01' };

describe('network people: duplicates and merge', () => {
  let t: TestApp;
  let db: Kysely<Database>;
  let town: number;
  let foreignTown: number;
  const ids: Record<string, number> = {};
  let coordinator: TestClient;
  let account: { id: number; email: string };

  before(async () => {
    t = await startTestApp({ variant: 'reference' });
    db = t.app.services.db;
    town = await municipalityId(db, BENSHEIM);
    foreignTown = await municipalityId(db, VIERNHEIM);
    const f = networkFactory(db, town);
    account = await createUser(db, { email: 'aylin@example.org' });
    ids.club = await f.organisation('Turnverein Bensheim');
    ids.school = await f.organisation('Grundschule am Park', { type: 'school' });
    ids.aylin = await f.person('Aylin Yilmaz');
    ids.aylinTwin = await f.person('Dr. Aylin Yilmaz', account.id);
    ids.other = await f.person('Peter Becker');
    await f.membership(ids.aylin, ids.club, 'contact');
    await f.membership(ids.aylinTwin, ids.club, 'contact');
    await f.membership(ids.aylinTwin, ids.school, 'board_member');
    ids.foreignPerson = await networkFactory(db, foreignTown).person('Aylin Yılmaz');
    const own = await createUser(db, { email: 'personen@bensheim.test', roles: [{ role: 'coordinator', municipalityId: town }] });
    coordinator = new TestClient(t.app.fastify);
    await coordinator.login(own.email, TEST_PASSWORD);
  });
  after(() => t.close());

  it('warns when a person like one already recorded is entered, and remembers "someone else" once confirmed', async () => {
    const first = await coordinator.post(`${base}/personen`, { name: 'Peter Becker', ...person });
    assert.equal(first.statusCode, 422);
    assert.match(visibleText(first.body), /Eine ähnliche Person ist schon erfasst Peter Becker \(ähnlicher Name/);
    assert.match(first.body, /value="Peter Becker"/);
    assert.match(first.body, /name="notDuplicate"/);
    assert.equal((await db.selectFrom('network_people').select('id').where('name', '=', 'Peter Becker').execute()).length, 1);
    const confirmed = await coordinator.post(`${base}/personen`, { name: 'Peter Becker', ...person, notDuplicate: 'on' });
    assert.equal(confirmed.statusCode, 303);
    const created = await db.selectFrom('network_people').select('id').where('name', '=', 'Peter Becker').where('id', '<>', ids.other).executeTakeFirstOrThrow();
    const distinct = await db.selectFrom('network_person_distinct').select(['first_id', 'second_id']).where('municipality_id', '=', town).execute();
    assert.deepEqual(distinct, [{ first_id: Math.min(ids.other, created.id), second_id: Math.max(ids.other, created.id) }]);
    // The same account is a duplicate even under another name.
    const sameAccount = await coordinator.post(`${base}/personen`, { name: 'Ganz Anders', ...person, userEmail: account.email });
    assert.equal(sameAccount.statusCode, 422);
    assert.match(visibleText(sameAccount.body), /Dr\. Aylin Yilmaz \(gleiches Konto/);
  });

  it('lists the likely pairs of the town only, and a pair marked "not a duplicate" no more', async () => {
    const pairs = await peopleDuplicatesRepository(db).pairs(town);
    assert.deepEqual(
      pairs.map((p) => [p.first_id, p.second_id]),
      [[ids.aylin, ids.aylinTwin]],
    );
    const page = visibleText((await coordinator.get(`${base}/duplikate`)).body);
    assert.match(page, /Personen .* Aylin Yilmaz Dr\. Aylin Yilmaz \d+ Vergleichen und zusammenführen/);
  });

  it('compares both people side by side and merges them: chosen values, memberships moved without doubles, audited without names', async () => {
    const path = `${base}/personen/${ids.aylin}/zusammenfuehren/${ids.aylinTwin}`;
    const page = await coordinator.get(path);
    assert.equal(page.statusCode, 200);
    assert.match(visibleText(page.body), /Verknüpftes Konto kein Konto aylin@example\.org/);
    assert.equal((await coordinator.post(path, { name: 'keep', account: 'sideways', consent: 'keep' })).statusCode, 422);
    assert.equal((await coordinator.post(path, { name: 'keep', account: 'other', consent: 'other' })).statusCode, 303);

    const kept = await db.selectFrom('network_people').selectAll().where('id', '=', ids.aylin).executeTakeFirstOrThrow();
    assert.equal(kept.name, 'Aylin Yilmaz');
    assert.equal(kept.user_id, account.id);
    assert.equal(kept.consent_purpose, 'Kontakt im Netzwerk');
    assert.equal(await db.selectFrom('network_people').select('id').where('id', '=', ids.aylinTwin).executeTakeFirst(), undefined);
    const memberships = await db
      .selectFrom('network_memberships')
      .select(['person_id', 'organisation_id', 'role'])
      .where('person_id', 'in', [ids.aylin, ids.aylinTwin])
      .orderBy('organisation_id')
      .execute();
    assert.deepEqual(memberships, [
      { person_id: ids.aylin, organisation_id: ids.club, role: 'contact' },
      { person_id: ids.aylin, organisation_id: ids.school, role: 'board_member' },
    ]);
    const audit = await db.selectFrom('audit_log').selectAll().where('action', '=', 'network.people_merged').executeTakeFirstOrThrow();
    assert.equal(audit.entity_id, String(ids.aylin));
    assert.doesNotMatch(JSON.stringify([audit.before, audit.after]), /Aylin|Yılmaz|Yilmaz/);
    assert.match(JSON.stringify(audit.after), /"memberships":1/);
  });

  it('answers 404 for a person of another town, a revoked one or the same one twice, and changes nothing', async () => {
    const revoked = await networkFactory(db, town).person('Widerrufen Wer');
    await coordinator.post(`${base}/personen/${revoked}/widerrufen`);
    const before = await db.selectFrom('network_people').selectAll().orderBy('id').execute();
    const auditBefore = (await db.selectFrom('audit_log').select('id').execute()).length;
    for (const [a, b] of [
      [ids.aylin, ids.foreignPerson],
      [ids.foreignPerson, ids.aylin],
      [ids.aylin, revoked],
      [ids.aylin, ids.aylin],
    ]) {
      assert.equal((await coordinator.get(`${base}/personen/${a}/zusammenfuehren/${b}`)).statusCode, 404, `GET ${a}/${b}`);
      assert.equal((await coordinator.post(`${base}/personen/${a}/zusammenfuehren/${b}`, { name: 'other', account: 'other', consent: 'other' })).statusCode, 404, `POST ${a}/${b}`);
      assert.equal((await coordinator.post(`${base}/personen/${a}/kein-duplikat/${b}`)).statusCode, 404, `distinct ${a}/${b}`);
    }
    assert.deepEqual(await db.selectFrom('network_people').selectAll().orderBy('id').execute(), before);
    assert.equal((await db.selectFrom('audit_log').select('id').execute()).length, auditBefore);
  });

  it('remembers "not a duplicate" for a pair of people, audited', async () => {
    const f = networkFactory(db, town);
    const a = await f.person('Mariam Haddad');
    const b = await f.person('Mariam Hadad');
    assert.ok((await peopleDuplicatesRepository(db).pairs(town)).some((p) => p.first_id === a && p.second_id === b));
    assert.equal((await coordinator.post(`${base}/personen/${b}/kein-duplikat/${a}`)).statusCode, 303);
    assert.ok(!(await peopleDuplicatesRepository(db).pairs(town)).some((p) => p.first_id === a));
    assert.ok(await db.selectFrom('audit_log').select('id').where('action', '=', 'network.people_distinct').where('entity_id', '=', String(a)).executeTakeFirst());
  });
});
