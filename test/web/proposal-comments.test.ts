import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { todayInBerlin } from '../../src/platform/i18n/catalog.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { TestClient, visibleText } from '../support/client.ts';
import { createUser, municipalityId, TEST_PASSWORD } from '../support/users.ts';

const BENSHEIM = '06431002';

function day(offset: number): string {
  return new Date(new Date(`${todayInBerlin()}T12:00:00Z`).getTime() + offset * 86_400_000).toISOString().slice(0, 10);
}

/** The numbers of the threads a page shows, from their top-level comments ("Faden 07"). */
function threadsOn(html: string): number[] {
  return [...html.matchAll(/>Faden (\d\d)</g)].map((m) => Number(m[1]));
}

/** The page number the pager marks as the current one, or 1 where there is no pager. */
function currentPage(html: string): number {
  const match = /<span aria-current="page">Seite (\d+)<\/span>/.exec(html);
  return match ? Number(match[1]) : 1;
}

/** A redirect's target as a path the client can ask for (without the fragment, which stays in the browser). */
function target(location: unknown): string {
  return String(location).split('#')[0] ?? '';
}

/**
 * A proposal's comments come in pages of 20 threads (a top-level comment with its replies); a link
 * to a comment opens the page that holds its thread, and every redirect after writing, changing or
 * reporting a comment lands where the comment is.
 */
