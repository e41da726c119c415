/**
 * Monitoring in chromium with the demo data: the office's dashboard and the towns' reports, a
 * coordinator's dashboard and report (written and submitted with JavaScript switched off), and the
 * funder's view of the approved report; every page passes axe-core.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { todayInBerlin } from '../../src/platform/i18n/catalog.ts';
import { type BrowserSession, expectAccessible, login, newPersonPage, startBrowserSession, visit } from '../support/browser.ts';

const PASSWORD = 'Demo-Passwort-2026';
const YEAR = todayInBerlin().slice(0, 4);
const LAST_YEAR = String(Number(YEAR) - 1);
const BENSHEIM = '06431002';
const VIERNHEIM = '06431020';

describe('monitoring pages in chromium', () => {
  let session: BrowserSession;
  before(async () => {
    session = await startBrowserSession();
  });
  after(() => session.close());

  /** A person of their own, in a browser context with JavaScript off: the pages must work without it. */
  async function withoutScript(email: string): Promise<Page> {
    const context = await session.browser.newContext({ locale: 'de-DE', javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${session.baseUrl}/anmelden`);
    await page.getByLabel('E-Mail-Adresse').fill(email);
    await page.getByLabel('Passwort', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/anmelden'));
    return page;
  }

  it('lets a coordinator write and submit the town report without JavaScript', async () => {
    const page = await withoutScript('koordination-bensheim@demo.vielfalt-verankern.de');
    const report = `/verwaltung/${BENSHEIM}/monitoring/berichte/${LAST_YEAR}`;
    await page.goto(`${session.baseUrl}/verwaltung/${BENSHEIM}/monitoring?zeitraum=${LAST_YEAR}`);
    await page.getByRole('link', { name: 'Bericht für diesen Zeitraum schreiben' }).click();
    await page.waitForURL(`**${report}`);
    await page.getByRole('button', { name: 'Einreichen' }).click();
    await page.waitForLoadState();
    assert.match((await page.locator('#narrative-error').textContent()) ?? '', /Schreiben Sie den Sachbericht/);
    await page.locator('#narrative').fill('Ein gutes Jahr für den Zusammenhalt.');
    await page.getByRole('button', { name: 'Einreichen' }).click();
    await page.waitForURL(`**${report}`);
    assert.match((await page.locator('main').textContent()) ?? '', /Stand: eingereicht/);
    await page.context().close();
  });

  it('shows the office its dashboard, the reports of the year and a report to decide on', async () => {
    await login(session, 'programmbuero@demo.vielfalt-verankern.de', PASSWORD);
    const { page } = session;
    await visit(session, `/monitoring?zeitraum=${YEAR}`);
    await page.getByRole('link', { name: /^Tabellen je Kommune/ }).click();
    await page.waitForURL(`**/monitoring/teilnehmende?zeitraum=${YEAR}&ebene=land`);
    assert.match((await page.locator('main').textContent()) ?? '', /Nach Geschlecht.*Bensheim.*Summe der Kommunen/s);
    await expectAccessible(session, 'AMIF tables per town');
    for (const path of [`/monitoring?zeitraum=${YEAR}`, `/monitoring/berichte/${YEAR}`, `/monitoring/berichte?zeitraum=${YEAR}`]) {
      await visit(session, path);
      await expectAccessible(session, path);
    }
    const list = (await page.locator('main').textContent()) ?? '';
    assert.match(list, /Viernheim\s*eingereicht/);
    assert.match(list, /Bensheim\s*freigegeben/);
    await page.getByRole('link', { name: 'Viernheim' }).click();
    await page.waitForURL(`**/verwaltung/${VIERNHEIM}/monitoring/berichte/${YEAR}`);
    await expectAccessible(session, 'submitted report');
    await page.locator('#decision').selectOption('sent_back');
    await page.getByRole('button', { name: 'Entscheidung speichern' }).click();
    await page.waitForLoadState();
    assert.match((await page.locator('#note-error').textContent()) ?? '', /was die Kommune ändern soll/);
    await expectAccessible(session, 'decision with an error');
    await page.locator('#decision').selectOption('approved');
    await page.getByRole('button', { name: 'Entscheidung speichern' }).click();
    await page.waitForURL(`**/verwaltung/${VIERNHEIM}/monitoring/berichte/${YEAR}`);
    assert.match((await page.locator('main').textContent()) ?? '', /Freigegeben am/);
    await expectAccessible(session, 'approved report');
  });

  it('shows a coordinator the town dashboard and the approved report', async () => {
    session.page = await newPersonPage(session);
    await login(session, 'koordination-bensheim@demo.vielfalt-verankern.de', PASSWORD);
    for (const path of [`/verwaltung/${BENSHEIM}/monitoring?zeitraum=${YEAR}`, `/verwaltung/${BENSHEIM}/monitoring/berichte/${YEAR}`]) {
      await visit(session, path);
      await expectAccessible(session, path);
    }
    assert.match((await session.page.locator('main').textContent()) ?? '', /Nachbarschaft im Gespräch/);
  });

  it('shows the funder the approved reports only, protected', async () => {
    session.page = await newPersonPage(session);
    await login(session, 'foerdermittelgeber@demo.vielfalt-verankern.de', PASSWORD);
    const { page } = session;
    await visit(session, `/monitoring/berichte?zeitraum=${YEAR}`);
    await expectAccessible(session, 'funder: reports');
    await page.getByRole('link', { name: 'Bensheim' }).click();
    await page.waitForURL(`**/monitoring/berichte/${YEAR}/kommunen/${BENSHEIM}`);
    const text = (await page.locator('main').textContent()) ?? '';
    assert.match(text, /Nachbarschaft im Gespräch/);
    assert.doesNotMatch(text, /@demo\.vielfalt-verankern\.de/);
    await expectAccessible(session, 'funder: approved report');
    await visit(session, '/monitoring');
    await expectAccessible(session, 'funder: dashboard');
  });
});
