import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type BrowserSession, expectAccessible, login, startBrowserSession, visit } from '../support/browser.ts';

describe('programme office pages in chromium', () => {
  let session: BrowserSession;
  before(async () => {
    session = await startBrowserSession();
    await login(session, 'programmbuero@demo.vielfalt-verankern.de', 'Demo-Passwort-2026');
  });
  after(() => session.close());

  it('invites a coordinator through the form', async () => {
    const { page } = session;
    await visit(session, '/programmbuero/nutzer/einladen');
    await expectAccessible(session, '/programmbuero/nutzer/einladen');
    await page.locator('#displayName').fill('Ines Eingeladen');
    await page.locator('#email').fill('ines@example.org');
    await page.locator('#role').selectOption('coordinator');
    await page.getByRole('button', { name: 'Einladung senden' }).click();
    await page.waitForLoadState();
    assert.match((await page.locator('#municipalityId-error').textContent()) ?? '', /Kommune/);
    await expectAccessible(session, 'invitation with an error');
    await page.locator('#municipalityId').selectOption({ label: 'Bensheim (Bergstraße)' });
    await page.getByRole('button', { name: 'Einladung senden' }).click();
    await page.waitForURL(/\/programmbuero\/nutzer\/\d+$/);
    assert.match((await page.locator('main').textContent()) ?? '', /Koordination \(Bensheim\)/);
    await expectAccessible(session, 'user page');
  });

  it('keeps every page of the office accessible', async () => {
    for (const path of [
      '/programmbuero',
      '/programmbuero/nutzer',
      '/programmbuero/nutzer?rolle=coordinator',
      '/programmbuero/teilnahme',
      '/programmbuero/protokoll',
      '/programmbuero/protokoll?von=gestern',
      '/programmbuero/postausgang',
      '/programmbuero/nachweise',
      '/konto',
    ]) {
      await session.page.goto(`${session.baseUrl}${path}`);
      await expectAccessible(session, path);
    }
  });
});
