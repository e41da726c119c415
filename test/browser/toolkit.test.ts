/**
 * The toolkit as a visitor uses it: search for "Vereine" (stemming finds "Verein"), narrow it with a
 * filter, put the most used first, open a card and see where it was used, print it (the print
 * stylesheet leaves only the card) and download its PDF; every page without axe violations.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type BrowserSession, expectAccessible, startBrowserSession, visit } from '../support/browser.ts';

describe('toolkit in the browser', () => {
  let session: BrowserSession;
  let cardPath = '';
  before(async () => {
    session = await startBrowserSession();
  });
  after(() => session.close());

  it('finds cards for "Vereine" with the matches marked, narrows them by field of action and sorts by use', async () => {
    const { page } = session;
    await visit(session, '/werkzeugkoffer');
    await page.getByLabel('Suchbegriff').fill('Vereine');
    await page.getByRole('button', { name: 'Filtern' }).click();
    await page.waitForURL(/q=Vereine/);
    const found = Number(/(\d+) Methoden?/.exec((await page.locator('[aria-live="polite"]').textContent()) ?? '')?.[1]);
    assert.ok(found > 1, `several cards match, got ${found}`);
    assert.ok((await page.locator('main mark').count()) > 0, 'the matching words are marked');
    assert.ok(
      await page
        .locator('main mark')
        .filter({ hasText: /^Verein/ })
        .count(),
      'a form of "Verein" is marked',
    );
    await expectAccessible(session, '/werkzeugkoffer?q=Vereine');

    await page.getByLabel('Handlungsfeld').selectOption('civil_society');
    await page.getByLabel('Reihenfolge').selectOption('beliebt');
    await page.getByRole('button', { name: 'Filtern' }).click();
    await page.waitForURL(/feld=civil_society/);
    assert.match(page.url(), /sortierung=beliebt/);
    assert.equal(await page.getByLabel('Suchbegriff').inputValue(), 'Vereine', 'the search stays');
    const narrowed = Number(/(\d+) Methoden?/.exec((await page.locator('[aria-live="polite"]').textContent()) ?? '')?.[1]);
    assert.ok(narrowed >= 1 && narrowed <= found, `the filter narrows: ${narrowed} of ${found}`);
    const first = page.locator('main li.vv-measure').first();
    assert.match((await first.textContent()) ?? '', /Mal eingesetzt in \d+ Kommunen?/, 'the most used card first, with its use');
    await expectAccessible(session, '/werkzeugkoffer filtered, most used first');
    cardPath = (await first.getByRole('link').first().getAttribute('href')) ?? '';
    await first.getByRole('link').first().click();
    await page.waitForURL(/\/werkzeugkoffer\/methoden\/\d+$/);
  });

  it('shows on the card where it was used, with towns and their counts', async () => {
    const { page } = session;
    assert.ok(page.url().endsWith(cardPath));
    const used = page.getByRole('region', { name: 'Hier wurde die Methode eingesetzt' });
    assert.ok(await used.isVisible());
    const text = (await used.textContent()) ?? '';
    assert.match(text, /In \d+ Kommunen?:/);
    assert.match(text, /\d+ Mal/);
    assert.match(text, /Maßnahmen \(\d+\)|Veranstaltungen \(\d+\)/);
    const town = used.getByRole('link').first();
    assert.match((await town.getAttribute('href')) ?? '', /^\/kommunen\/\d{8}$/);
    await expectAccessible(session, 'method card');
  });

  it('prints only the card: header, navigation and the list of uses are left out', async () => {
    const { page } = session;
    await page.emulateMedia({ media: 'print' });
    try {
      assert.ok(await page.getByRole('heading', { level: 1 }).isVisible(), 'the card title prints');
      assert.ok(await page.getByRole('heading', { name: 'Ablauf' }).isVisible(), 'the steps print');
      assert.equal(await page.locator('.vv-header').isVisible(), false, 'no header on paper');
      assert.equal(await page.getByRole('navigation', { name: 'Sie sind hier' }).isVisible(), false, 'no breadcrumb on paper');
      assert.equal(await page.getByRole('heading', { name: 'Hier wurde die Methode eingesetzt' }).isVisible(), false, 'no list of uses on paper');
      assert.equal(await page.getByRole('link', { name: 'Methodenkarte als PDF' }).isVisible(), false, 'no PDF link on paper');
    } finally {
      await page.emulateMedia({ media: 'screen' });
    }
    assert.ok(await page.getByRole('heading', { name: 'Hier wurde die Methode eingesetzt' }).isVisible(), 'on screen the uses show again');
  });

  it('downloads the card as a PDF', async () => {
    const { page } = session;
    const href = await page.getByRole('link', { name: 'Methodenkarte als PDF' }).getAttribute('href');
    assert.equal(href, `${cardPath}/pdf`);
    const response = await page.request.get(`${session.baseUrl}${href}`);
    assert.equal(response.status(), 200);
    assert.equal(response.headers()['content-type'], 'application/pdf');
    const bytes = await response.body();
    assert.equal(bytes.subarray(0, 5).toString('latin1'), '%PDF-');
    assert.ok(bytes.length > 1000, `a real document, ${bytes.length} bytes`);
  });
});
