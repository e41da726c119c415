import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { todayInBerlin } from '../../src/platform/i18n/catalog.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { TestClient, visibleText } from '../support/client.ts';
import { createUser, municipalityId, TEST_PASSWORD } from '../support/users.ts';

const BENSHEIM = '06431002';

function day(offset: number): string {
  return new Date(new Date(`${todayInBerlin()}T12:00:00Z`).getTime() + offset * 86_400_000).toISOString().slice(0, 10);
}

describe('the cache of public pages', () => {
  let t: TestApp;
  let coordinator: TestClient;

  before(async () => {
    t = await startTestApp({ env: { PAGE_CACHE_SECONDS: '60' } });
    await createUser(t.app.services.db, { email: 'koordination@bensheim.test', roles: [{ role: 'coordinator', municipalityId: await municipalityId(t.app.services.db, BENSHEIM) }] });
    coordinator = new TestClient(t.app.fastify);
    await coordinator.login('koordination@bensheim.test', TEST_PASSWORD);
  });
  after(() => t.close());

  const createEvent = (title: string) =>
    coordinator.post(`/verwaltung/${BENSHEIM}/veranstaltungen/neu`, {
      title,
      format: 'dialogue',
      mode: 'in_person',
      venue: 'Rathaus',
      startsAt: `${day(3)}T18:00`,
      endsAt: `${day(3)}T20:00`,
      capacity: '10',
      languages: 'de',
      published: 'on',
    });

  it('serves a visitor the same page again without rendering it, per language', async () => {
    const visitor = new TestClient(t.app.fastify);
    const first = await visitor.get('/veranstaltungen');
    assert.equal(first.headers['x-page-cache'], undefined);
    const second = await visitor.get('/veranstaltungen');
    assert.equal(second.headers['x-page-cache'], 'hit');
    assert.equal(second.body, first.body);
    await visitor.get('/sprache?lang=en');
    const english = await visitor.get('/veranstaltungen');
    assert.equal(english.headers['x-page-cache'], undefined, 'another language is another page');
    assert.match(english.body, /<html lang="en"/);
  });

  it('forgets everything when something changes through the app', async () => {
    const visitor = new TestClient(t.app.fastify);
    await visitor.get('/veranstaltungen');
    assert.equal((await visitor.get('/veranstaltungen')).headers['x-page-cache'], 'hit');
    assert.equal((await createEvent('Frisch angelegt')).statusCode, 303);
    const after = await visitor.get('/veranstaltungen');
    assert.equal(after.headers['x-page-cache'], undefined);
    assert.match(visibleText(after.body), /Frisch angelegt/);
  });

  it('never keeps a page for someone signed in, nor a page with a form', async () => {
    await coordinator.get('/veranstaltungen');
    assert.equal((await coordinator.get('/veranstaltungen')).headers['x-page-cache'], undefined);
    const visitor = new TestClient(t.app.fastify);
    const created = await createEvent('Mit Anmeldeformular');
    const id = /veranstaltungen\/(\d+)$/.exec(String(created.headers.location))?.[1];
    // The event page is the same for every visitor; its registration form is a page of its own.
    await visitor.get(`/veranstaltungen/${id}`);
    assert.equal((await visitor.get(`/veranstaltungen/${id}`)).headers['x-page-cache'], 'hit');
    await visitor.get(`/veranstaltungen/${id}/anmeldung`);
    const again = await visitor.get(`/veranstaltungen/${id}/anmeldung`);
    assert.equal(again.headers['x-page-cache'], undefined, 'the registration form carries a personal CSRF token');
    assert.equal((await visitor.get(`/veranstaltungen/${id}/anmeldung`)).headers['x-page-cache'], undefined, 'also once the cookie exists');
    assert.match(again.body, /name="_csrf"/);
  });
});
