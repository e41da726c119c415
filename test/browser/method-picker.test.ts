/**
 * Enter in a form with the toolkit's "methods used" picker: in an ordinary field it saves, as the
 * save button does (the form's first submit button is a hidden copy of it, so this works without
 * JavaScript too); in the picker's search field it runs the card search (public/enter-button.js)
 * and keeps what was typed in the other fields.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { type BrowserSession, expectAccessible, login, startBrowserSession, visit } from '../support/browser.ts';
import { createUser, municipalityId, TEST_PASSWORD } from '../support/users.ts';

const BENSHEIM = '06431002';
const EMAIL = 'browser-methoden@bensheim.test';
const NEW_MEASURE = `/verwaltung/${BENSHEIM}/massnahmen/neu`;

describe('Enter in a form with the method picker (chromium)', () => {
  let session: BrowserSession;
  before(async () => {
    session = await startBrowserSession();
    const db = session.app.app.services.db;
    await createUser(db, { email: EMAIL, displayName: 'Mira Methoden', roles: [{ role: 'coordinator', municipalityId: await municipalityId(db, BENSHEIM) }] });
    await login(session, EMAIL, TEST_PASSWORD);
  });
  after(() => session.close());

  async function measuresTitled(title: string): Promise<Array<{ id: number }>> {
    return session.app.app.services.db.selectFrom('measures').select('id').where('title', '=', title).execute();
  }

  /** The total of the picker's result line, "1–10 von 14 Karten; …". */
  async function cardsFound(page: Page): Promise<number> {
    const line = (await page.locator('#methodIds [role="status"]').textContent()) ?? '';
    return Number(/von (\d+) Karten/.exec(line)?.[1] ?? 0);
  }

  it('Enter in the title saves the measure, as its save button does', async () => {
    const { page } = session;
    await visit(session, NEW_MEASURE);
    await expectAccessible(session, `${NEW_MEASURE} with the hidden default button`);
    await page.locator('#title').fill('Sprachpatenschaften im Quartier');
    await page.locator('#fieldId').selectOption({ index: 1 });
    await page.locator('#title').press('Enter');
    await page.waitForURL(/\/massnahmen\/\d+$/);
    assert.match((await page.locator('main .kern-alert').first().textContent()) ?? '', /Die Maßnahme „Sprachpatenschaften im Quartier“ wurde angelegt/);
    assert.equal((await measuresTitled('Sprachpatenschaften im Quartier')).length, 1);
  });

  it('Enter in the search field finds cards, keeps what was typed and saves nothing; then Enter in the title saves with the card ticked', async () => {
    const { page } = session;
    await visit(session, NEW_MEASURE);
    await page.locator('#title').fill('Kochtreff für Familien');
    await page.locator('#fieldId').selectOption({ index: 1 });
    const fieldId = await page.locator('#fieldId').inputValue();
    await page.locator('#responsibleOrg').fill('Familienzentrum Nord');
    const before = await cardsFound(page);
    assert.ok(before > 1, `the picker lists the published cards, got ${before}`);

    const search = page.getByLabel('Methodenkarten suchen');
    await search.fill('Kochabende');
    const answered = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith(NEW_MEASURE));
    await search.press('Enter');
    const response = await answered;
    assert.equal(response.status(), 200, 'the form comes back (a search), not a redirect (a save)');
    await page.waitForLoadState();
    assert.ok(page.url().endsWith(NEW_MEASURE));
    const found = await cardsFound(page);
    assert.ok(found >= 1 && found < before, `the search narrows the cards: ${found} of ${before}`);
    const card = page.getByLabel(/Kochabende „Küchen der Welt“/);
    assert.ok(await card.isVisible(), 'the card searched for is offered');
    assert.equal(await search.inputValue(), 'Kochabende', 'the search text stays');
    assert.equal(await page.locator('#title').inputValue(), 'Kochtreff für Familien', 'the title stays');
    assert.equal(await page.locator('#responsibleOrg').inputValue(), 'Familienzentrum Nord', 'the organisation stays');
    assert.equal(await page.locator('#fieldId').inputValue(), fieldId, 'the field of action stays');
    assert.deepEqual(await measuresTitled('Kochtreff für Familien'), [], 'nothing saved');
    await expectAccessible(session, `${NEW_MEASURE} after a search`);

    await card.check();
    await page.locator('#title').press('Enter');
    await page.waitForURL(/\/massnahmen\/\d+$/);
    assert.match((await page.locator('main .kern-alert').first().textContent()) ?? '', /Die Maßnahme „Kochtreff für Familien“ wurde angelegt/);
    const [saved] = await measuresTitled('Kochtreff für Familien');
    assert.ok(saved, 'the measure is saved');
    assert.match(
      await page
        .getByRole('group', { name: /Eingesetzte Methoden/ })
        .textContent()
        .then((t) => t ?? ''),
      /1 Methode gewählt/,
    );
  });

  it('without JavaScript, Enter in the title saves too', async () => {
    const context = await session.browser.newContext({ locale: 'de-DE', javaScriptEnabled: false });
    const previous = session.page;
    session.page = await context.newPage();
    try {
      const { page } = session;
      await login(session, EMAIL, TEST_PASSWORD);
      await visit(session, NEW_MEASURE);
      await page.locator('#title').fill('Lesepaten ohne Skript');
      await page.locator('#fieldId').selectOption({ index: 1 });
      await page.locator('#title').press('Enter');
      await page.waitForURL(/\/massnahmen\/\d+$/);
      assert.equal((await measuresTitled('Lesepaten ohne Skript')).length, 1);
    } finally {
      session.page = previous;
      await context.close();
    }
  });
});
