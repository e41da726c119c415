/**
 * Security items of the programme office area, each over HTTP through the whole app: token links
 * never readable in the outbox, sent mail forgotten after its retention period, account deletion
 * reaching every trace. The page cache's bounds have a file of their own (page-cache-bounds.test.ts).
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { todayInBerlin } from '../../src/platform/i18n/catalog.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { TestClient, visibleText } from '../support/client.ts';
import { certificateFor, outboxMail } from '../support/factories/privacy.ts';
import { createUser, municipalityId, TEST_PASSWORD } from '../support/users.ts';

const BENSHEIM = '06431002';
/** Any secret the app puts in a link: 43 URL-safe characters. */
const SECRET = /[A-Za-z0-9_-]{43}/;

function day(offset: number): string {
  return new Date(new Date(`${todayInBerlin()}T12:00:00Z`).getTime() + offset * 86_400_000).toISOString().slice(0, 10);
}

/** The text of the .eml files the file transport wrote, quoted-printable undone. */
function mailFiles(dataDir: string): Array<{ name: string; text: string }> {
  const dir = join(dataDir, 'mail');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.eml'))
    .map((name) => ({
      name,
      text: readFileSync(join(dir, name), 'utf8')
        .replace(/=\r?\n/g, '')
        .replace(/=([0-9A-F]{2})/g, (_m, hex: string) => String.fromCharCode(Number.parseInt(hex, 16))),
    }));
}

/** The mail text of the outbox page (the page itself carries a CSRF token of that length). */
function mailText(html: string): string {
  return /<pre class="vv-mail">([\s\S]*?)<\/pre>/.exec(html)?.[1] ?? '';
}

