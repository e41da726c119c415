import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestApp, type TestApp } from '../support/app.ts';
import { TestClient, visibleText } from '../support/client.ts';
import { formToken } from '../support/factories/accounts.ts';
import { linkIn, startSmtpServer } from '../support/smtp.ts';

describe('accounts: register, verify, log in, reset, sessions, export, delete', () => {
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let t: TestApp;

  before(async () => {
    smtp = await startSmtpServer();
    t = await startTestApp({ env: { SMTP_URL: smtp.url } });
  });
  after(async () => {
    await t.close();
    await smtp.close();
  });

  const mailTo = async (address: string) => {
    await t.app.deliverMail();
    const mail = smtp.mails.filter((m) => m.to === address).at(-1);
    assert.ok(mail, `a mail to ${address} arrived over SMTP`);
    return mail;
  };

  it('registers with consent, verifies the address by the mailed link and logs in', async () => {
    const browser = new TestClient(t.app.fastify);
    const missingConsent = await browser.post('/registrieren', { displayName: 'Mia Beispiel', email: 'mia@example.org', password: 'ein-langes-passwort' });
    assert.equal(missingConsent.statusCode, 422);
    assert.match(visibleText(missingConsent.body), /Datenschutzhinweise/);
    assert.match(missingConsent.body, /value="mia@example.org"/, 'the typed e-mail stays in the form');

    const registered = await browser.post('/registrieren', { displayName: 'Mia Beispiel', email: 'mia@example.org', password: 'ein-langes-passwort', acceptPrivacy: 'on' });
    assert.equal(registered.statusCode, 200);
    const consent = await t.app.services.db
      .selectFrom('consents')
      .innerJoin('users', 'users.id', 'consents.user_id')
      .select(['purpose', 'version', 'given_at'])
      .where('users.email', '=', 'mia@example.org')
      .executeTakeFirstOrThrow();
    assert.equal(consent.purpose, 'privacy_notice');
    assert.ok(consent.version.length > 0);

    const mail = await mailTo('mia@example.org');
    const confirm = await browser.get(linkIn(mail.text, '/konto/bestaetigen'));
    assert.equal(confirm.statusCode, 200, 'the link opens a page; opening it confirms nothing yet');
    const verified = await browser.post('/konto/bestaetigen', { token: formToken(confirm) });
    assert.equal(verified.statusCode, 200);
    assert.match(visibleText(verified.body), /bestätigt/);
    await browser.login('mia@example.org', 'ein-langes-passwort');
    const account = await browser.get('/konto');
    assert.equal(account.statusCode, 200);
    assert.match(visibleText(account.body), /mia@example\.org/);
  });

  it('does not reveal whether an address is registered, but tells its owner', async () => {
    const browser = new TestClient(t.app.fastify);
    const again = await browser.post('/registrieren', { displayName: 'Jemand', email: 'mia@example.org', password: 'noch-ein-passwort', acceptPrivacy: 'on' });
    assert.equal(again.statusCode, 200);
    const mail = await mailTo('mia@example.org');
    assert.match(mail.text, /passwort-vergessen/);
  });

  it('rejects a wrong password without saying which part was wrong', async () => {
    const browser = new TestClient(t.app.fastify);
    const response = await browser.post('/anmelden', { email: 'mia@example.org', password: 'falsch-falsch' });
    assert.equal(response.statusCode, 401);
    assert.equal(browser.hasCookie('vv_session'), false);
  });

  it('resets the password by a single-use link', async () => {
    const browser = new TestClient(t.app.fastify);
    await browser.post('/passwort-vergessen', { email: 'mia@example.org' });
    const mail = await mailTo('mia@example.org');
    const page = await browser.get(linkIn(mail.text, '/passwort-neu'));
    assert.equal(page.statusCode, 200);
    // The form posts the link's token in its body, not in the address.
    const token = /name="token" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
    assert.match(page.body, /action="\/passwort-neu"/);
    const short = await browser.post('/passwort-neu', { token, password: 'kurz' });
    assert.equal(short.statusCode, 422);
    const done = await browser.post('/passwort-neu', { token, password: 'ein-neues-passwort' });
    assert.equal(done.statusCode, 303);
    const reused = await browser.post('/passwort-neu', { token, password: 'noch-ein-neues-passwort' });
    assert.equal(reused.statusCode, 400, 'the link works only once');
    await browser.login('mia@example.org', 'ein-neues-passwort');
  });

  it('lists the own sessions and revokes another one', async () => {
    const laptop = new TestClient(t.app.fastify);
    const phone = new TestClient(t.app.fastify);
    await laptop.login('mia@example.org', 'ein-neues-passwort');
    await phone.login('mia@example.org', 'ein-neues-passwort');
    const page = await laptop.get('/konto');
    const ids = [...page.body.matchAll(/\/konto\/sitzungen\/([0-9a-f]{64})\/beenden/g)].map((m) => m[1]);
    assert.ok(ids.length >= 1, 'other sessions can be ended');
    for (const id of ids) await laptop.post(`/konto/sitzungen/${id}/beenden`);
    const phoneAfter = await phone.get('/konto');
    assert.equal(phoneAfter.statusCode, 302, 'the revoked session is logged out');
    assert.match(String(phoneAfter.headers.location), /^\/anmelden/);
    assert.equal((await laptop.get('/konto')).statusCode, 200, 'the own session stays');
  });

  it('changes the password only with the current one', async () => {
    const browser = new TestClient(t.app.fastify);
    await browser.login('mia@example.org', 'ein-neues-passwort');
    const wrong = await browser.post('/konto/passwort', { currentPassword: 'nicht-richtig', newPassword: 'das-dritte-passwort' });
    assert.equal(wrong.statusCode, 422);
    const ok = await browser.post('/konto/passwort', { currentPassword: 'ein-neues-passwort', newPassword: 'das-dritte-passwort' });
    assert.equal(ok.statusCode, 303);
    await new TestClient(t.app.fastify).login('mia@example.org', 'das-dritte-passwort');
  });

  it('exports the own data as JSON and deletes the account, keeping no personal data', async () => {
    const browser = new TestClient(t.app.fastify);
    await browser.login('mia@example.org', 'das-dritte-passwort');
    const exported = await browser.get('/konto/export');
    assert.equal(exported.statusCode, 200);
    assert.match(String(exported.headers['content-disposition']), /attachment/);
    const data = JSON.parse(exported.body) as { account: { email: string }; consents: unknown[] };
    assert.equal(data.account.email, 'mia@example.org');
    assert.equal(data.consents.length, 1);

    const deleted = await browser.post('/konto/loeschen', { password: 'das-dritte-passwort' });
    assert.equal(deleted.statusCode, 303);
    const user = await t.app.services.db.selectFrom('users').selectAll().where('deleted_at', 'is not', null).executeTakeFirstOrThrow();
    assert.equal(user.email, null);
    assert.equal(user.display_name, '');
    assert.equal(user.password_hash, null);
    const login = await new TestClient(t.app.fastify).post('/anmelden', { email: 'mia@example.org', password: 'das-dritte-passwort' });
    assert.equal(login.statusCode, 401);
  });

  it('limits login attempts with a German message', async () => {
    const browser = new TestClient(t.app.fastify);
    let last = 0;
    let body = '';
    for (let i = 0; i < 12; i++) {
      const response = await browser.post('/anmelden', { email: 'niemand@example.org', password: 'falsch-falsch' });
      last = response.statusCode;
      body = response.body;
    }
    assert.equal(last, 429);
    assert.match(visibleText(body), /Zu viele Versuche/);
  });
});
