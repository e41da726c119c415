import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type BrowserSession, expectAccessible, login, startBrowserSession, visit } from '../support/browser.ts';
import { createUser, municipalityId, TEST_PASSWORD } from '../support/users.ts';

const BENSHEIM = '06431002';

describe('a coordinator reports progress, the public sees it (chromium)', () => {
  let session: BrowserSession;
  before(async () => {
    session = await startBrowserSession();
    const db = session.app.app.services.db;
    await createUser(db, { email: 'browser-koordination@bensheim.test', displayName: 'Kim Koordination', roles: [{ role: 'coordinator', municipalityId: await municipalityId(db, BENSHEIM) }] });
  });
  after(() => session.close());

  it('logs in and reaches the workspace of the own town', async () => {
    await login(session, 'browser-koordination@bensheim.test', TEST_PASSWORD);
    await visit(session, `/verwaltung/${BENSHEIM}`);
    assert.equal(await session.page.getByRole('heading', { level: 1 }).textContent(), 'Verwaltung: Bensheim');
    await expectAccessible(session, `/verwaltung/${BENSHEIM}`);
    for (const path of ['strategie', 'handlungsfelder', 'massnahmen', 'ortsteile', 'beteiligung', 'beteiligung/neu', 'moderation', 'moderation/woerter']) {
      await visit(session, `/verwaltung/${BENSHEIM}/${path}`);
      await expectAccessible(session, `/verwaltung/${BENSHEIM}/${path}`);
    }
  });

  it('adds a measure; a wrong progress comes back next to the field with the input kept', async () => {
    const { page } = session;
    await visit(session, `/verwaltung/${BENSHEIM}/massnahmen/neu`);
    await expectAccessible(session, `/verwaltung/${BENSHEIM}/massnahmen/neu`);
    await page.locator('#title').fill('Interkulturelle Elternabende');
    await page.locator('#fieldId').selectOption({ index: 1 });
    await page.locator('#responsibleOrg').fill('Familienzentrum Nord');
    await page.locator('#startsOn').fill('2026-09-01');
    await page.locator('#endsOn').fill('2027-06-30');
    await page.locator('#progress').fill('150');
    await page.getByRole('button', { name: 'Maßnahme speichern' }).click();
    await page.waitForLoadState();
    assert.match((await page.locator('#progress-error').textContent()) ?? '', /höchstens 100/);
    assert.equal(await page.locator('#title').inputValue(), 'Interkulturelle Elternabende');
    await expectAccessible(session, 'measure form with errors');
    await page.locator('#progress').fill('0');
    await page.getByRole('button', { name: 'Maßnahme speichern' }).click();
    await page.waitForURL(/\/massnahmen\/\d+$/);
    assert.match((await page.getByRole('status').first().textContent()) ?? '', /Interkulturelle Elternabende/);
    await expectAccessible(session, 'measure page');
  });

  it('posts an update that shows in the history and on the public page', async () => {
    const { page } = session;
    await page.locator('#updateText').fill('Erster Elternabend mit 23 Familien in vier Sprachen.');
    await page.locator('#updateStatus').selectOption('running');
    await page.locator('#updateProgress').fill('25');
    await page.getByRole('button', { name: 'Fortschritt melden' }).click();
    await page.waitForLoadState();
    assert.match((await page.locator('.vv-history').first().textContent()) ?? '', /Kim Koordination · läuft · 25 %/);
    await visit(session, `/kommunen/${BENSHEIM}/umsetzung`);
    const card = page.locator('.vv-measure', { hasText: 'Interkulturelle Elternabende' });
    assert.match((await card.textContent()) ?? '', /läuft/);
    assert.match((await card.textContent()) ?? '', /25 %/);
    assert.match((await card.textContent()) ?? '', /Erster Elternabend mit 23 Familien/);
    await expectAccessible(session, `/kommunen/${BENSHEIM}/umsetzung`);
  });

  it('shows the public state of implementation in English too', async () => {
    const { page } = session;
    await page.getByRole('link', { name: 'English', exact: true }).click();
    await page.waitForURL(/\/umsetzung$/);
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    assert.ok(await page.getByRole('heading', { level: 1, name: 'State of implementation in Bensheim' }).isVisible());
    await expectAccessible(session, `/kommunen/${BENSHEIM}/umsetzung (en)`);
    await page.getByRole('link', { name: 'Deutsch', exact: true }).click();
  });
});