describe('privacy and security of the programme office area', () => {
  let t: TestApp;
  let office: TestClient;
  let coordinator: TestClient;

  before(async () => {
    t = await startTestApp();
    const db = t.app.services.db;
    await createUser(db, { email: 'office@example.org', displayName: 'Olga Office', roles: [{ role: 'programme_office' }] });
    await createUser(db, { email: 'koordination@example.org', roles: [{ role: 'coordinator', municipalityId: await municipalityId(db, BENSHEIM) }] });
    await createUser(db, { email: 'mia@example.org', displayName: 'Mia Muster' });
    office = new TestClient(t.app.fastify);
    await office.login('office@example.org', TEST_PASSWORD);
    coordinator = new TestClient(t.app.fastify);
    await coordinator.login('koordination@example.org', TEST_PASSWORD);
  });
  after(() => t.close());

  async function deliverAll(): Promise<void> {
    while ((await t.app.deliverMail()) > 0) {}
  }

  async function createEvent(title: string): Promise<number> {
    const response = await coordinator.post(`/verwaltung/${BENSHEIM}/veranstaltungen/neu`, {
      title,
      format: 'dialogue',
      mode: 'in_person',
      venue: 'Rathaus',
      startsAt: `${day(5)}T18:00`,
      endsAt: `${day(5)}T20:00`,
      capacity: '10',
      languages: 'de',
      published: 'on',
    });
    assert.equal(response.statusCode, 303, visibleText(response.body).slice(0, 300));
    return Number(/veranstaltungen\/(\d+)$/.exec(String(response.headers.location))?.[1]);
  }

  it('never shows a reset link to the office, and the stored mail loses it once sent', async () => {
    const db = t.app.services.db;
    // The office asks for a reset of somebody else's account, as anybody can.
    assert.ok((await new TestClient(t.app.fastify).post('/passwort-vergessen', { email: 'mia@example.org' })).statusCode < 400);
    const queued = await db.selectFrom('mail_outbox').selectAll().where('to_address', '=', 'mia@example.org').executeTakeFirstOrThrow();
    const token = /passwort-neu\?token=([A-Za-z0-9_-]+)/.exec(queued.secret_text_body ?? '')?.[1];
    assert.ok(token, 'the link waits beside the redacted text until it is sent');
    assert.doesNotMatch(queued.text_body, new RegExp(token));
    assert.match(queued.text_body, /\[Link entfernt\]/);

    const waiting = await office.get(`/programmbuero/postausgang/${queued.id}`);
    assert.equal(waiting.statusCode, 200);
    assert.ok(!waiting.body.includes(token), 'the waiting mail shows no token');
    assert.match(visibleText(waiting.body), /\[Link entfernt\]/);

    await deliverAll();
    const sent = await db.selectFrom('mail_outbox').selectAll().where('id', '=', queued.id).executeTakeFirstOrThrow();
    assert.ok(sent.sent_at);
    assert.equal(sent.secret_text_body, null, 'the secret part goes the moment the mail is sent');
    assert.ok(!JSON.stringify(sent).includes(token), 'no column of the sent row holds the token');
    for (const page of [await office.get('/programmbuero/postausgang'), await office.get(`/programmbuero/postausgang/${queued.id}`)]) {
      assert.equal(page.statusCode, 200);
      assert.ok(!page.body.includes(token), 'the outbox shows no token');
    }

    // The person still gets a working link: the file transport is their mailbox.
    const file = mailFiles(t.dataDir).find((f) => f.name === sent.delivered_as);
    assert.ok(file?.text.includes(`passwort-neu?token=${token}`), 'the delivered mail carries the link');
    assert.equal((await new TestClient(t.app.fastify).post('/passwort-neu', { token, password: 'mias-neues-passwort' })).statusCode, 303);
  });

  it('keeps invitation and cancellation links out of every stored mail', async () => {
    const db = t.app.services.db;
    assert.equal((await office.post('/programmbuero/nutzer/einladen', { displayName: 'Ida Invite', email: 'ida@example.org', role: 'participant' })).statusCode, 303);
    const event = await createEvent('Nachbarschaftsfest');
    const guest = { name: 'Gus Gast', email: 'gus@example.org', privacy: 'on' };
    assert.equal((await new TestClient(t.app.fastify).post(`/veranstaltungen/${event}/anmeldung`, guest)).statusCode, 303);
    await deliverAll();
    const files = mailFiles(t.dataDir);
    assert.ok(files.some((f) => /einladung\?token=/.test(f.text)));
    assert.ok(files.some((f) => /abmeldung\/\d+\./.test(f.text)));
    const rows = await db.selectFrom('mail_outbox').select(['id', 'text_body', 'secret_text_body']).execute();
    for (const row of rows) {
      assert.doesNotMatch(row.text_body, SECRET, `mail ${row.id} keeps a token in its text`);
      assert.equal(row.secret_text_body, null);
      assert.doesNotMatch(mailText((await office.get(`/programmbuero/postausgang/${row.id}`)).body), SECRET);
    }
  });

  it('forgets sent mail after the retention period, with its file, and keeps unsent mail', async () => {
    const db = t.app.services.db;
    const old = await outboxMail(db, { to: 'alt@example.org', subject: 'Alte Nachricht', sentDaysAgo: 40 });
    const recent = await outboxMail(db, { to: 'neu@example.org', subject: 'Neue Nachricht', sentDaysAgo: 5 });
    const unsent = await outboxMail(db, { to: 'wartet@example.org', subject: 'Wartende Nachricht', sentDaysAgo: null, createdDaysAgo: 40 });
    const oldFile = `${String(old).padStart(8, '0')}.eml`;
    await db.updateTable('mail_outbox').set({ delivered_as: oldFile }).where('id', '=', old).execute();
    writeFileSync(join(t.dataDir, 'mail', oldFile), 'To: alt@example.org\n\nAlte Nachricht');
    const before = visibleText((await office.get('/programmbuero/postausgang')).body);
    assert.match(before, /Alte Nachricht/);

    const purged = await t.app.purgeMail();
    assert.ok(purged >= 1);
    const left = await db.selectFrom('mail_outbox').select('id').where('id', 'in', [old, recent, unsent]).execute();
    assert.deepEqual(left.map((r) => r.id).sort(), [recent, unsent].sort());
    assert.equal(existsSync(join(t.dataDir, 'mail', oldFile)), false, 'the .eml file goes with the row');
    const afterPurge = visibleText((await office.get('/programmbuero/postausgang')).body);
    assert.doesNotMatch(afterPurge, /Alte Nachricht/);
    assert.match(afterPurge, /Neue Nachricht/);
    assert.match(afterPurge, /Wartende Nachricht/);
  });

  it('deletes an account without leaving its name or address in outbox, audit log, guest registrations or certificate', async () => {
    const db = t.app.services.db;
    assert.equal((await office.post('/programmbuero/nutzer/einladen', { displayName: 'Dana Delete', email: 'dana@example.org', role: 'participant' })).statusCode, 303);
    await deliverAll();
    const invitation = mailFiles(t.dataDir).find((f) => f.text.includes('To: dana@example.org'));
    const token = /einladung\?token=([A-Za-z0-9_-]+)/.exec(invitation?.text ?? '')?.[1];
    assert.ok(token);
    const dana = new TestClient(t.app.fastify);
    assert.equal((await dana.post('/einladung', { token, password: 'danas-passwort-1234' })).statusCode, 303);
    const { id: danaId } = await db.selectFrom('users').select('id').where('email', '=', 'dana@example.org').executeTakeFirstOrThrow();
    assert.equal((await office.post(`/programmbuero/nutzer/${danaId}/rollen`, { role: 'trainer' })).statusCode, 303);

    const event = await createEvent('Sprachcafé');
    const guest = { name: 'Dana Delete', email: 'DANA@example.org', privacy: 'on' };
    assert.equal((await new TestClient(t.app.fastify).post(`/veranstaltungen/${event}/anmeldung`, guest)).statusCode, 303);
    const code = await certificateFor(db, danaId, 'Dana Delete');
    await deliverAll();
    assert.match(visibleText((await new TestClient(t.app.fastify).get(`/zertifikate/${code}`)).body), /Dana Delete/);
    assert.match(visibleText((await office.get('/programmbuero/protokoll')).body), /Dana Delete/, 'the audit log names the account while it exists');

    await dana.login('dana@example.org', 'danas-passwort-1234');
    assert.equal((await dana.post('/konto/loeschen', { password: 'danas-passwort-1234' })).statusCode, 303);

    const traces = /dana/i;
    const mails = await db.selectFrom('mail_outbox').selectAll().execute();
    assert.deepEqual(
      mails.filter((m) => traces.test(JSON.stringify(m))),
      [],
      'no mail to or about the person stays in the outbox',
    );
    assert.deepEqual(
      mailFiles(t.dataDir).filter((f) => traces.test(f.text)),
      [],
      'no .eml file of theirs stays',
    );
    const audit = await db.selectFrom('audit_log').selectAll().execute();
    assert.ok(
      audit.some((a) => a.entity_type === 'user' && a.entity_id === String(danaId)),
      'the entries stay, by id',
    );
    assert.deepEqual(
      audit.filter((a) => traces.test(JSON.stringify([a.before, a.after]))),
      [],
      'no audit entry quotes the name or address',
    );
    const registrations = await db.selectFrom('event_registrations').select(['name', 'email']).where('event_id', '=', event).execute();
    assert.equal(registrations.length, 1, 'the attendance stays for the evidence');
    assert.deepEqual(
      registrations.filter((r) => traces.test(`${r.name} ${r.email}`)),
      [],
      'the guest registration with the same address is anonymised',
    );

    for (const page of ['/programmbuero/protokoll', '/programmbuero/postausgang', `/veranstaltungen/${event}`]) {
      assert.doesNotMatch(visibleText((await office.get(page)).body), traces, `${page} still names the person`);
    }
    assert.match(visibleText((await office.get('/programmbuero/protokoll')).body), /gelöschtes Konto/);
    const csv = await office.get('/programmbuero/protokoll.csv');
    assert.doesNotMatch(csv.body, traces);
    const certificate = await new TestClient(t.app.fastify).get(`/zertifikate/${code}`);
    assert.equal(certificate.statusCode, 200, 'the code still checks');
    assert.doesNotMatch(visibleText(certificate.body), traces, 'the public certificate check no longer names the holder');
  });
});
