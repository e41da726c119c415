/**
 * The second factor (TOTP with recovery codes) and the limits of staff sessions, over HTTP through
 * the whole app; time is moved by changing the session row.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { hashSecret } from '../../src/platform/auth/tokens.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { TestClient, visibleText } from '../support/client.ts';
import { shownRecoveryCodes, shownSecret, totpCode } from '../support/factories/accounts.ts';
import { createUser, type TestUser } from '../support/users.ts';

describe('second factor and staff sessions', () => {
  let t: TestApp;
  let office: TestUser;
  let secret = '';
  let recoveryCodes: string[] = [];

  before(async () => {
    t = await startTestApp({ env: { OFFICE_REQUIRES_SECOND_FACTOR: 'true' } });
    office = await createUser(t.app.services.db, { email: 'office-2fa@example.org', roles: [{ role: 'programme_office' }] });
  });
  after(() => t.close());

  /** Signs in with the password; returns the client, which now waits for the code. */
  const passwordStep = async (user: TestUser) => {
    const browser = new TestClient(t.app.fastify);
    const response = await browser.post('/anmelden?zurueck=%2Fprogrammbuero', { email: user.email, password: user.password });
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, '/anmelden/code?zurueck=%2Fprogrammbuero', 'the password alone does not sign in');
    return browser;
  };
  const codeStep = (browser: TestClient, code: string) => browser.post('/anmelden/code?zurueck=%2Fprogrammbuero', { code });

  it('sends an office account without a second factor to set one up, and sets it up with a code', async () => {
    const browser = new TestClient(t.app.fastify);
    await browser.login(office.email, office.password);
    const gated = await browser.get('/programmbuero');
    assert.equal(gated.statusCode, 303);
    assert.equal(gated.headers.location, '/konto/zwei-faktor');

    const setup = await browser.get('/konto/zwei-faktor');
    assert.equal(setup.statusCode, 200);
    secret = shownSecret(setup);
    assert.match(setup.body, new RegExp(`otpauth://totp/[^<]*secret=${secret}`), 'the otpauth address is shown as text');

    const wrong = await browser.post('/konto/zwei-faktor', { code: '000000' === totpCode(secret) ? '111111' : '000000' });
    assert.equal(wrong.statusCode, 422);
    assert.match(visibleText(wrong.body), /Der Code stimmt nicht/);

    const confirmed = await browser.post('/konto/zwei-faktor', { code: totpCode(secret) });
    assert.equal(confirmed.statusCode, 200);
    recoveryCodes = shownRecoveryCodes(confirmed);
    assert.equal(recoveryCodes.length, 10);
    const stored = await t.app.services.db.selectFrom('recovery_codes').select('code_hash').where('user_id', '=', office.id).execute();
    assert.equal(stored.length, 10);
    assert.ok(
      stored.every((row) => !recoveryCodes.some((code) => row.code_hash.includes(code))),
      'only hashes are stored',
    );
    assert.equal((await browser.get('/programmbuero')).statusCode, 200, 'with the second factor the office pages open');
    assert.equal((await browser.get('/konto/zwei-faktor')).body.includes(secret), false, 'the secret is not shown again');
  });

  it('asks for the code after the password; a wrong code fails, the right one signs in once', async () => {
    const browser = await passwordStep(office);
    assert.equal((await browser.get('/anmelden/code')).statusCode, 200);
    assert.equal((await browser.get('/konto')).statusCode, 302, 'the waiting session signs nobody in');
    const wrong = await codeStep(browser, totpCode(secret, -20));
    assert.equal(wrong.statusCode, 401);
    const code = totpCode(secret, 1);
    const right = await codeStep(browser, code);
    assert.equal(right.statusCode, 303);
    assert.equal(right.headers.location, '/programmbuero');
    assert.equal((await browser.get('/programmbuero')).statusCode, 200);

    const replay = await passwordStep(office);
    assert.equal((await codeStep(replay, code)).statusCode, 401, 'a code that was used does not work again');
  });

  it('accepts a recovery code once', async () => {
    const first = await passwordStep(office);
    assert.equal((await codeStep(first, recoveryCodes[0] as string)).statusCode, 303);
    assert.equal((await first.get('/programmbuero')).statusCode, 200);
    const second = await passwordStep(office);
    assert.equal((await codeStep(second, recoveryCodes[0] as string)).statusCode, 401, 'a recovery code works only once');
    assert.equal((await codeStep(second, (recoveryCodes[1] as string).toUpperCase())).statusCode, 303, 'case does not matter');
  });

  it('offers the second factor to everyone; the office may not switch it off', async () => {
    const browser = await passwordStep(office);
    await codeStep(browser, recoveryCodes[2] as string);
    const off = await browser.post('/konto/zwei-faktor/aus', { password: office.password });
    assert.equal(off.statusCode, 303);
    const user = await t.app.services.db.selectFrom('users').select('totp_enabled_at').where('id', '=', office.id).executeTakeFirstOrThrow();
    assert.notEqual(user.totp_enabled_at, null);

    const resident = await createUser(t.app.services.db, { email: 'resident-2fa@example.org' });
    const client = new TestClient(t.app.fastify);
    await client.login(resident.email, resident.password);
    const page = await client.get('/konto');
    assert.match(page.body, /href="\/konto\/zwei-faktor"/);
    const setup = await client.get('/konto/zwei-faktor');
    assert.equal(setup.statusCode, 200);
    assert.equal((await client.post('/konto/zwei-faktor', { code: totpCode(shownSecret(setup)) })).statusCode, 200);
    assert.equal((await client.post('/konto/zwei-faktor/aus', { password: resident.password })).statusCode, 303);
    assert.equal((await new TestClient(t.app.fastify).post('/anmelden', { email: resident.email, password: resident.password })).headers.location, '/konto', 'off again: the password suffices');
  });

  const sessionOf = (browser: TestClient) => hashSecret(browser.cookie('vv_session') ?? '');

  it('ends a staff session after 30 idle minutes and after 12 hours in any case, but not a resident one', async () => {
    const db = t.app.services.db;
    const trainer = await createUser(db, { email: 'trainer-idle@example.org', roles: [{ role: 'trainer' }] });
    const resident = await createUser(db, { email: 'resident-idle@example.org' });

    const idle = new TestClient(t.app.fastify);
    await idle.login(trainer.email, trainer.password);
    assert.equal((await idle.get('/konto')).statusCode, 200);
    await db
      .updateTable('sessions')
      .set({ last_seen_at: new Date(Date.now() - 31 * 60_000) })
      .where('id_hash', '=', sessionOf(idle))
      .execute();
    assert.equal((await idle.get('/konto')).statusCode, 302, 'idle for 31 minutes: signed out');

    const busy = new TestClient(t.app.fastify);
    await busy.login(trainer.email, trainer.password);
    await db
      .updateTable('sessions')
      .set({ last_seen_at: new Date(Date.now() - 29 * 60_000) })
      .where('id_hash', '=', sessionOf(busy))
      .execute();
    assert.equal((await busy.get('/konto')).statusCode, 200, 'idle for 29 minutes: still signed in');
    await db
      .updateTable('sessions')
      .set({ created_at: new Date(Date.now() - 12 * 3600_000 - 60_000) } as never)
      .where('id_hash', '=', sessionOf(busy))
      .execute();
    assert.equal((await busy.get('/konto')).statusCode, 302, 'after 12 hours: signed out although active');

    const participant = new TestClient(t.app.fastify);
    await participant.login(resident.email, resident.password);
    await db
      .updateTable('sessions')
      .set({ last_seen_at: new Date(Date.now() - 31 * 60_000) })
      .where('id_hash', '=', sessionOf(participant))
      .execute();
    assert.equal((await participant.get('/konto')).statusCode, 200, 'a resident session slides for 14 days');
  });
});
