import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type BrowserSession, expectAccessible, login, startBrowserSession, visit } from '../support/browser.ts';
import { createComment, createProcess, createProposal } from '../support/factories/participation.ts';
import { createUser, municipalityId, TEST_PASSWORD } from '../support/users.ts';

const BENSHEIM = '06431002';
const QUEUE = `/verwaltung/${BENSHEIM}/moderation`;

describe('the moderation queue in pages (chromium)', () => {
  let session: BrowserSession;

  before(async () => {
    session = await startBrowserSession();
    const db = session.app.app.services.db;
    const bensheim = await municipalityId(db, BENSHEIM);
    await createUser(db, { email: 'moderation@bensheim.test', displayName: 'Mo Moderation', roles: [{ role: 'coordinator', municipalityId: bensheim }] });
    const author = await createUser(db, { email: 'viel-gemeldet@example.org', displayName: 'Viel Gemeldet' });
    const reporter = await createUser(db, { email: 'meldende@example.org', displayName: 'Meldende' });
    const processId = await createProcess(db, bensheim, { title: 'Viele Meldungen' });
    for (let i = 1; i <= 30; i++) {
      const id = await createProposal(db, processId, author.id, { title: `Gemeldeter Vorschlag ${i}`, body: `Text ${i}.` });
      await db.insertInto('content_reports').values({ municipality_id: bensheim, content_type: 'proposal', content_id: id, reporter_user_id: reporter.id, reason: 'spam', note: '' }).execute();
      await createComment(db, id, author.id, { body: `Zurückgehaltener Kommentar ${i}`, held: true });
    }
  });
  after(() => session.close());

  it('opens page 2 of the reports through its pager, accessible', async () => {
    const { page } = session;
    await login(session, 'moderation@bensheim.test', TEST_PASSWORD);
    await visit(session, QUEUE);
    await expectAccessible(session, `${QUEUE} (page 1)`);
    const reportsPager = page.getByRole('navigation', { name: 'Seiten der gemeldeten Beiträge' });
    assert.ok(await page.getByRole('navigation', { name: 'Seiten der zurückgehaltenen Beiträge' }).isVisible(), 'the held list has its own pager');
    await reportsPager.getByRole('link', { name: 'Seite 2' }).click();
    await page.waitForURL((url) => url.searchParams.get('seite') === '2');
    assert.equal(new URL(page.url()).hash, '#reported-heading');
    assert.equal(await page.getByRole('navigation', { name: 'Seiten der gemeldeten Beiträge' }).locator('[aria-current="page"]').textContent(), 'Seite 2');
    await expectAccessible(session, `${QUEUE}?seite=2`);
  });

  it('hides a contribution on page 2 and comes back to page 2', async () => {
    const { page } = session;
    const heading = page.locator('#reported-heading');
    const before = Number(/\d+/.exec((await heading.textContent()) ?? '')?.[0]);
    const item = page.locator('section[aria-labelledby="reported-heading"] li.vv-measure').first();
    const title = (await item.locator('h3').textContent()) ?? '';
    await item.getByLabel('Grund').selectOption('spam');
    await item.getByRole('button', { name: 'Ausblenden' }).click();
    await page.waitForLoadState();
    const url = new URL(page.url());
    assert.equal(url.searchParams.get('seite'), '2');
    assert.equal(url.hash, '#reported-heading');
    assert.match((await page.getByRole('status').first().textContent()) ?? '', /Der Beitrag ist ausgeblendet/);
    assert.equal(Number(/\d+/.exec((await heading.textContent()) ?? '')?.[0]), before - 1);
    const exactly = new RegExp(`^\\s*${title.trim().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);
    assert.equal(await page.locator('section[aria-labelledby="reported-heading"] h3', { hasText: exactly }).count(), 0, 'the hidden contribution left the list');
    assert.equal(await page.getByRole('navigation', { name: 'Seiten der gemeldeten Beiträge' }).locator('[aria-current="page"]').textContent(), 'Seite 2');
    await expectAccessible(session, `${QUEUE}?seite=2 after a decision`);
  });
});
