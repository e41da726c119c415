import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type BrowserSession, expectAccessible, newPersonPage, login, startBrowserSession, visit } from '../support/browser.ts';

const BENSHEIM = '06431002';

describe('a survey from creation to results (chromium)', () => {
  let session: BrowserSession;
  let surveyPath: string;
  before(async () => {
    session = await startBrowserSession();
  });
  after(() => session.close());

  it('the coordinator creates a survey with a scale question and publishes it', async () => {
    const { page } = session;
    await login(session, 'koordination-bensheim@demo.vielfalt-verankern.de', 'Demo-Passwort-2026');
    await visit(session, `/verwaltung/${BENSHEIM}/umfragen`);
    await expectAccessible(session, 'survey list');
    const today = new Date().toISOString().slice(0, 10);
    await page.locator('#title').fill('Wie geht es Ihnen in Bensheim?');
    await page.locator('#opensOn').fill('2026-01-01');
    await page.locator('#closesOn').fill('2099-12-31');
    await page.getByRole('button', { name: 'Umfrage anlegen' }).click();
    await page.waitForURL(/\/umfragen\/\d+$/);
    surveyPath = `/umfragen/${/umfragen\/(\d+)$/.exec(page.url())?.[1]}`;
    await expectAccessible(session, 'survey editor');
    await page.locator('#kind').selectOption('scale');
    await page.locator('#prompt').fill(`Wie wohl fühlen Sie sich (${today})?`);
    await page.locator('#options').fill('gar nicht\nsehr');
    await page.locator('#required').check();
    await page.getByRole('button', { name: 'Frage hinzufügen' }).click();
    await page.waitForLoadState();
    await page.locator('#published').check();
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.waitForLoadState();
  });

  it('a participant answers and sees the results with chart and table', async () => {
    const page = await newPersonPage(session);
    const previous = session.page;
    session.page = page;
    try {
      await login(session, 'teilnehmer@demo.vielfalt-verankern.de', 'Demo-Passwort-2026');
      await visit(session, surveyPath);
      await expectAccessible(session, 'survey form');
      await page.getByRole('button', { name: 'Antworten absenden' }).click();
      await page.waitForLoadState();
      assert.ok(await page.locator('.kern-fieldset--error').first().isVisible());
      await expectAccessible(session, 'survey form with an error');
      await page.getByLabel('4', { exact: true }).check();
      await page.getByRole('button', { name: 'Antworten absenden' }).click();
      await page.waitForLoadState();
      assert.match((await page.getByRole('status').first().textContent()) ?? '', /Danke für Ihre Teilnahme/);
      await visit(session, `${surveyPath}/ergebnisse`);
      assert.ok(await page.getByRole('img', { name: /Balkendiagramm/ }).isVisible());
      assert.match((await page.locator('table').first().textContent()) ?? '', /4\s*1/);
      await expectAccessible(session, 'survey results');
    } finally {
      session.page = previous;
      await page.context().close();
    }
  });
});
