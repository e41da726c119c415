import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { loadCatalog, PUBLIC_LOCALES } from '../../src/platform/i18n/catalog.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { TestClient, visibleText } from '../support/client.ts';
import { createUser, municipalityId, TEST_PASSWORD } from '../support/users.ts';

const BENSHEIM = '06431002';
const PUBLIC_PAGES = [
  '/',
  '/kommunen',
  `/kommunen/${BENSHEIM}`,
  `/kommunen/${BENSHEIM}/umsetzung`,
  '/beteiligung',
  '/veranstaltungen',
  '/qualifizierung',
  '/qualifizierung/1',
  '/anmelden',
  '/registrieren',
  '/datenschutz',
  '/barrierefreiheit',
];

describe('public pages in the residents’ languages', () => {
  let t: TestApp;
  const keys = Object.keys(loadCatalog('de'));

  before(async () => {
    t = await startTestApp({ variant: 'demo' });
    await createUser(t.app.services.db, { email: 'koordination@bensheim.test', roles: [{ role: 'coordinator', municipalityId: await municipalityId(t.app.services.db, BENSHEIM) }] });
  });
  after(() => t.close());

  for (const locale of PUBLIC_LOCALES) {
    it(`renders every public page in ${locale} without a missing text`, async () => {
      const client = new TestClient(t.app.fastify);
      await client.get(`/sprache?lang=${encodeURIComponent(locale)}`);
      for (const path of PUBLIC_PAGES) {
        const response = await client.get(path);
        assert.equal(response.statusCode, 200, path);
        const html = response.body;
        assert.match(html, new RegExp(`<html lang="${locale === 'de-x-leicht' ? 'de' : locale}" dir="${locale === 'ar' || locale === 'fa' ? 'rtl' : 'ltr'}"`), path);
        const text = visibleText(html);
        const leaked = keys.filter((key) => text.includes(key));
        assert.deepEqual(leaked, [], `${path} in ${locale} shows message keys instead of text`);
      }
    });
  }

  it('uses the language of a public page in the same session, but keeps the workspace in German or English', async () => {
    const coordinator = new TestClient(t.app.fastify);
    await coordinator.login('koordination@bensheim.test', TEST_PASSWORD);
    await coordinator.get('/sprache?lang=tr');
    const publicPage = await coordinator.get('/veranstaltungen');
    assert.match(publicPage.body, /<html lang="tr"/);
    const workspace = await coordinator.get(`/verwaltung/${BENSHEIM}/veranstaltungen`);
    assert.match(workspace.body, /<html lang="en"/);
  });

  it('introduces the event list in words of its own in every language', async () => {
    const client = new TestClient(t.app.fastify);
    const titles = new Map<string, string>();
    for (const locale of PUBLIC_LOCALES) {
      await client.get(`/sprache?lang=${encodeURIComponent(locale)}`);
      const html = (await client.get('/veranstaltungen')).body;
      titles.set(locale, /<p class="kern-body kern-body--large">([^<]*)</.exec(html)?.[1] ?? '');
    }
    assert.equal(new Set(titles.values()).size, PUBLIC_LOCALES.length, JSON.stringify([...titles]));
  });
});
