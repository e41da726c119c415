/**
 * The account items of the security review, each over HTTP through the whole app: rate limits that
 * X-Forwarded-For cannot dodge, a linear e-mail check, return paths that stay on the site, reset
 * links that die with a password change. Second factor and staff sessions: auth-second-factor.test.ts.
 */
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { RATE_LIMIT_CLEANUP_JOB } from '../../src/platform/routes.ts';
import { isEmailAddress } from '../../src/platform/http/forms.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { TestClient, visibleText } from '../support/client.ts';
import { formToken } from '../support/factories/accounts.ts';
import { linkIn, startSmtpServer } from '../support/smtp.ts';
import { createUser } from '../support/users.ts';

describe('account security', () => {
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let t: TestApp;
  const logLines: string[] = [];

  before(async () => {
    smtp = await startSmtpServer();
    const stream = new Writable({
      write(chunk, _encoding, done) {
        logLines.push(String(chunk));
        done();
      },
    });
    t = await startTestApp({ env: { SMTP_URL: smtp.url }, logger: { level: 'info', stream } });
  });
  after(async () => {
    await t.close();
    await smtp.close();
  });

  const mailsTo = async (address: string) => {
    await t.app.deliverMail();
    return smtp.mails.filter((m) => m.to === address);
  };

  it('counts the real address: 25 wrong passwords with a changing X-Forwarded-For end in 429, and the owner gets one mail', async () => {
    const owner = await createUser(t.app.services.db, { email: 'xff-owner@example.org' });
    const browser = new TestClient(t.app.fastify);
    const statuses: number[] = [];
    for (let i = 0; i < 25; i++) {
      const response = await browser.request({
        method: 'POST',
        url: '/anmelden',
        payload: new URLSearchParams({ email: owner.email, password: `falsch-${i}`, _csrf: await browser.csrf() }).toString(),
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': `203.0.113.${i + 1}` },
      });
      statuses.push(response.statusCode);
    }
    assert.equal(statuses.at(-1), 429);
    assert.ok(!statuses.slice(12).includes(401), `no guess gets through once limited: ${statuses.join(',')}`);
    const mails = await mailsTo(owner.email);
    assert.equal(mails.length, 1, 'the owner is told once per window');
    assert.match(mails[0]?.text ?? '', /passwort-vergessen/);
  });

  it('limits failed sign-ins per account whatever the address, also for the right password, with a clear message', async () => {
    const owner = await createUser(t.app.services.db, { email: 'many-addresses@example.org' });
    const statuses: number[] = [];
    let lockedBody = '';
    for (let i = 0; i < 12; i++) {
      const response = await new TestClient(t.app.fastify).post('/anmelden', { email: owner.email, password: `falsch-${i}` });
      statuses.push(response.statusCode);
      if (response.statusCode === 429) lockedBody = response.body;
    }
    assert.deepEqual(statuses, [...Array(10).fill(401), 429, 429]);
    assert.match(visibleText(lockedBody), /Zu viele Versuche für dieses Konto/);
    const right = await new TestClient(t.app.fastify).post('/anmelden', { email: owner.email, password: owner.password });
    assert.equal(right.statusCode, 429, 'the right password does not get through while the account is locked');
    assert.equal((await mailsTo(owner.email)).length, 1);
  });

  it('limits reset mails per account whatever the address', async () => {
    const owner = await createUser(t.app.services.db, { email: 'reset-flood@example.org' });
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await new TestClient(t.app.fastify).post('/passwort-vergessen', { email: owner.email })).statusCode);
    assert.deepEqual(statuses, [200, 200, 200, 200, 200, 429]);
    assert.equal((await mailsTo(owner.email)).length, 5);
  });

  it('lets rate-limit windows expire: the cleanup job deletes rows whose window is over', async () => {
    const db = t.app.services.db;
    await db
      .insertInto('rate_limits')
      .values({ key: 'test:expired', hits: 3, expires_at: new Date(Date.now() - 60_000) })
      .execute();
    await db
      .insertInto('rate_limits')
      .values({ key: 'test:running', hits: 3, expires_at: new Date(Date.now() + 60_000) })
      .execute();
    const job = t.app.modules.flatMap((m) => m.jobs?.(t.app.services) ?? []).find((j) => j.name === RATE_LIMIT_CLEANUP_JOB);
    assert.ok(job, 'the accounts module brings the cleanup job');
    await job.handler([] as never);
    const keys = (await db.selectFrom('rate_limits').select('key').where('key', 'like', 'test:%').execute()).map((r) => r.key);
    assert.deepEqual(keys, ['test:running']);
  });

  it('checks e-mail addresses in linear time and answers the pathological input with a field error', async () => {
    assert.equal(isEmailAddress(`a@${'.'.repeat(20_000)}@`), false);
    assert.equal(isEmailAddress(`a@${'b.'.repeat(10_000)}`), false, 'too long, even if well formed');
    assert.equal(isEmailAddress('mia@example.org'), true);
    assert.equal(isEmailAddress('mia@example.'), false);
    assert.equal(isEmailAddress('mia@@example.org'), false);
    const response = await new TestClient(t.app.fastify).post('/registrieren', { displayName: 'X', email: `a@${'.'.repeat(19_000)}@`, password: 'ein-langes-passwort', acceptPrivacy: 'on' });
    assert.equal(response.statusCode, 422);
    assert.match(visibleText(response.body), /E-Mail/);
  });

  const ESCAPES = [
    '/\t/evil.example',
    '/\n/evil.example',
    '/\\evil.example',
    '/\\\\evil.example',
    '//evil.example',
    'https://evil.example',
    '/%2F/evil.example',
    '/%5Cevil.example',
    '/%09/evil.example',
  ];

  it('keeps the language switch on the site for every escape', async () => {
    const browser = new TestClient(t.app.fastify);
    const raw = await browser.get('/sprache?lang=de&zurueck=/%09/evil.example');
    assert.equal(raw.headers.location, '/');
    for (const target of ESCAPES) {
      const response = await browser.get(`/sprache?lang=de&zurueck=${encodeURIComponent(target)}`);
      assert.equal(response.statusCode, 303, JSON.stringify(target));
      assert.equal(response.headers.location, '/', JSON.stringify(target));
    }
    assert.equal((await browser.get(`/sprache?lang=de&zurueck=${encodeURIComponent('/kommunen?q=Bensheim')}`)).headers.location, '/kommunen?q=Bensheim', 'a path on the site still works');
  });

  it('keeps the return after login on the site for every escape', async () => {
    const user = await createUser(t.app.services.db, { email: 'return-path@example.org' });
    for (const target of ESCAPES) {
      const browser = new TestClient(t.app.fastify);
      const form = await browser.get(`/anmelden?zurueck=${encodeURIComponent(target)}`);
      assert.match(form.body, /<form method="post" action="\/anmelden\?zurueck=%2Fkonto"/, `the login form does not carry ${JSON.stringify(target)}`);
      const response = await browser.post(`/anmelden?zurueck=${encodeURIComponent(target)}`, { email: user.email, password: user.password });
      assert.equal(response.statusCode, 303, JSON.stringify(target));
      assert.equal(response.headers.location, '/konto', JSON.stringify(target));
    }
  });

  it('ends every other reset link and session with a reset, and tells the owner', async () => {
    const owner = await createUser(t.app.services.db, { email: 'two-links@example.org' });
    const signedIn = new TestClient(t.app.fastify);
    await signedIn.login(owner.email, owner.password);
    const browser = new TestClient(t.app.fastify);
    await browser.post('/passwort-vergessen', { email: owner.email });
    await browser.post('/passwort-vergessen', { email: owner.email });
    const links = (await mailsTo(owner.email)).map((m) => linkIn(m.text, '/passwort-neu'));
    assert.equal(links.length, 2);
    const [first, second] = await Promise.all(links.map(async (link) => formToken(await browser.get(link))));
    assert.equal((await browser.post('/passwort-neu', { token: second, password: 'das-neue-passwort-1' })).statusCode, 303);
    assert.equal((await browser.post('/passwort-neu', { token: first, password: 'das-neue-passwort-2' })).statusCode, 400, 'the older link stops working too');
    assert.equal((await signedIn.get('/konto')).statusCode, 302, 'other sessions end');
    const mails = await mailsTo(owner.email);
    assert.equal(mails.length, 3);
    assert.match(mails.at(-1)?.subject ?? '', /Passwort wurde geändert/);
  });

  it('ends reset links and other sessions with a password change, and tells the owner', async () => {
    const owner = await createUser(t.app.services.db, { email: 'change-password@example.org' });
    const other = new TestClient(t.app.fastify);
    await other.login(owner.email, owner.password);
    const browser = new TestClient(t.app.fastify);
    await browser.post('/passwort-vergessen', { email: owner.email });
    const [resetMail] = await mailsTo(owner.email);
    const token = formToken(await browser.get(linkIn(resetMail?.text ?? '', '/passwort-neu')));
    const account = new TestClient(t.app.fastify);
    await account.login(owner.email, owner.password);
    assert.equal((await account.post('/konto/passwort', { currentPassword: owner.password, newPassword: 'ganz-neues-passwort' })).statusCode, 303);
    assert.equal((await browser.post('/passwort-neu', { token, password: 'vom-angreifer-gesetzt' })).statusCode, 400, 'the reset link from before the change is dead');
    assert.equal((await other.get('/konto')).statusCode, 302, 'the other session ends');
    assert.equal((await account.get('/konto')).statusCode, 200, 'the own session stays');
    const mails = await mailsTo(owner.email);
    assert.match(mails.at(-1)?.subject ?? '', /Passwort wurde geändert/);
  });

  it('keeps tokens out of the request log', async () => {
    const owner = await createUser(t.app.services.db, { email: 'log-reader@example.org' });
    const browser = new TestClient(t.app.fastify);
    await browser.post('/passwort-vergessen', { email: owner.email });
    const [mail] = await mailsTo(owner.email);
    const link = linkIn(mail?.text ?? '', '/passwort-neu');
    const secret = new URL(link, 'http://vv.test').searchParams.get('token') ?? '';
    assert.ok(secret.length > 20);
    logLines.length = 0;
    const page = await browser.get(link);
    assert.equal((await browser.post('/passwort-neu', { token: formToken(page), password: 'aus-dem-log-passwort' })).statusCode, 303);
    await browser.get('/konto/bestaetigen?token=geheimes-token-im-query&_csrf=geheimes-csrf-im-query');
    const log = logLines.join('');
    assert.match(log, /\/passwort-neu\?\[redacted\]/, 'the request is logged, without its query');
    assert.ok(!log.includes(secret), 'the reset token is not in the log');
    assert.ok(!log.includes('geheimes-token-im-query') && !log.includes('geheimes-csrf-im-query'));
  });
});
