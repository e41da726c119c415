import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type BrowserSession, expectAccessible, startBrowserSession, visit } from '../support/browser.ts';

describe('public pages in chromium', () => {
  let session: BrowserSession;
  before(async () => {
    session = await startBrowserSession();
  });
  after(() => session.close());

  it('shows the home page with the map and its text alternative, accessible', async () => {
    await visit(session, '/');
    const { page } = session;
    assert.equal(await page.getAttribute('html', 'lang'), 'de');
    assert.match((await page.getByRole('img', { name: /Karte von Hessen/ }).getAttribute('alt')) ?? '', /15 Kommunen nehmen/);
    assert.equal(await page.locator('#participants-heading + ul li').count(), 15);
    await expectAccessible(session, '/');
  });

  it('filters the register with the form and keeps the filter in the CSV link', async () => {
    await visit(session, '/kommunen');
    const { page } = session;
    await page.getByLabel('Größenklasse').selectOption('target');
    await page.getByLabel('Teilnahme', { exact: true }).selectOption('ja');
    await page.getByRole('button', { name: 'Filtern' }).click();
    await page.waitForURL(/groesse=target/);
    assert.match((await page.getByRole('status').first().textContent()) ?? '', /15 Treffer/);
    assert.match((await page.getByRole('link', { name: 'Als CSV herunterladen' }).getAttribute('href')) ?? '', /groesse=target&teilnahme=ja/);
    await expectAccessible(session, '/kommunen?groesse=target&teilnahme=ja');
    await page.getByRole('link', { name: 'Bensheim' }).click();
    await page.waitForURL(/\/kommunen\/06431002$/);
    assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Bensheim');
    await expectAccessible(session, '/kommunen/06431002');
  });

  it('switches to English on the same page and back', async () => {
    await visit(session, '/kommunen/06431002');
    const { page } = session;
    await page.getByRole('link', { name: 'English', exact: true }).click();
    await page.waitForURL(/\/kommunen\/06431002$/);
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    assert.ok(await page.getByRole('heading', { name: 'Key facts' }).isVisible());
    await expectAccessible(session, '/kommunen/06431002 (en)');
    await page.getByRole('link', { name: 'Deutsch', exact: true }).click();
    await page.waitForURL(/\/kommunen\/06431002$/);
    assert.equal(await page.getAttribute('html', 'lang'), 'de');
  });

  it('reads right to left in Arabic and Farsi, and offers Leichte Sprache, all accessible', async () => {
    const { page } = session;
    for (const [name, lang, dir] of [
      ['العربية', 'ar', 'rtl'],
      ['فارسی', 'fa', 'rtl'],
      ['Leichte Sprache', 'de', 'ltr'],
      ['Türkçe', 'tr', 'ltr'],
    ] as const) {
      await visit(session, '/veranstaltungen');
      await page.getByRole('link', { name, exact: true }).click();
      await page.waitForURL(/\/veranstaltungen$/);
      assert.equal(await page.getAttribute('html', 'lang'), lang);
      assert.equal(await page.getAttribute('html', 'dir'), dir);
      await expectAccessible(session, `/veranstaltungen (${name})`);
      await visit(session, '/kommunen/06431002');
      await expectAccessible(session, `/kommunen/06431002 (${name})`);
    }
    await page.getByRole('link', { name: 'Deutsch', exact: true }).click();
    await page.waitForURL(/\/kommunen\/06431002$/);
  });

  it('shows the training programmes with their modules and the application form, accessible', async () => {
    const { page } = session;
    await visit(session, '/qualifizierung');
    await expectAccessible(session, '/qualifizierung');
    await page.getByRole('link', { name: 'Vielfaltsmanagerin und Vielfaltsmanager' }).click();
    await page.waitForURL(/\/qualifizierung\/\d+$/);
    assert.ok(await page.getByRole('table', { name: 'Module' }).isVisible());
    await expectAccessible(session, 'programme page');
    await page.getByRole('link', { name: 'Jetzt bewerben' }).click();
    await page.waitForURL(/\/anmelden/);
    await expectAccessible(session, 'login before applying');
  });

  it('keeps the legal, sources and account pages accessible', async () => {
    for (const path of ['/impressum', '/datenschutz', '/barrierefreiheit', '/quellen', '/opendata', '/anmelden', '/registrieren', '/passwort-vergessen', '/gibt-es-nicht']) {
      await session.page.goto(`${session.baseUrl}${path}`);
      await expectAccessible(session, path);
    }
  });

  it('shows form errors next to the field and in a summary, accessible', async () => {
    await visit(session, '/registrieren');
    const { page } = session;
    await page.getByLabel('E-Mail-Adresse').fill('keine-adresse');
    await page.getByRole('button', { name: 'Konto anlegen' }).click();
    await page.waitForLoadState();
    assert.equal(await page.getByLabel('E-Mail-Adresse').inputValue(), 'keine-adresse');
    assert.ok(await page.locator('#email-error').isVisible());
    await expectAccessible(session, '/registrieren (errors)');
  });
});
