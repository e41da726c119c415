import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { type BrowserSession, expectAccessible, newPersonPage, startBrowserSession } from '../support/browser.ts';

const PASSWORD = 'Demo-Passwort-2026';
const BENSHEIM = '06431002';

describe('a proposal becomes a measure (chromium)', () => {
  let session: BrowserSession;
  let processUrl: string;
  let proposalUrl: string;

  before(async () => {
    session = await startBrowserSession();
    const db = session.app.app.services.db;
    const process = await db
      .selectFrom('participation_processes as pp')
      .innerJoin('municipalities as m', 'm.id', 'pp.municipality_id')
      .select('pp.id')
      .where('m.ags', '=', BENSHEIM)
      .executeTakeFirstOrThrow();
    processUrl = `/beteiligung/${process.id}`;
  });
  after(() => session.close());

  /** Each person in a browser context of their own, signed in. */
  async function as(email: string): Promise<Page> {
    const page = await newPersonPage(session);
    await page.goto(`${session.baseUrl}/anmelden`);
    await page.getByLabel('E-Mail-Adresse').fill(email);
    await page.getByLabel('Passwort', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/anmelden'));
    return page;
  }

  async function check(page: Page, label: string) {
    const previous = session.page;
    session.page = page;
    try {
      await expectAccessible(session, label);
    } finally {
      session.page = previous;
    }
  }

  it('a participant writes a proposal', async () => {
    const page = await as('teilnehmer@demo.vielfalt-verankern.de');
    await page.goto(`${session.baseUrl}${processUrl}`);
    await check(page, processUrl);
    await page.getByRole('link', { name: 'Vorschlag machen' }).click();
    await check(page, 'new proposal');
    await page.locator('#title').fill('Sprachpatenschaften für Neuzugezogene');
    await page.locator('#body').fill('Ehrenamtliche begleiten neu Zugezogene in den ersten Wochen zu Ämtern und Vereinen.');
    await page.getByRole('button', { name: 'Vorschlag veröffentlichen' }).click();
    await page.waitForURL(/\/vorschlaege\/\d+$/);
    proposalUrl = new URL(page.url()).pathname;
    assert.match((await page.getByRole('status').first().textContent()) ?? '', /Ihr Vorschlag ist veröffentlicht/);
    await check(page, 'proposal page (author)');
  });

  it('another person supports and comments', async () => {
    const page = await as('trainerin@demo.vielfalt-verankern.de');
    await page.goto(`${session.baseUrl}${proposalUrl}`);
    await page.getByRole('button', { name: 'Vorschlag unterstützen' }).click();
    await page.waitForLoadState();
    assert.ok(await page.getByRole('heading', { name: '1 Unterstützung' }).isVisible());
    await page.locator('#body').fill('Gute Idee, der Sportverein macht gern mit.');
    await page.getByRole('button', { name: 'Kommentar veröffentlichen' }).click();
    // The redirect names the new comment: the page of comments that holds it, scrolled to it.
    await page.waitForURL(/\?kommentar=(\d+)#kommentar-\1$/);
    assert.match((await page.locator(':target').textContent()) ?? '', /der Sportverein macht gern mit/);
    await check(page, 'proposal page (supporter)');
  });

  it('pages long discussions by 20 threads, and the page links lead back to the comments', async () => {
    const db = session.app.app.services.db;
    const proposalId = Number(/vorschlaege\/(\d+)$/.exec(proposalUrl)?.[1]);
    await db
      .insertInto('proposal_comments')
      .values(Array.from({ length: 25 }, (_, i) => ({ proposal_id: proposalId, parent_id: null, depth: 0, author_user_id: null, body: `Weiterer Kommentar ${i + 1}`, edited_at: null })))
      .execute();
    const page = await as('trainerin@demo.vielfalt-verankern.de');
    await page.goto(`${session.baseUrl}${proposalUrl}`);
    const pager = page.getByRole('navigation', { name: 'Seiten der Kommentare' });
    assert.match((await page.locator('#comments-heading ~ p').first().textContent()) ?? '', /Kommentare 1–20 von 26/);
    await pager.getByRole('link', { name: 'Nächste Seite' }).click();
    await page.waitForURL(/\?kommentare=2#comments-heading$/);
    assert.match((await page.locator('.vv-comments').textContent()) ?? '', /Weiterer Kommentar 25/);
    assert.doesNotMatch((await page.locator('.vv-comments').textContent()) ?? '', /der Sportverein macht gern mit/);
    await check(page, 'proposal page, second page of comments');
  });

  it('the coordinator accepts it and links a measure; the public sees it on the implementation page', async () => {
    const page = await as('koordination-bensheim@demo.vielfalt-verankern.de');
    await page.goto(`${session.baseUrl}${proposalUrl}`);
    await page.getByRole('link', { name: 'Offizielle Antwort geben' }).click();
    await check(page, 'answer form');
    await page.locator('#status').selectOption('accepted');
    await page.locator('#text').fill('Wir nehmen das in unsere Strategie auf.');
    const firstMeasure = page.locator('input[name="measureIds"]').first();
    const measureLabel = (await page.locator(`label[for="${await firstMeasure.getAttribute('id')}"]`).textContent()) ?? '';
    await firstMeasure.check();
    await page.getByRole('button', { name: 'Antwort veröffentlichen' }).click();
    await page.waitForURL(/\/vorschlaege\/\d+$/);
    assert.match((await page.locator('main').textContent()) ?? '', /angenommen/);

    const visitor = session.page;
    await visitor.goto(`${session.baseUrl}${proposalUrl}`);
    assert.ok(await visitor.getByRole('link', { name: measureLabel.trim() }).isVisible());
    await expectAccessible(session, 'proposal page (visitor)');
    const measureHref = await visitor.getByRole('link', { name: measureLabel.trim() }).getAttribute('href');
    const measureId = /massnahmen\/(\d+)/.exec(measureHref ?? '')?.[1];
    const db = session.app.app.services.db;
    const measure = await db.selectFrom('measures').select(['field_id']).where('id', '=', Number(measureId)).executeTakeFirstOrThrow();
    await visitor.goto(`${session.baseUrl}/kommunen/${BENSHEIM}/umsetzung?handlungsfeld=${measure.field_id}`);
    const card = visitor.locator('.vv-measure', { hasText: measureLabel.trim() }).first();
    assert.match((await card.textContent()) ?? '', /Entstanden aus Vorschlägen.*Sprachpatenschaften für Neuzugezogene/s);
    await expectAccessible(session, 'implementation page with the proposal');
  });
});
