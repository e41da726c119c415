/**
 * Public pages on a phone (360 px): the header keeps languages, navigation and account links behind
 * two disclosures that work without JavaScript, so the page's title shows on the first screen;
 * on a desktop (1280 px) everything stays in view. The breadcrumb's current item lines up with the
 * links before it. Screenshots of both widths go to .tmp/screenshots for a person to look at.
 * Also: the open-data page and the API documentation, accessible.
 */
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { type BrowserSession, expectAccessible, startBrowserSession, visit } from '../support/browser.ts';

const SHOTS = join(import.meta.dirname, '../../.tmp/screenshots');
const PAGES = ['/', '/kommunen/06431002', '/veranstaltungen', '/werkzeugkoffer', '/opendata'];

describe('public pages on a phone and on a desktop', () => {
  let session: BrowserSession;
  before(async () => {
    session = await startBrowserSession();
    mkdirSync(SHOTS, { recursive: true });
  });
  after(() => session.close());

  it('shows the page title on the first screen at 360 px, with menu and languages behind disclosures', async () => {
    const { page } = session;
    await page.setViewportSize({ width: 360, height: 740 });
    for (const path of PAGES) {
      await visit(session, path);
      const heading = await page.getByRole('heading', { level: 1 }).boundingBox();
      assert.ok(heading, `${path} has a visible title`);
      assert.ok(heading.y + heading.height <= 740, `${path}: the title ends at ${Math.round(heading.y + heading.height)} px, below the first screen`);
      assert.equal(await page.getByRole('link', { name: 'English', exact: true }).count(), 0, 'the language links are folded away');
      await page.screenshot({ path: join(SHOTS, `360${path.replaceAll('/', '_') || '_'}.png`) });
      await expectAccessible(session, `${path} at 360 px`);
    }
  });

  it('opens the menu and the languages with the keyboard, without JavaScript', async () => {
    const context = await session.browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 }, locale: 'de-DE' });
    const page = await context.newPage();
    await page.goto(`${session.baseUrl}/kommunen`);
    await page.locator('summary', { hasText: 'Menü' }).focus();
    await page.keyboard.press('Enter');
    assert.ok(await page.getByRole('link', { name: 'Veranstaltungen', exact: true }).isVisible(), 'the navigation opens');
    assert.ok(await page.getByRole('link', { name: 'Anmelden' }).isVisible(), 'with the account links');
    await page.locator('summary', { hasText: 'Sprache' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('link', { name: 'English', exact: true }).click();
    await page.waitForURL(/\/kommunen$/);
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    await context.close();
  });

  it('keeps everything in view at 1280 px, with the breadcrumb’s current item on the line of its links', async () => {
    const { page } = session;
    await page.setViewportSize({ width: 1280, height: 800 });
    await visit(session, '/kommunen/06431002');
    assert.ok(await page.getByRole('link', { name: 'English', exact: true }).isVisible());
    assert.ok(await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Veranstaltungen' }).isVisible());
    assert.equal(await page.locator('summary', { hasText: 'Menü' }).isVisible(), false);
    const crumbs = page.getByRole('navigation', { name: 'Sie sind hier' });
    // Where the text itself sits (a range over the words), not the box: a link's box also holds its underline.
    const textBox = (e: Element) => {
      const range = document.createRange();
      range.selectNodeContents(e);
      return { bottom: range.getBoundingClientRect().bottom, size: getComputedStyle(e).fontSize };
    };
    const link = await crumbs.getByRole('link').last().evaluate(textBox);
    const current = await crumbs.locator('[aria-current="page"]').evaluate(textBox);
    assert.equal(current.size, link.size, 'same size');
    assert.ok(Math.abs(current.bottom - link.bottom) <= 1, `same line: ${current.bottom} vs ${link.bottom}`);
    const languages = page.getByRole('navigation', { name: 'Sprache wählen' });
    const english = await languages.getByRole('link', { name: 'English', exact: true }).evaluate(textBox);
    const german = await languages.locator('[aria-current="true"]').evaluate(textBox);
    assert.equal(german.size, english.size, 'the current language as large as the others');
    assert.ok(Math.abs(german.bottom - english.bottom) <= 1, `the current language on their line: ${german.bottom} vs ${english.bottom}`);
    await page.setViewportSize({ width: 360, height: 740 });
    const narrowLink = await crumbs.getByRole('link').first().evaluate(textBox);
    const narrowCurrent = await crumbs.locator('[aria-current="page"]').evaluate(textBox);
    assert.equal(narrowCurrent.size, narrowLink.size, 'same size on a phone, where the breadcrumb wraps');
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.screenshot({ path: join(SHOTS, '1280_kommunen_06431002.png') });
    await expectAccessible(session, '/kommunen/06431002 at 1280 px');
  });

  it('shows the open-data page and the API documentation accessibly, in German and Arabic', async () => {
    const { page } = session;
    await visit(session, '/opendata');
    assert.ok(await page.getByRole('link', { name: /DCAT-AP\.de/ }).isVisible());
    await page
      .locator('summary', { hasText: /Spalten und Typen/ })
      .first()
      .click();
    await expectAccessible(session, '/opendata');
    await visit(session, '/api/v1/docs');
    await expectAccessible(session, '/api/v1/docs');
    await page.getByRole('link', { name: 'العربية', exact: true }).click();
    await page.waitForURL(/\/api\/v1\/docs$/);
    assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
    await expectAccessible(session, '/api/v1/docs (ar)');
    await page.getByRole('link', { name: 'Deutsch', exact: true }).click();
  });
});
