import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestApp, type TestApp } from '../support/app.ts';
import { TestClient, visibleText } from '../support/client.ts';
import { createUser, municipalityId, TEST_PASSWORD } from '../support/users.ts';

const BENSHEIM = '06431002';
const VIERNHEIM = '06431020';

/** The programme office's lists and forms on the reference data: filters, unknown ids, input no form should accept. */
describe('programme office: lists and bad input', () => {
  let t: TestApp;
  let office: TestClient;
  let bensheim: number;
  let viernheim: number;
  before(async () => {
    t = await startTestApp();
    const db = t.app.services.db;
    [bensheim, viernheim] = await Promise.all([municipalityId(db, BENSHEIM), municipalityId(db, VIERNHEIM)]);
    await createUser(db, { email: 'office@example.org', displayName: 'Olga Office', roles: [{ role: 'programme_office' }] });
    await createUser(db, { email: 'kai.koordination@example.org', displayName: 'Kai Koordination', roles: [{ role: 'coordinator', municipalityId: bensheim }] });
    await createUser(db, { email: 'vera.viernheim@example.org', displayName: 'Vera Viernheim', roles: [{ role: 'coordinator', municipalityId: viernheim }] });
    await createUser(db, { email: 'fiona.foerderung@example.org', displayName: 'Fiona Förderung', roles: [{ role: 'funder' }] });
    await createUser(db, { email: 'toni.trainer@example.org', displayName: 'Toni Trainer', roles: [{ role: 'trainer' }] });
    await createUser(db, { email: 'paul.teilnahme@example.org', displayName: 'Paul Teilnahme' });
    const gone = await createUser(db, { email: 'weg@example.org', displayName: 'Wilma Weg' });
    await db.updateTable('users').set({ email: null, display_name: '', deleted_at: new Date() }).where('id', '=', gone.id).execute();
    office = new TestClient(t.app.fastify);
    await office.login('office@example.org', TEST_PASSWORD);
  });
  after(() => t.close());

  it('filters the user list by text, role and municipality, and names deleted accounts as such', async () => {
    const coordinators = visibleText((await office.get('/programmbuero/nutzer?rolle=coordinator')).body);
    assert.match(coordinators, /2 Treffer/);
    assert.match(coordinators, /Kai Koordination kai\.koordination@example\.org Koordination \(Bensheim\)/);
    assert.doesNotMatch(coordinators, /Fiona Förderung/);

    const inBensheim = visibleText((await office.get(`/programmbuero/nutzer?kommune=${bensheim}`)).body);
    assert.match(inBensheim, /1 Treffer/);
    assert.match(inBensheim, /Kai Koordination/);

    const search = visibleText((await office.get('/programmbuero/nutzer?q=F%C3%B6rderung')).body);
    assert.match(search, /1 Treffer/);
    assert.match(search, /Fiona Förderung/);

    // A search for LIKE's own wildcards matches them literally, not everything.
    assert.match(visibleText((await office.get('/programmbuero/nutzer?q=%25')).body), /Keine Treffer/);

    const participants = visibleText((await office.get('/programmbuero/nutzer?rolle=participant')).body);
    assert.match(participants, /Paul Teilnahme/);
    assert.match(participants, /gelöschtes Konto/);
    assert.doesNotMatch(participants, /Wilma Weg/);

    // Unknown filter values are ignored, a page past the end is empty, nothing fails.
    assert.equal((await office.get('/programmbuero/nutzer?rolle=kaiser&kommune=abc&seite=-4')).statusCode, 200);
    assert.equal((await office.get('/programmbuero/nutzer?seite=999')).statusCode, 200);
  });

  it('refuses a municipality that is not in the register, without inviting anybody', async () => {
    const invite = await office.post('/programmbuero/nutzer/einladen', { displayName: 'Nirgends', email: 'nirgends@example.org', role: 'coordinator', municipalityId: '999999' });
    assert.equal(invite.statusCode, 422);
    assert.match(invite.body, /id="municipalityId-error"[\s\S]*?steht nicht im Verzeichnis/);
    assert.match(invite.body, /value="nirgends@example.org"/);
    const nobody = await t.app.services.db.selectFrom('users').select('id').where('email', '=', 'nirgends@example.org').executeTakeFirst();
    assert.equal(nobody, undefined, 'no half-invited account');
    assert.equal(
      Number(
        (
          await t.app.services.db
            .selectFrom('mail_outbox')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      ),
      0,
    );

    const paul = await t.app.services.db.selectFrom('users').select('id').where('email', '=', 'paul.teilnahme@example.org').executeTakeFirstOrThrow();
    const grant = await office.post(`/programmbuero/nutzer/${paul.id}/rollen`, { role: 'coordinator', municipalityId: '999999' });
    assert.equal(grant.statusCode, 422);
    assert.match(grant.body, /id="municipalityId-error"/);
    const noTown = await office.post(`/programmbuero/nutzer/${paul.id}/rollen`, { role: 'coordinator' });
    assert.equal(noTown.statusCode, 422);
    assert.match(visibleText(noTown.body), /wählen Sie bitte die Kommune/);
    const badRole = await office.post(`/programmbuero/nutzer/${paul.id}/rollen`, { role: 'kaiser' });
    assert.equal(badRole.statusCode, 422);

    const participation = await office.post('/programmbuero/teilnahme', { municipalityId: '999999', joinedOn: '2026-01-01', cohort: 'Kohorte 2026' });
    assert.equal(participation.statusCode, 422);
    assert.match(participation.body, /id="municipalityId-error"/);
    assert.match(participation.body, /value="Kohorte 2026"/);
  });

  it('grants a coordinator role with audit entry and answers 404 for unknown people, roles and mails', async () => {
    const paul = await t.app.services.db.selectFrom('users').select('id').where('email', '=', 'paul.teilnahme@example.org').executeTakeFirstOrThrow();
    assert.equal((await office.post(`/programmbuero/nutzer/${paul.id}/rollen`, { role: 'coordinator', municipalityId: String(viernheim) })).statusCode, 303);
    const role = await t.app.services.db.selectFrom('role_assignments').selectAll().where('user_id', '=', paul.id).executeTakeFirstOrThrow();
    assert.equal(role.role, 'coordinator');
    assert.equal(role.municipality_id, viernheim);
    const audit = await t.app.services.db.selectFrom('audit_log').selectAll().where('action', '=', 'role.granted').where('entity_id', '=', String(paul.id)).executeTakeFirstOrThrow();
    assert.equal(audit.municipality_id, viernheim);
    assert.match(visibleText((await office.get(`/programmbuero/nutzer/${paul.id}`)).body), /Koordination \(Viernheim\)/);

    const confirm = await office.get(`/programmbuero/nutzer/${paul.id}/rollen/${role.id}/entziehen`);
    assert.equal(confirm.statusCode, 200);
    assert.match(confirm.body, new RegExp(`action="/programmbuero/nutzer/${paul.id}/rollen/${role.id}/entziehen"`));

    for (const url of [
      '/programmbuero/nutzer/999999',
      '/programmbuero/nutzer/abc',
      `/programmbuero/nutzer/${paul.id}/rollen/999999/entziehen`,
      '/programmbuero/postausgang/999999',
      '/programmbuero/teilnahme/06431011/beenden',
    ]) {
      assert.equal((await office.get(url)).statusCode, 404, url);
    }
    assert.equal((await office.post(`/programmbuero/nutzer/${paul.id}/rollen/999999/entziehen`)).statusCode, 404);
  });

  it('refuses NUL characters with 400 instead of failing in the database', async () => {
    for (const url of ['/programmbuero/nutzer?q=a%00b', '/programmbuero/protokoll?aktion=a%00b', '/programmbuero/protokoll?person=%00']) {
      assert.equal((await office.get(url)).statusCode, 400, url);
    }
    const invite = await office.post('/programmbuero/nutzer/einladen', { displayName: 'a\u0000b', email: 'nul@example.org', role: 'trainer' });
    assert.equal(invite.statusCode, 400);
  });

  it('shows the audit log with every filter and a CSV that refuses bad dates', async () => {
    assert.equal((await office.get(`/programmbuero/protokoll?kommune=${viernheim}&typ=user&person=olga&von=2020-01-01&bis=2099-12-31`)).statusCode, 200);
    const byPerson = visibleText((await office.get('/programmbuero/protokoll?person=Olga&aktion=role.granted')).body);
    assert.match(byPerson, /1 Treffer/);
    assert.match(byPerson, /Olga Office Rolle vergeben user/);
    const reversed = await office.get('/programmbuero/protokoll?von=2026-05-01&bis=2026-01-01');
    assert.equal(reversed.statusCode, 422);
    assert.match(reversed.body, /id="filter-bis-error"/);
    assert.equal((await office.get('/programmbuero/protokoll.csv?von=gestern')).statusCode, 400);
    const csv = await office.get('/programmbuero/protokoll.csv');
    assert.equal(csv.statusCode, 200);
    assert.match(String(csv.headers['content-type']), /text\/csv/);
  });

  it('lists mails with their delivery state and shows the full text of one', async () => {
    const [mail] = await t.app.services.db
      .insertInto('mail_outbox')
      .values({
        to_address: 'jemand@example.org',
        subject: 'Erinnerung an den Bericht',
        text_body: 'Guten Tag,\n\nbitte denken Sie an den Bericht.',
        attachments: JSON.stringify([]),
        send_after: new Date(),
        attempts: 3,
        last_error: 'connect ECONNREFUSED',
      })
      .returning('id')
      .execute();
    const list = visibleText((await office.get('/programmbuero/postausgang')).body);
    assert.match(list, /Erinnerung an den Bericht jemand@example\.org .* Versand fehlgeschlagen \(3 Versuche\), wird wiederholt 3 connect ECONNREFUSED/);
    const page = await office.get(`/programmbuero/postausgang/${mail?.id}`);
    assert.equal(page.statusCode, 200);
    assert.match(visibleText(page.body), /bitte denken Sie an den Bericht/);
  });

  it('lets nobody else in: 403 for every other role, the login page for visitors', async () => {
    for (const email of ['kai.koordination@example.org', 'fiona.foerderung@example.org', 'toni.trainer@example.org', 'vera.viernheim@example.org']) {
      const client = new TestClient(t.app.fastify);
      await client.login(email, TEST_PASSWORD);
      for (const url of ['/programmbuero', '/programmbuero/nutzer/einladen', '/programmbuero/protokoll', '/programmbuero/postausgang']) {
        assert.equal((await client.get(url)).statusCode, 403, `${email} ${url}`);
      }
      assert.equal((await client.post('/programmbuero/teilnahme', { municipalityId: String(bensheim), joinedOn: '2026-01-01' })).statusCode, 403);
      assert.doesNotMatch((await client.get('/')).body, /href="\/programmbuero"/, 'no navigation entry');
    }
    const visitor = await new TestClient(t.app.fastify).get('/programmbuero/nutzer');
    assert.equal(visitor.statusCode, 302);
    assert.match(String(visitor.headers.location), /^\/anmelden\?zurueck=%2Fprogrammbuero%2Fnutzer$/);
    assert.match((await office.get('/')).body, /href="\/programmbuero"/, 'the office sees the navigation entry');
  });
});
