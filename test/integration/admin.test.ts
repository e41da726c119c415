import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parse } from 'csv-parse/sync';
import { startTestApp, type TestApp } from '../support/app.ts';
import { DEMO_PASSWORD, demoAccounts } from '../../src/modules/admin/index.ts';
import { participatingMunicipalities } from '../../src/modules/municipalities/index.ts';
import { TestClient, visibleText } from '../support/client.ts';
import { municipalityId } from '../support/users.ts';
import { AUDIT_PAGE_SIZE, adminRepository } from '../../src/modules/admin/repository.ts';
import { pageRequest } from '../../src/platform/http/pagination.ts';

const BENSHEIM = '06431002';

describe('programme office', () => {
  let t: TestApp;
  let office: TestClient;
  before(async () => {
    t = await startTestApp({ variant: 'demo' });
    office = new TestClient(t.app.fastify);
    await office.login('programmbuero@demo.vielfalt-verankern.de', DEMO_PASSWORD);
  });
  after(() => t.close());

  it('invites a coordinator: the mail lands as a file without SMTP, the link sets a password, the role works', async () => {
    const bensheim = await municipalityId(t.app.services.db, BENSHEIM);
    const response = await office.post('/programmbuero/nutzer/einladen', { displayName: 'Nora Neu', email: 'nora.neu@example.org', role: 'coordinator', municipalityId: String(bensheim) });
    assert.equal(response.statusCode, 303);
    assert.equal(await t.app.deliverMail(), 1);
    const files = readdirSync(join(t.dataDir, 'mail')).filter((f) => f.endsWith('.eml'));
    assert.equal(files.length, 1);
    const eml = readFileSync(join(t.dataDir, 'mail', files[0] as string), 'utf8');
    assert.match(eml, /To: nora\.neu@example\.org/);
    const row = await t.app.services.db.selectFrom('mail_outbox').select(['sent_at', 'delivered_as']).where('to_address', '=', 'nora.neu@example.org').executeTakeFirstOrThrow();
    assert.ok(row.sent_at, 'the outbox row is marked sent');
    assert.equal(row.delivered_as, files[0]);
    const role = await t.app.services.db
      .selectFrom('role_assignments as r')
      .innerJoin('users as u', 'u.id', 'r.user_id')
      .select(['r.role', 'r.municipality_id'])
      .where('u.email', '=', 'nora.neu@example.org')
      .execute();
    assert.deepEqual(role, [{ role: 'coordinator', municipality_id: bensheim }]);
    const token = /einladung\?token=([A-Za-z0-9_-]+)/.exec(eml.replace(/=\r?\n/g, '').replace(/=3D/g, '='))?.[1];
    assert.ok(token, 'the mail carries the invitation link');

    const outbox = visibleText((await office.get('/programmbuero/postausgang')).body);
    assert.match(outbox, /nora\.neu@example\.org/);
    assert.match(outbox, /als Datei abgelegt/);

    const nora = new TestClient(t.app.fastify);
    assert.equal((await nora.post('/einladung', { token, password: 'noras-eigenes-passwort' })).statusCode, 303);
    await nora.login('nora.neu@example.org', 'noras-eigenes-passwort');
    assert.equal((await nora.get(`/verwaltung/${BENSHEIM}`)).statusCode, 200, 'the coordinator role for Bensheim works');
    assert.equal((await nora.get('/verwaltung/06431020')).statusCode, 403);
  });

  it('explains wrong invitation input next to the fields and keeps it', async () => {
    const noTown = await office.post('/programmbuero/nutzer/einladen', { displayName: 'Ohne Ort', email: 'ohne.ort@example.org', role: 'coordinator' });
    assert.equal(noTown.statusCode, 422);
    assert.match(noTown.body, /id="municipalityId-error"[\s\S]*?wählen Sie bitte die Kommune/);
    assert.match(noTown.body, /value="ohne.ort@example.org"/);
    const badMail = await office.post('/programmbuero/nutzer/einladen', { displayName: 'X', email: 'kein-at-zeichen', role: 'funder' });
    assert.equal(badMail.statusCode, 422);
    assert.match(badMail.body, /id="email-error"/);
    const taken = await office.post('/programmbuero/nutzer/einladen', { displayName: 'Doppelt', email: 'nora.neu@example.org', role: 'trainer' });
    assert.equal(taken.statusCode, 422);
    assert.match(visibleText(taken.body), /gibt es schon ein Konto/);
  });

  it('grants and revokes roles, never the own office role', async () => {
    const nora = await t.app.services.db.selectFrom('users').select('id').where('email', '=', 'nora.neu@example.org').executeTakeFirstOrThrow();
    assert.equal((await office.post(`/programmbuero/nutzer/${nora.id}/rollen`, { role: 'trainer' })).statusCode, 303);
    const again = await office.post(`/programmbuero/nutzer/${nora.id}/rollen`, { role: 'trainer' });
    assert.equal(again.statusCode, 422);
    assert.match(visibleText(again.body), /hat die Person schon/);
    const role = await t.app.services.db.selectFrom('role_assignments').select('id').where('user_id', '=', nora.id).where('role', '=', 'trainer').executeTakeFirstOrThrow();
    assert.equal((await office.post(`/programmbuero/nutzer/${nora.id}/rollen/${role.id}/entziehen`)).statusCode, 303);
    assert.equal(await t.app.services.db.selectFrom('role_assignments').select('id').where('id', '=', role.id).executeTakeFirst(), undefined);

    const me = await t.app.services.db
      .selectFrom('role_assignments as r')
      .innerJoin('users as u', 'u.id', 'r.user_id')
      .select(['r.id', 'u.id as user_id'])
      .where('u.email', '=', 'programmbuero@demo.vielfalt-verankern.de')
      .executeTakeFirstOrThrow();
    await office.post(`/programmbuero/nutzer/${me.user_id}/rollen/${me.id}/entziehen`);
    assert.ok(await t.app.services.db.selectFrom('role_assignments').select('id').where('id', '=', me.id).executeTakeFirst(), 'the own office role stays');
    assert.match(visibleText((await office.get(`/programmbuero/nutzer/${me.user_id}`)).body), /nicht selbst entziehen/);
  });

  it('marks a municipality as participating and ends it again', async () => {
    const heppenheim = await municipalityId(t.app.services.db, '06431011');
    assert.equal((await office.post('/programmbuero/teilnahme', { municipalityId: String(heppenheim), joinedOn: '2026-11-01', cohort: 'Kohorte 2027' })).statusCode, 303);
    assert.match(visibleText((await office.get('/kommunen/06431011')).body), /nimmt teil seit 01\.11\.2026 · Kohorte 2027/);
    const bad = await office.post('/programmbuero/teilnahme', { municipalityId: String(heppenheim), joinedOn: '2026-02-30' });
    assert.equal(bad.statusCode, 422);
    assert.match(bad.body, /id="joinedOn-error"/);
    assert.equal((await office.post('/programmbuero/teilnahme/06431011/beenden')).statusCode, 303);
    assert.match(visibleText((await office.get('/kommunen/06431011')).body), /nimmt nicht am Landesprogramm teil/);
  });

  it('filters the audit log and exports it; a wrong date is explained, never a 500', async () => {
    const all = visibleText((await office.get('/programmbuero/protokoll')).body);
    assert.match(all, /Rolle vergeben/);
    const filtered = await office.get('/programmbuero/protokoll?aktion=participation.ended');
    const text = visibleText(filtered.body);
    assert.match(text, /1 Treffer/);
    assert.match(text, /Paula Programmbüro Teilnahme beendet municipality/);
    const csv = await office.get('/programmbuero/protokoll.csv?aktion=role.revoked');
    const rows = parse(csv.body.replace(/^\uFEFF/, ''), { columns: true, delimiter: ';' }) as Array<Record<string, string>>;
    assert.ok(rows.length >= 1);
    assert.ok(rows.every((r) => r.Aktion === 'role.revoked'));
    const wrong = await office.get('/programmbuero/protokoll?von=2026-13-45&bis=gestern');
    assert.equal(wrong.statusCode, 422);
    assert.match(visibleText(wrong.body), /gültiges Datum/);
    const range = visibleText((await office.get('/programmbuero/protokoll?von=2000-01-01&bis=2000-12-31')).body);
    assert.match(range, /Keine Treffer/);
  });

  it('names the account an entry is about, and counts a long log only as far as it pages', async () => {
    const about = visibleText((await office.get('/programmbuero/protokoll?typ=user')).body);
    assert.match(about, /Nora Neu/);
    const repo = adminRepository(t.app.services.db);
    const all = await t.app.services.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    assert.ok(Number(all.n) > 10, 'the demo writes more than ten entries');
    // One entry per page: counted up to ten pages ahead, then "more than".
    const capped = await repo.auditPage({}, pageRequest(1, 1), 3);
    assert.deepEqual([capped.items.length, capped.total, capped.more], [1, 10, true]);
    const exact = await repo.auditPage({}, pageRequest(1, 50));
    assert.deepEqual([exact.total, exact.more], [Number(all.n), false]);
  });

  it(`pages the audit log by ${AUDIT_PAGE_SIZE}: 51 entries are two pages`, async () => {
    assert.equal(AUDIT_PAGE_SIZE, 50);
    await t.app.services.db
      .insertInto('audit_log')
      .values(
        Array.from({ length: 51 }, (_, i) => ({
          actor_user_id: null,
          action: 'role.granted',
          entity_type: 'paging_probe',
          entity_id: `probe-${i + 1}`,
          municipality_id: null,
          before: null,
          after: null,
        })),
      )
      .execute();
    const entries = (html: string) => [...html.matchAll(/paging_probe #probe-(\d+)/g)].map((m) => Number(m[1]));
    const first = await office.get('/programmbuero/protokoll?typ=paging_probe');
    assert.equal(first.statusCode, 200);
    assert.equal(entries(first.body).length, 50);
    const text = visibleText(first.body);
    assert.match(text, /51 Treffer/);
    assert.match(text, /Seite 1 von 2/);
    const second = await office.get('/programmbuero/protokoll?typ=paging_probe&seite=2');
    assert.equal(entries(second.body).length, 1);
    assert.deepEqual(new Set([...entries(first.body), ...entries(second.body)]).size, 51, 'every entry on one of the two pages');
    const third = await office.get('/programmbuero/protokoll?typ=paging_probe&seite=3');
    assert.equal(third.statusCode, 200);
    assert.deepEqual(entries(third.body), []);
  });

  it('keeps everybody else out', async () => {
    for (const email of ['koordination-bensheim@demo.vielfalt-verankern.de', 'foerdermittelgeber@demo.vielfalt-verankern.de', 'teilnehmer@demo.vielfalt-verankern.de']) {
      const client = new TestClient(t.app.fastify);
      await client.login(email, DEMO_PASSWORD);
      assert.equal((await client.get('/programmbuero/nutzer')).statusCode, 403, email);
    }
    assert.equal((await new TestClient(t.app.fastify).get('/programmbuero')).statusCode, 302);
  });
});

describe('demo accounts', () => {
  it('exist for every participating municipality, verified, with consent, and a coordinator can log in', async () => {
    const t = await startTestApp({ variant: 'demo' });
    try {
      const db = t.app.services.db;
      const participants = await participatingMunicipalities(db);
      const accounts = demoAccounts(participants);
      assert.equal(accounts.length, 4 + participants.length);
      assert.ok(accounts.some((a) => a.email === 'koordination-bensheim@demo.vielfalt-verankern.de' && a.municipalityAgs === BENSHEIM));
      assert.ok(
        accounts.some((a) => a.email === 'koordination-moerfelden-walldorf@demo.vielfalt-verankern.de'),
        'umlauts become ASCII in the address',
      );
      const users = await db
        .selectFrom('users as u')
        .leftJoin('consents as c', 'c.user_id', 'u.id')
        .leftJoin('role_assignments as r', 'r.user_id', 'u.id')
        .leftJoin('municipalities as m', 'm.id', 'r.municipality_id')
        .select(['u.email', 'u.is_demo', 'u.email_verified_at', 'u.locale', 'c.purpose', 'r.role', 'm.ags'])
        .where('u.is_demo', '=', true)
        // The invented trainees of the running demo cohort are people in the data, not published logins.
        .where('u.email', 'not like', 'kurs-%')
        .execute();
      assert.equal(users.length, accounts.length);
      for (const account of accounts) {
        const user = users.find((u) => u.email === account.email);
        assert.ok(user, account.email);
        assert.ok(user.email_verified_at && user.locale === 'de' && user.purpose === 'privacy_notice', account.email);
        assert.equal(user.role ?? 'participant', account.role);
        assert.equal(user.ags ?? undefined, account.municipalityAgs);
      }
      const coordinator = new TestClient(t.app.fastify);
      await coordinator.login('koordination-bensheim@demo.vielfalt-verankern.de', DEMO_PASSWORD);
      assert.equal((await coordinator.get(`/verwaltung/${BENSHEIM}`)).statusCode, 200);
    } finally {
      await t.close();
    }
  });

  it('exist for every role and stop working when DEMO_DATA is off', async () => {
    const t = await startTestApp({ variant: 'demo', env: { DEMO_DATA: 'false' } });
    try {
      const roles = await t.app.services.db
        .selectFrom('role_assignments')
        .innerJoin('users', 'users.id', 'role_assignments.user_id')
        .select('role')
        .distinct()
        .where('users.is_demo', '=', true)
        .execute();
      assert.deepEqual(roles.map((r) => r.role).sort(), ['coordinator', 'funder', 'programme_office', 'trainer']);
      const client = new TestClient(t.app.fastify);
      const response = await client.post('/anmelden', { email: 'programmbuero@demo.vielfalt-verankern.de', password: DEMO_PASSWORD });
      assert.equal(response.statusCode, 401);
    } finally {
      await t.close();
    }
  });
});
