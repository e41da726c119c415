import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestApp, type TestApp } from '../support/app.ts';
import { TestClient, visibleText } from '../support/client.ts';
import { createComment, createProcess, createProposal } from '../support/factories/participation.ts';
import { createUser, municipalityId, TEST_PASSWORD } from '../support/users.ts';

const BENSHEIM = '06431002';
const VIERNHEIM = '06431020';
const QUEUE = `/verwaltung/${BENSHEIM}/moderation`;

const two = (n: number) => String(n).padStart(2, '0');
/** The numbers of the reported proposals ("Gemeldet 07") a page shows, in its order. */
const reportedOn = (html: string) => [...visibleText(html).matchAll(/Gemeldet (\d\d)/g)].map((m) => Number(m[1]));
/** The numbers of the held comments ("Zurückgehalten 07") a page shows, in its order. */
const heldOn = (html: string) => [...visibleText(html).matchAll(/Zurückgehalten (\d\d)/g)].map((m) => Number(m[1]));
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

/** The moderation queue in pages of 20: 45 reported proposals, 25 held comments, two towns. */
describe('moderation queue: pages', () => {
  let t: TestApp;
  let coordinator: TestClient;
  let foreign: TestClient;
  const proposals: number[] = [];
  const comments: number[] = [];
  let discussedPath = '';

  before(async () => {
    t = await startTestApp({ variant: 'reference' });
    const db = t.app.services.db;
    const bensheim = await municipalityId(db, BENSHEIM);
    await createUser(db, { email: 'koordination@bensheim.test', roles: [{ role: 'coordinator', municipalityId: bensheim }] });
    await createUser(db, { email: 'koordination@viernheim.test', roles: [{ role: 'coordinator', municipalityId: await municipalityId(db, VIERNHEIM) }] });
    const author = await createUser(db, { email: 'autorin@example.org', displayName: 'Autorin' });
    const reporter = await createUser(db, { email: 'melder@example.org', displayName: 'Melder' });
    const processId = await createProcess(db, bensheim, { title: 'Ideen für Bensheim' });
    const start = Date.now() - 3_600_000;
    for (let i = 1; i <= 45; i++) {
      const id = await createProposal(db, processId, author.id, { title: `Gemeldet ${two(i)}`, body: `Text des Vorschlags ${two(i)}.` });
      proposals.push(id);
      // Reported one minute apart, so that the queue's order (oldest report first) is the numbering.
      await db
        .insertInto('content_reports')
        .values({ municipality_id: bensheim, content_type: 'proposal', content_id: id, reporter_user_id: reporter.id, reason: 'spam', note: '', created_at: new Date(start + i * 60_000) })
        .execute();
    }
    const discussed = await createProposal(db, processId, author.id, { title: 'Ein besprochener Vorschlag' });
    for (let i = 1; i <= 25; i++) comments.push(await createComment(db, discussed, author.id, { body: `Zurückgehalten ${two(i)}`, held: true }));
    discussedPath = `/beteiligung/${processId}/vorschlaege/${discussed}`;
    coordinator = new TestClient(t.app.fastify);
    await coordinator.login('koordination@bensheim.test', TEST_PASSWORD);
    foreign = new TestClient(t.app.fastify);
    await foreign.login('koordination@viernheim.test', TEST_PASSWORD);
  });
  after(() => t.close());

  it('shows 20 reports a page, the last page the rest, with the totals', async () => {
    const first = await coordinator.get(QUEUE);
    assert.equal(first.statusCode, 200);
    assert.deepEqual(reportedOn(first.body), range(1, 20));
    const text = visibleText(first.body);
    assert.match(text, /45 gemeldete Beiträge/);
    assert.match(text, /25 Beiträge zur Prüfung zurückgehalten/);
    assert.match(text, /Seite 1 von 3 · 45 Einträge/);
    assert.match(text, /Seite 1 von 2 · 25 Einträge/);
    const third = await coordinator.get(`${QUEUE}?seite=3`);
    assert.deepEqual(reportedOn(third.body), range(41, 45));
    assert.match(visibleText(third.body), /Seite 3 von 3 · 45 Einträge/);
    assert.deepEqual(heldOn(third.body), range(1, 20), 'the held list stays on its first page');
  });

  it('links a held comment to the page of the discussion that holds it', async () => {
    const page = await coordinator.get(`${QUEUE}?gehalten=2`);
    const held = comments[21] as number; // "Zurückgehalten 22": thread 22, on the second page of the discussion
    const link = `${discussedPath}?kommentar=${held}#kommentar-${held}`;
    assert.ok(page.body.includes(`href="${link}"`), 'the held list links to the comment in its discussion');
    const discussion = await coordinator.get(link.split('#')[0] as string);
    assert.equal(discussion.statusCode, 200);
    assert.match(discussion.body, new RegExp(`id="kommentar-${held}"`));
    assert.match(visibleText(discussion.body), /Zurückgehalten 22/);
  });

  it('pages the held contributions on their own, each pager keeping the other list’s page', async () => {
    const page = await coordinator.get(`${QUEUE}?seite=2&gehalten=2`);
    assert.deepEqual(reportedOn(page.body), range(21, 40));
    assert.deepEqual(heldOn(page.body), range(21, 25));
    assert.match(page.body, /<nav class="vv-pagination" aria-label="Seiten der gemeldeten Beiträge">/);
    assert.match(page.body, /<nav class="vv-pagination" aria-label="Seiten der zurückgehaltenen Beiträge">/);
    assert.match(page.body, /<h2 class="kern-heading-medium" id="reported-heading">/);
    assert.match(page.body, /<h2 class="kern-heading-medium" id="held-heading">/);
    // The reports' pager changes `seite` and keeps `gehalten`; the held list's pager the other way round.
    const links = [...page.body.matchAll(/href="([^"]*\/moderation\?[^"]*)"/g)].map((m) => (m[1] as string).replaceAll('&amp;', '&'));
    assert.ok(links.includes(`${QUEUE}?gehalten=2&seite=3#reported-heading`), `next page of the reports: ${links.join(' ')}`);
    assert.ok(links.includes(`${QUEUE}?seite=2&gehalten=1#held-heading`), `first page of the held list: ${links.join(' ')}`);
    // Every decision form carries both pages back.
    assert.match(page.body, /<input type="hidden" name="seite" value="2"\/?>\s*<input type="hidden" name="gehalten" value="2"\/?>/);
  });

  it('returns a decision taken on page 2 to page 2 of the same list', async () => {
    const hidden = proposals[24] as number; // "Gemeldet 25", on page 2
    const response = await coordinator.post(`${QUEUE}/vorschlag/${hidden}/ausblenden`, { reason: 'spam', seite: '2', gehalten: '1', liste: 'gemeldet' });
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, `${QUEUE}?seite=2#reported-heading`);
    const page = await coordinator.get(String(response.headers.location).replace(/#.*$/, ''));
    assert.deepEqual(reportedOn(page.body), [...range(21, 24), ...range(26, 41)]);
    assert.match(visibleText(page.body), /44 gemeldete Beiträge/);
    assert.match(visibleText(page.body), /Der Beitrag ist ausgeblendet/);

    const released = comments[21] as number; // "Zurückgehalten 22", on page 2 of the held list
    const back = await coordinator.post(`${QUEUE}/kommentar/${released}/freigeben`, { seite: '3', gehalten: '2', liste: 'gehalten' });
    assert.equal(back.headers.location, `${QUEUE}?seite=3&gehalten=2#held-heading`);
    const held = await coordinator.get(`${QUEUE}?seite=3&gehalten=2`);
    assert.deepEqual(heldOn(held.body), [21, 23, 24, 25]);
    assert.deepEqual(reportedOn(held.body), range(42, 45));

    const blocked = await coordinator.post(
      `${QUEUE}/person/${(await t.app.services.db.selectFrom('users').select('id').where('email', '=', 'autorin@example.org').executeTakeFirstOrThrow()).id}/sperren`,
      {
        reason: 'Test',
        seite: '2',
        gehalten: '2',
        liste: 'gemeldet',
      },
    );
    assert.equal(blocked.headers.location, `${QUEUE}?seite=2&gehalten=2#reported-heading`);
  });

  it('shows the last page when a decision empties the page it was taken on', async () => {
    // 44 open reports: page 3 holds "Gemeldet 42" to "45"; dismissing them leaves 40, two pages.
    for (const n of [42, 43, 44, 45]) {
      const response = await coordinator.post(`${QUEUE}/vorschlag/${proposals[n - 1]}/abweisen`, { seite: '3', liste: 'gemeldet' });
      assert.equal(response.statusCode, 303);
      assert.equal(response.headers.location, `${QUEUE}?seite=3#reported-heading`);
    }
    const page = await coordinator.get(`${QUEUE}?seite=3`);
    assert.equal(page.statusCode, 200);
    const text = visibleText(page.body);
    assert.match(text, /40 gemeldete Beiträge/);
    assert.match(text, /Seite 2 von 2 · 40 Einträge/);
    assert.deepEqual(reportedOn(page.body), [...range(21, 24), ...range(26, 41)]);
  });

  it('never fails on odd page parameters', async () => {
    for (const query of ['seite=abc', 'seite=-1', 'seite=0', 'seite=1.5', 'seite=1e3', 'seite=&gehalten=', 'gehalten=-7']) {
      const response = await coordinator.get(`${QUEUE}?${query}`);
      assert.equal(response.statusCode, 200, query);
      assert.match(visibleText(response.body), /Seite 1 von 2 · 40 Einträge|Seite 2 von 2 · 40 Einträge/, query);
    }
    for (const query of ['seite=99999999999', 'gehalten=99999', `seite=${'9'.repeat(20)}`]) {
      const response = await coordinator.get(`${QUEUE}?${query}`);
      assert.equal(response.statusCode, 200, query);
      assert.match(visibleText(response.body), query.startsWith('seite') ? /Seite 2 von 2 · 40 Einträge/ : /Seite 2 von 2 · 24 Einträge/, `${query}: the last page`);
    }
    // Longer than any page number, a NUL or a parameter given twice: refused as a bad request, as on every page.
    for (const query of [`seite=${'9'.repeat(40)}`, 'gehalten=%00', 'seite=2&seite=3']) assert.equal((await coordinator.get(`${QUEUE}?${query}`)).statusCode, 400, query);
    // A decision with odd hidden fields returns to the first page of the queue, without a fragment for an unknown list.
    const response = await coordinator.post(`${QUEUE}/vorschlag/${proposals[0]}/abweisen`, { seite: 'abc', gehalten: '-1', liste: 'constructor' });
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, QUEUE);
    const huge = await coordinator.post(`${QUEUE}/vorschlag/${proposals[1]}/abweisen`, { seite: '9'.repeat(30), liste: 'gemeldet' });
    assert.equal(huge.statusCode, 303);
    assert.equal((await coordinator.get(String(huge.headers.location).replace(/#.*$/, ''))).statusCode, 200);
  });

  it('keeps another town’s coordinator out of every page of the queue', async () => {
    for (const path of [QUEUE, `${QUEUE}?seite=2`, `${QUEUE}?gehalten=2`]) {
      const response = await foreign.get(path);
      assert.equal(response.statusCode, 403, path);
      assert.doesNotMatch(response.body, /Gemeldet \d\d|Zurückgehalten \d\d/, path);
    }
    const before = await t.app.services.db.selectFrom('content_reports').select('id').where('resolved_at', 'is', null).execute();
    const viaOwnTown = await foreign.post(`/verwaltung/${VIERNHEIM}/moderation/vorschlag/${proposals[30]}/ausblenden`, { reason: 'spam', seite: '2', liste: 'gemeldet' });
    assert.equal(viaOwnTown.statusCode, 404);
    assert.equal((await foreign.post(`${QUEUE}/vorschlag/${proposals[30]}/ausblenden`, { reason: 'spam', seite: '2' })).statusCode, 403);
    const afterwards = await t.app.services.db.selectFrom('content_reports').select('id').where('resolved_at', 'is', null).execute();
    assert.equal(afterwards.length, before.length, 'nothing changed');
    const own = await foreign.get(`/verwaltung/${VIERNHEIM}/moderation?seite=2&gehalten=2`);
    assert.equal(own.statusCode, 200);
    assert.doesNotMatch(own.body, /Gemeldet \d\d|Zurückgehalten \d\d/);
    assert.match(visibleText(own.body), /Keine offenen Meldungen/);
  });
});

/** The people blocked in a town, in pages of 20 like the rest of the queue. */
describe('moderation queue: blocked people in pages', () => {
  const HEPPENHEIM = '06431011';
  const BLOCKED = `/verwaltung/${HEPPENHEIM}/moderation`;
  let t: TestApp;
  let coordinator: TestClient;
  const people: number[] = [];
  /** The numbers of the blocked people ("Gesperrt 07") a page shows, in its order. */
  const blockedOn = (html: string) => [...visibleText(html).matchAll(/Gesperrt (\d\d)/g)].map((m) => Number(m[1]));

  before(async () => {
    t = await startTestApp({ variant: 'reference' });
    const db = t.app.services.db;
    const town = await municipalityId(db, HEPPENHEIM);
    await createUser(db, { email: 'koordination@heppenheim.test', roles: [{ role: 'coordinator', municipalityId: town }] });
    const start = Date.now() - 3_600_000;
    for (let i = 1; i <= 23; i++) {
      const person = await createUser(db, { email: `gesperrt${i}@example.org`, displayName: `Gesperrt ${two(i)}` });
      people.push(person.id);
      // Blocked one minute apart; the list shows the newest first.
      await db
        .insertInto('municipality_blocks')
        .values({ municipality_id: town, user_id: person.id, reason: 'Test', created_at: new Date(start + i * 60_000) })
        .execute();
    }
    coordinator = new TestClient(t.app.fastify);
    await coordinator.login('koordination@heppenheim.test', TEST_PASSWORD);
  });
  after(() => t.close());

  it('shows 20 a page, newest first, with the total and a pager of its own that keeps the other lists’ pages', async () => {
    const first = await coordinator.get(BLOCKED);
    assert.equal(first.statusCode, 200);
    assert.deepEqual(blockedOn(first.body), range(4, 23).reverse());
    assert.match(visibleText(first.body), /23 gesperrte Personen/);
    assert.match(first.body, /<nav class="vv-pagination" aria-label="Seiten der gesperrten Personen">/);
    const links = [...first.body.matchAll(/href="([^"]*\/moderation\?[^"]*)"/g)].map((m) => (m[1] as string).replaceAll('&amp;', '&'));
    assert.ok(links.includes(`${BLOCKED}?gesperrt=2#blocked-heading`), `next page of the blocked people: ${links.join(' ')}`);
    const second = await coordinator.get(`${BLOCKED}?seite=1&gesperrt=2`);
    assert.deepEqual(blockedOn(second.body), [3, 2, 1]);
    assert.match(visibleText(second.body), /Seite 2 von 2 · 23 Einträge/);
    // A page past the end and an odd number answer, never fail.
    assert.deepEqual(blockedOn((await coordinator.get(`${BLOCKED}?gesperrt=99999`)).body), [3, 2, 1]);
    assert.deepEqual(blockedOn((await coordinator.get(`${BLOCKED}?gesperrt=abc`)).body), range(4, 23).reverse());
  });

  it('returns an unblocking on page 2 to page 2 of the blocked people, and to the last page once that is empty', async () => {
    const form = await coordinator.get(`${BLOCKED}?gesperrt=2`);
    assert.match(form.body, /<input type="hidden" name="gesperrt" value="2"\/?>/);
    const response = await coordinator.post(`${BLOCKED}/person/${people[0]}/entsperren`, { seite: '1', gehalten: '1', gesperrt: '2', liste: 'gesperrt' });
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, `${BLOCKED}?gesperrt=2#blocked-heading`);
    const after = await coordinator.get(`${BLOCKED}?gesperrt=2`);
    assert.deepEqual(blockedOn(after.body), [3, 2]);
    assert.match(visibleText(after.body), /22 gesperrte Personen/);
    for (const n of [2, 3]) await coordinator.post(`${BLOCKED}/person/${people[n - 1]}/entsperren`, { gesperrt: '2', liste: 'gesperrt' });
    const emptied = await coordinator.get(`${BLOCKED}?gesperrt=2`);
    assert.equal(emptied.statusCode, 200);
    assert.deepEqual(blockedOn(emptied.body), range(4, 23).reverse());
    assert.match(visibleText(emptied.body), /20 gesperrte Personen/);
  });
});
