/**
 * The network pages a visitor and a coordinator click through, in chromium with axe-core on each:
 * the public directory with search and type filter, the town's picture with the date form and the
 * table, entering an organisation that has a likely duplicate, a CSV import with a row in error and a
 * duplicate, the list of pairs, the merge page, and a cooperation with the imported organisation
 * that the visitor then finds in the picture's table.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type BrowserSession, expectAccessible, login, newPersonPage, startBrowserSession, visit } from '../support/browser.ts';
import { networkFactory } from '../support/factories/network.ts';
import { createUser, municipalityId, TEST_PASSWORD } from '../support/users.ts';

const BENSHEIM = '06431002';
const PUBLIC = `/kommunen/${BENSHEIM}/netzwerk`;
const WORKSPACE = `/verwaltung/${BENSHEIM}/netzwerk`;

describe('the network of a town in the browser (chromium)', () => {
  let session: BrowserSession;
  const ids: Record<string, number> = {};

  before(async () => {
    session = await startBrowserSession();
    const db = session.app.app.services.db;
    const town = await municipalityId(db, BENSHEIM);
    const f = networkFactory(db, town);
    ids.kept = await f.organisation('Browser-Kulturverein Bensheim', { type: 'club', description: 'Kultur für alle', website: 'https://kulturverein-browser.example.org' });
    ids.twin = await f.organisation('Kulturverein Browser Bensheim e. V.', { type: 'club', email: 'post@kulturverein-browser.example.org' });
    ids.partner = await f.organisation('Browser-Elternnetzwerk Bensheim', { type: 'migrant_organisation' });
    await f.cooperation(ids.twin, ids.partner, '2021-03-01');
    await createUser(db, { email: 'browser-netzwerk@bensheim.test', roles: [{ role: 'coordinator', municipalityId: town }] });
  });
  after(() => session.close());

  it('lets a visitor search and filter the public directory and choose the date of the picture', async () => {
    const { page } = session;
    await visit(session, PUBLIC);
    await expectAccessible(session, PUBLIC);
    await page.locator('#filter-q').fill('Kulturvereine');
    await page.locator('#filter-typ').selectOption({ label: 'Verein' });
    await page.getByRole('button', { name: 'Filtern' }).click();
    await page.waitForURL(/q=Kulturvereine/);
    const cards = page.locator('.vv-cards h2');
    const names = await cards.allTextContents();
    assert.ok(names.includes('Browser-Kulturverein Bensheim'), names.join(' | '));
    assert.ok(
      names.every((n) => /Kulturverein/.test(n)),
      names.join(' | '),
    );
    await expectAccessible(session, 'public directory, searched and filtered');

    await page.locator('#network-stand').fill('2021-06-30');
    await page.getByRole('button', { name: 'Anzeigen' }).click();
    await page.waitForURL(/stand=2021-06-30/);
    assert.match((await page.locator('#network-figures').textContent()) ?? '', /Kennzahlen am 30\.06\.2021/);
    // The search is kept across the date form.
    assert.match(page.url(), /q=Kulturvereine/);
    assert.equal(await page.locator('svg[role="img"] title').count(), 1);
    assert.match((await page.locator('caption', { hasText: 'Organisationen und ihre Partner' }).textContent()) ?? '', /30\.06\.2021/);
    await expectAccessible(session, 'public directory on a chosen date');
  });

  it("shows the coordinator the town's whole network with its picture, table pages and date form", async () => {
    const { page } = session;
    await login(session, 'browser-netzwerk@bensheim.test', TEST_PASSWORD);
    await visit(session, WORKSPACE);
    assert.match((await page.getByRole('heading', { level: 1 }).textContent()) ?? '', /Netzwerk/);
    assert.equal(await page.locator('svg[role="img"]').count(), 1);
    await expectAccessible(session, WORKSPACE);
    const pages = page.getByRole('navigation', { name: 'Seiten der Tabelle' });
    if ((await pages.count()) > 0) {
      await pages.getByRole('link', { name: 'Seite 2', exact: true }).click();
      await page.waitForURL(/tabelle=2/);
      await expectAccessible(session, 'second page of the table');
    }
    await page.locator('#network-stand').fill('2020-01-01');
    await page.getByRole('button', { name: 'Anzeigen' }).click();
    await page.waitForURL(/stand=2020-01-01/);
    assert.match((await page.locator('#network-figures').textContent()) ?? '', /01\.01\.2020/);
    await expectAccessible(session, 'workspace picture on a chosen date');
  });

  it('warns of likely duplicates when an organisation is entered, and keeps what was typed', async () => {
    const { page } = session;
    await visit(session, `${WORKSPACE}/organisationen/neu`);
    await expectAccessible(session, 'new organisation form');
    await page.locator('#name').fill('Browser Kulturverein Bensheim');
    await page.locator('#website').fill('https://kulturverein-browser.example.org/');
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.waitForLoadState();
    const warning = page.locator('.kern-alert--warning');
    assert.match((await warning.textContent()) ?? '', /Browser-Kulturverein Bensheim/);
    assert.match((await warning.textContent()) ?? '', /gleiche Internetseite/);
    assert.equal(await page.locator('#name').inputValue(), 'Browser Kulturverein Bensheim');
    assert.equal(await page.locator('#notDuplicate').count(), 1, 'the form asks to confirm a different organisation');
    await expectAccessible(session, 'new organisation with likely duplicates');
  });

  it('imports a CSV: shows the preview with the row in error and the likely duplicate, lets the coordinator skip it, and creates the new one', async () => {
    const { page } = session;
    await visit(session, `${WORKSPACE}/import`);
    await expectAccessible(session, 'import form');
    const csv = [
      'Organisation;Art;Internetseite;Öffentlich',
      'Browser-Sprachcafé Bensheim;Initiative;;ja',
      'Browser Kulturverein Bensheim;Verein;https://kulturverein-browser.example.org;ja',
      'Kaputte Zeile;Raumschiff;;ja',
    ].join('\r\n');
    await page.locator('#file').setInputFiles({ name: 'netzwerkliste.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
    await page.getByRole('button', { name: 'Hochladen und prüfen' }).click();
    await page.waitForURL(/\/netzwerk\/import\/\d+#vorschau$/);
    const preview = (await page.locator('main').textContent()) ?? '';
    assert.match(preview, /3 Zeilen: 1 neu, 1 mögliche Dublette, 1 mit Fehlern/);
    assert.match(preview, /„Raumschiff“ ist keine bekannte Art/);
    await expectAccessible(session, 'import preview with an error and a duplicate');
    const choice = page.getByRole('group', { name: /Zeile 3: Browser Kulturverein Bensheim/ });
    assert.equal(await choice.getByRole('radio', { name: /In „Browser-Kulturverein Bensheim“ übernehmen/ }).count(), 1, 'the duplicate names the organisation it matches');
    await choice.getByRole('radio', { name: 'Überspringen' }).check();
    await page.getByRole('button', { name: 'Import ausführen' }).click();
    await page.waitForLoadState();
    assert.match((await page.locator('main').textContent()) ?? '', /1 angelegt, 0 aktualisiert, 2 übersprungen/, 'the skipped duplicate and the row in error');
    assert.equal(await page.getByRole('link', { name: /Fehlerdatei herunterladen/ }).count(), 1);
    await expectAccessible(session, 'import done');
    const db = session.app.app.services.db;
    const created = await db.selectFrom('network_organisations').select(['id', 'type', 'is_public']).where('name', '=', 'Browser-Sprachcafé Bensheim').execute();
    assert.deepEqual(
      created.map((o) => [o.type, o.is_public]),
      [['initiative', true]],
    );
    ids.imported = created[0]?.id ?? 0;
    assert.equal((await db.selectFrom('network_organisations').select('id').where('name', '=', 'Browser Kulturverein Bensheim').execute()).length, 0, 'the skipped duplicate was not created');
  });

  it('lists the pair, compares both records side by side and merges them with the links', async () => {
    const { page } = session;
    await visit(session, `${WORKSPACE}/duplikate`);
    await expectAccessible(session, 'duplicate pairs');
    const row = page.locator('tr', { hasText: 'Kulturverein Browser Bensheim e. V.' });
    await row.getByRole('link', { name: /Vergleichen und zusammenführen/ }).click();
    await page.waitForURL(/zusammenfuehren/);
    await expectAccessible(session, 'merge page');
    // Keep the record that is listed first in the URL; swap if the pair came the other way round.
    if (!page.url().includes(`/organisationen/${ids.kept}/`)) {
      await page.getByRole('link', { name: /Stattdessen/ }).click();
      await page.waitForURL(new RegExp(`/organisationen/${ids.kept}/zusammenfuehren/${ids.twin}`));
    }
    await page.locator('#email-other').check();
    await page.getByRole('button', { name: 'Zusammenführen' }).click();
    await page.waitForURL(new RegExp(`/organisationen/${ids.kept}$`));
    assert.match((await page.locator('[role="status"]').first().textContent()) ?? '', /übernommen und gelöscht/);
    assert.equal(await page.locator('#email').inputValue(), 'post@kulturverein-browser.example.org');
    await expectAccessible(session, 'merged organisation');
    const db = session.app.app.services.db;
    const moved = await db.selectFrom('network_cooperations').select('organisation_id').where('partner_id', '=', ids.partner).execute();
    assert.deepEqual(
      moved.map((m) => m.organisation_id),
      [ids.kept],
    );
  });

  it('records a cooperation that a visitor then finds in the picture of the town', async () => {
    const { page } = session;
    await visit(session, `${WORKSPACE}/kooperationen`);
    await page.locator('#organisationId').selectOption({ label: 'Browser-Kulturverein Bensheim' });
    await page.locator('#partnerId').selectOption({ label: 'Browser-Sprachcafé Bensheim' });
    await page.locator('#startsOn').fill('2022-02-01');
    await page.locator('#description').fill('Gemeinsames Lesefest');
    await page.getByRole('button', { name: 'Kooperation hinzufügen' }).click();
    await page.waitForURL(/\/kooperationen$/);
    await expectAccessible(session, 'cooperations after adding one');

    const visitor = await newPersonPage(session);
    try {
      await visitor.goto(`${session.baseUrl}${PUBLIC}?q=Browser&stand=2022-06-30`);
      const row = visitor.locator('tr', { has: visitor.locator('th', { hasText: 'Browser-Kulturverein Bensheim' }) });
      // The table next to the picture is paged; the row is on one of its pages.
      for (let n = 2; (await row.count()) === 0 && n < 20; n++) await visitor.goto(`${session.baseUrl}${PUBLIC}?q=Browser&stand=2022-06-30&tabelle=${n}`);
      assert.match((await row.textContent()) ?? '', /Browser-Sprachcafé Bensheim/, 'the imported organisation is the new partner');
    } finally {
      await visitor.context().close();
    }
  });
});
