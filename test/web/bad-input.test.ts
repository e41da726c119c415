import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestApp, type TestApp } from '../support/app.ts';
import { TestClient, visibleText } from '../support/client.ts';
import { createUser, municipalityId, TEST_PASSWORD } from '../support/users.ts';

/** Nothing a user can send produces a 500: each answer is a page in the user's language. */
describe('bad input gets a clear answer', () => {
  let t: TestApp;
  let coordinator: TestClient;
  before(async () => {
    t = await startTestApp({ variant: 'demo' });
    const id = await municipalityId(t.app.services.db, '06431002');
    await createUser(t.app.services.db, { email: 'bad-input@example.org', roles: [{ role: 'coordinator', municipalityId: id }] });
    coordinator = new TestClient(t.app.fastify);
    await coordinator.login('bad-input@example.org', TEST_PASSWORD);
  });
  after(() => t.close());

  it('rejects a form without a valid CSRF token with a German explanation', async () => {
    const response = await t.app.fastify.inject({
      method: 'POST',
      url: '/anmelden',
      payload: 'email=a%40example.org&password=x&_csrf=gefaelscht',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    assert.equal(response.statusCode, 403);
    assert.match(visibleText(response.body), /Das Formular ist abgelaufen/);
  });

  it('answers in English for an English reader', async () => {
    const response = await t.app.fastify.inject({ method: 'GET', url: '/kommunen/06000000', headers: { 'accept-language': 'en-GB,en;q=0.8' } });
    assert.equal(response.statusCode, 404);
    assert.match(response.body, /<html lang="en"/);
    assert.match(visibleText(response.body), /Page not found/);
  });

  it('refuses a body that is too large with 413 and a message, not a crash', async () => {
    const response = await coordinator.post('/verwaltung/06431002/ortsteile', { name: 'x', description: 'y'.repeat(1_100_000) });
    assert.equal(response.statusCode, 413);
    assert.match(visibleText(response.body), /zu groß/);
  });

  it('refuses over-long and unknown values in parameters with 400 or 404', async () => {
    assert.equal((await coordinator.get(`/verwaltung/06431002/ortsteile/${'9'.repeat(30)}`)).statusCode, 400);
    assert.equal((await coordinator.get('/verwaltung/06431002/ortsteile/abc')).statusCode, 404);
    assert.equal((await coordinator.get('/verwaltung/06431002/ortsteile/99999999')).statusCode, 404);
    assert.equal((await coordinator.get('/sprache?lang=klingonisch')).statusCode, 400);
  });

  it('keeps over-long text from the database and says how long it may be', async () => {
    const response = await coordinator.post('/verwaltung/06431002/ortsteile', { name: 'n'.repeat(101), description: 'bleibt' });
    assert.equal(response.statusCode, 422);
    assert.match(visibleText(response.body), /höchstens 100 Zeichen/);
    assert.match(response.body, />bleibt<\/textarea>/);
  });

  it('handles malformed encodings and content types without a 500', async () => {
    const cases = [
      { method: 'POST' as const, url: '/anmelden', payload: '%E0%A4%A', headers: { 'content-type': 'application/x-www-form-urlencoded' } },
      { method: 'POST' as const, url: '/anmelden', payload: '{"email":', headers: { 'content-type': 'application/json' } },
      { method: 'POST' as const, url: '/anmelden', payload: 'irgendwas', headers: { 'content-type': 'text/plain' } },
      { method: 'GET' as const, url: '/kommunen?q=%ZZ' },
      { method: 'GET' as const, url: '/kommunen/%00' },
      { method: 'GET' as const, url: '/kommunen?q=%00' },
      { method: 'POST' as const, url: '/registrieren', payload: 'displayName=a%00b&email=x%40example.org', headers: { 'content-type': 'application/x-www-form-urlencoded' } },
    ];
    for (const request of cases) {
      const response = await t.app.fastify.inject(request);
      assert.ok(response.statusCode < 500, `${request.method} ${request.url} ${request.payload ?? ''} → ${response.statusCode}`);
    }
  });
});