describe('the comments of a proposal, page by page', () => {
  let t: TestApp;
  let visitor: TestClient;
  let mia: TestClient;
  let ben: TestClient;
  let processId: number;
  let proposalId: number;
  let otherProposalId: number;
  let path: string;
  /** Ids of the top-level comments, by thread number (1–45). */
  const roots = new Map<number, number>();
  let reply30: number;
  let deepReply30: number;
  let otherComment: number;

  before(async () => {
    t = await startTestApp();
    const db = t.app.services.db;
    await createUser(db, { email: 'koordination@bensheim.test', roles: [{ role: 'coordinator', municipalityId: await municipalityId(db, BENSHEIM) }] });
    const miaUser = await createUser(db, { email: 'mia@example.org', displayName: 'Mia' });
    await createUser(db, { email: 'ben@example.org', displayName: 'Ben' });
    const coordinator = new TestClient(t.app.fastify);
    await coordinator.login('koordination@bensheim.test', TEST_PASSWORD);
    mia = new TestClient(t.app.fastify);
    await mia.login('mia@example.org', TEST_PASSWORD);
    ben = new TestClient(t.app.fastify);
    await ben.login('ben@example.org', TEST_PASSWORD);
    visitor = new TestClient(t.app.fastify);
    const created = await coordinator.post(`/verwaltung/${BENSHEIM}/beteiligung/neu`, { title: 'Ideen', ideasStart: day(-1), ideasEnd: day(20) });
    processId = Number(/beteiligung\/(\d+)$/.exec(String(created.headers.location))?.[1]);
    await coordinator.post(`/verwaltung/${BENSHEIM}/beteiligung/${processId}`, { title: 'Ideen', published: 'on', ideasStart: day(-1), ideasEnd: day(20) });
    const proposed = await mia.post(`/beteiligung/${processId}/vorschlaege/neu`, { title: 'Bouleplatz im Park', body: 'Ein Bouleplatz bringt Generationen zusammen.' });
    proposalId = Number(/vorschlaege\/(\d+)$/.exec(String(proposed.headers.location))?.[1]);
    const other = await mia.post(`/beteiligung/${processId}/vorschlaege/neu`, { title: 'Lesecafé', body: 'Ein Lesecafé in der alten Post.' });
    otherProposalId = Number(/vorschlaege\/(\d+)$/.exec(String(other.headers.location))?.[1]);
    path = `/beteiligung/${processId}/vorschlaege/${proposalId}`;

    // 45 threads, one minute apart and written in an order other than their ids', so that the page
    // follows the time they were written; thread 30 has a reply and a reply to that reply.
    const start = Date.now() - 3 * 86_400_000;
    const order = Array.from({ length: 45 }, (_, i) => 45 - i);
    for (const n of order) {
      const row = await db
        .insertInto('proposal_comments')
        .values({
          proposal_id: proposalId,
          parent_id: null,
          depth: 0,
          author_user_id: miaUser.id,
          body: `Faden ${String(n).padStart(2, '0')}`,
          created_at: new Date(start + n * 60_000),
          edited_at: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      roots.set(n, row.id);
    }
    const root30 = roots.get(30) ?? 0;
    reply30 = (
      await db
        .insertInto('proposal_comments')
        .values({ proposal_id: proposalId, parent_id: root30, depth: 1, author_user_id: miaUser.id, body: 'Antwort im Faden dreißig', created_at: new Date(start + 100 * 60_000), edited_at: null })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    deepReply30 = (
      await db
        .insertInto('proposal_comments')
        .values({
          proposal_id: proposalId,
          parent_id: reply30,
          depth: 2,
          author_user_id: miaUser.id,
          body: 'Tiefe Antwort im Faden dreißig',
          created_at: new Date(start + 101 * 60_000),
          edited_at: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    otherComment = (
      await db
        .insertInto('proposal_comments')
        .values({ proposal_id: otherProposalId, parent_id: null, depth: 0, author_user_id: miaUser.id, body: 'Kommentar zum Lesecafé', edited_at: null })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    await db.updateTable('proposals').set({ comment_count: 47 }).where('id', '=', proposalId).execute();
  });
  after(() => t.close());

  it('shows 20 threads on the first page, with their replies, and the last 5 on the third', async () => {
    const first = await visitor.get(path);
    assert.equal(first.statusCode, 200);
    assert.deepEqual(
      threadsOn(first.body),
      Array.from({ length: 20 }, (_, i) => i + 1),
    );
    assert.match(visibleText(first.body), /47 Kommentare/, 'the heading counts every comment');
    assert.match(visibleText(first.body), /Kommentare 1–20 von 45, jeweils mit ihren Antworten/);
    assert.ok(first.body.includes('Kommentare 1–20 von 45'), 'as the benchmark checks it, in the HTML itself');
    const second = await visitor.get(`${path}?kommentare=2`);
    assert.deepEqual(
      threadsOn(second.body),
      Array.from({ length: 20 }, (_, i) => i + 21),
    );
    assert.match(second.body, /Antwort im Faden dreißig/);
    assert.match(second.body, /Tiefe Antwort im Faden dreißig/);
    assert.doesNotMatch(first.body, /Antwort im Faden dreißig/);
    const third = await visitor.get(`${path}?kommentare=3`);
    assert.deepEqual(threadsOn(third.body), [41, 42, 43, 44, 45]);
    assert.equal(currentPage(third.body), 3);
    assert.match(visibleText(third.body), /Kommentare 41–45 von 45/);
  });

  it('lets the page links lead back to the comments heading', async () => {
    const second = await visitor.get(`${path}?kommentare=2`);
    assert.match(second.body, /id="comments-heading"/);
    for (const page of [1, 3]) assert.ok(second.body.includes(`href="${path}?kommentare=${page}#comments-heading"`), `a link to page ${page} with the fragment`);
    assert.match(second.body, /aria-label="Seiten der Kommentare"/);
  });

  it('opens the page that holds a linked comment, also for a reply', async () => {
    for (const id of [roots.get(30), reply30, deepReply30]) {
      const page = await visitor.get(`${path}?kommentar=${id}`);
      assert.equal(page.statusCode, 200);
      assert.equal(currentPage(page.body), 2, `comment ${id} is on page 2`);
      assert.ok(threadsOn(page.body).includes(30));
      assert.match(page.body, new RegExp(`id="kommentar-${id}"`));
    }
    const last = await visitor.get(`${path}?kommentar=${roots.get(45)}&kommentare=1`);
    assert.equal(currentPage(last.body), 3, 'the comment wins over the page number');
  });

  it('shows a reply where the redirect after posting it leads', async () => {
    const root = roots.get(42);
    const posted = await ben.post(`${path}/kommentare`, { body: 'Bens Antwort auf Faden 42', parentId: String(root) });
    assert.equal(posted.statusCode, 303);
    const location = String(posted.headers.location);
    const id = (await t.app.services.db.selectFrom('proposal_comments').select('id').where('body', '=', 'Bens Antwort auf Faden 42').executeTakeFirstOrThrow()).id;
    assert.equal(location, `${path}?kommentar=${id}#kommentar-${id}`);
    const page = await ben.get(target(location));
    assert.equal(currentPage(page.body), 3);
    assert.match(page.body, /Bens Antwort auf Faden 42/);
    assert.match(page.body, new RegExp(`id="kommentar-${id}"`));
  });

  it('lands a new top-level comment, its correction and a report on the page that shows it', async () => {
    const posted = await ben.post(`${path}/kommentare`, { body: 'Faden 46' });
    const id = Number(/kommentar=(\d+)#kommentar-\1$/.exec(String(posted.headers.location))?.[1]);
    assert.ok(id > 0, String(posted.headers.location));
    const page = await ben.get(target(posted.headers.location));
    assert.equal(currentPage(page.body), 3);
    assert.ok(threadsOn(page.body).includes(46));
    const edited = await ben.post(`${path}/kommentare/${id}`, { body: 'Faden 46 (korrigiert)' });
    assert.equal(edited.statusCode, 303);
    assert.equal(String(edited.headers.location), `${path}?kommentar=${id}#kommentar-${id}`);
    assert.match((await ben.get(target(edited.headers.location))).body, /Faden 46 \(korrigiert\)/);
    const reported = await ben.post(`${path}/kommentare/${reply30}/melden`, { reason: 'spam' });
    assert.equal(reported.statusCode, 303);
    assert.equal(String(reported.headers.location), `${path}?kommentar=${reply30}#kommentar-${reply30}`);
    const form = await ben.get(`${path}/kommentare/neu?antwort=${deepReply30}`);
    assert.ok(form.body.includes(`href="${path}?kommentar=${deepReply30}#kommentar-${deepReply30}"`), 'cancelling a reply leads back to the comment answered');
  });

  it('answers odd page numbers and comment ids with a page, never an error', async () => {
    for (const query of [
      'kommentare=abc',
      'kommentare=-1',
      'kommentare=0',
      'kommentare=2.5',
      'kommentare=99999999999999999999',
      'kommentare=',
      'kommentar=abc',
      'kommentar=-1',
      'kommentar=0',
      'kommentar=99999999999999999999',
      'kommentar=999999999',
      'kommentar=1e3',
    ]) {
      const page = await visitor.get(`${path}?${query}`);
      assert.equal(page.statusCode, 200, query);
      assert.ok(threadsOn(page.body).length > 0, query);
    }
    assert.equal(currentPage((await visitor.get(`${path}?kommentare=abc`)).body), 1);
    assert.equal(currentPage((await visitor.get(`${path}?kommentare=2.5`)).body), 2);
    assert.equal(currentPage((await visitor.get(`${path}?kommentare=99`)).body), 3, 'past the end: the last page');
    assert.equal(currentPage((await visitor.get(`${path}?kommentare=99999`)).body), 3);
    const long = await visitor.get(`${path}?kommentare=${'9'.repeat(200)}`);
    assert.ok(long.statusCode < 500, `${long.statusCode}`);
  });

  it('does not show or place a comment of another proposal', async () => {
    const page = await visitor.get(`${path}?kommentar=${otherComment}`);
    assert.equal(page.statusCode, 200);
    assert.equal(currentPage(page.body), 1);
    assert.doesNotMatch(page.body, /Kommentar zum Lesecafé/);
    assert.doesNotMatch(page.body, new RegExp(`id="kommentar-${otherComment}"`));
    const asked = await visitor.get(`${path}?kommentar=${otherComment}&kommentare=2`);
    assert.equal(currentPage(asked.body), 2, 'the page asked for, as if no comment were named');
    const own = await visitor.get(`/beteiligung/${processId}/vorschlaege/${otherProposalId}?kommentar=${roots.get(30)}`);
    assert.equal(own.statusCode, 200);
    assert.doesNotMatch(own.body, /Faden 30/);
  });

  it('opens the page of a hidden comment with the note in its place, not its text', async () => {
    const hidden = roots.get(25) ?? 0;
    await t.app.services.db.updateTable('proposal_comments').set({ hidden_at: new Date(), hidden_reason: 'spam' }).where('id', '=', hidden).execute();
    const page = await visitor.get(`${path}?kommentar=${hidden}`);
    assert.equal(page.statusCode, 200);
    assert.equal(currentPage(page.body), 2);
    assert.match(page.body, new RegExp(`id="kommentar-${hidden}"`));
    assert.doesNotMatch(page.body, />Faden 25</);
  });
});
