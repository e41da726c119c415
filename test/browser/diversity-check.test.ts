import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type BrowserSession, expectAccessible, login, startBrowserSession, visit } from '../support/browser.ts';
import { networkFactory } from '../support/factories/network.ts';
import { createUser, municipalityId, TEST_PASSWORD } from '../support/users.ts';

const BENSHEIM = '06431002';
const BASE = `/verwaltung/${BENSHEIM}/vielfalts-check`;

describe('a coordinator records a Vielfalts-Check and reads the result (chromium)', () => {
  let session: BrowserSession;
  before(async () => {
    session = await startBrowserSession();
    const db = session.app.app.services.db;
    const town = await municipalityId(db, BENSHEIM);
    await networkFactory(db, town).organisation('Browser-Familienzentrum', { type: 'welfare_organisation' });
    await createUser(db, { email: 'browser-check@bensheim.test', roles: [{ role: 'coordinator', municipalityId: town }] });
  });
  after(() => session.close());

  it('shows the town profile of the demo and the form', async () => {
    await login(session, 'browser-check@bensheim.test', TEST_PASSWORD);
    await visit(session, BASE);
    assert.match((await session.page.getByRole('heading', { level: 1 }).textContent()) ?? '', /Vielfalts-Check Bensheim/);
    await expectAccessible(session, BASE);
    await visit(session, `${BASE}/neu`);
    await expectAccessible(session, `${BASE}/neu`);
  });

  it('sends the form back with a message at each unanswered item, then saves and shows the result', async () => {
    const { page } = session;
    await page.locator('#organisationId').selectOption({ label: 'Browser-Familienzentrum' });
    await page.locator('#assessedOn').fill('2024-03-01');
    await page.getByRole('button', { name: 'Einschätzung speichern' }).click();
    await page.waitForLoadState();
    assert.ok((await page.locator('.kern-fieldset--error').count()) >= 21);
    assert.equal(await page.locator('#assessedOn').inputValue(), '2024-03-01');
    await expectAccessible(session, 'assessment form with errors');
    const groups = page.locator('fieldset[id^="level_"]');
    const count = await groups.count();
    for (let i = 0; i < count; i++) {
      await groups
        .nth(i)
        .locator('input[type="radio"]')
        .nth(i % 5)
        .check();
    }
    await page.getByRole('button', { name: 'Einschätzung speichern' }).click();
    await page.waitForURL(/\/vielfalts-check\/\d+$/);
    assert.match((await page.getByRole('heading', { level: 1 }).textContent()) ?? '', /Browser-Familienzentrum/);
    assert.match((await page.locator('main').textContent()) ?? '', /Stärken und nächste Schritte/);
    await expectAccessible(session, 'assessment result');
  });
});
