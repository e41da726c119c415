import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestApp, type TestApp } from '../support/app.ts';
import { TestClient } from '../support/client.ts';
import { QueryCounter } from '../support/query-counter.ts';

const BENSHEIM = '06431002';

/** Pages render with a fixed small number of queries, however many rows they show (no N+1). */
describe('queries per page', () => {
  const counter = new QueryCounter();
  let t: TestApp;
  let visitor: TestClient;
  let coordinator: TestClient;
  let measureId: number;

  before(async () => {
    t = await startTestApp({ variant: 'demo', plugins: [counter] });
    visitor = new TestClient(t.app.fastify);
    coordinator = new TestClient(t.app.fastify);
    await coordinator.login('koordination-bensheim@demo.vielfalt-verankern.de', 'Demo-Passwort-2026');
    const bensheim = await t.app.services.db.selectFrom('municipalities').select('id').where('ags', '=', BENSHEIM).executeTakeFirstOrThrow();
    measureId = (await t.app.services.db.selectFrom('measures').select('id').where('municipality_id', '=', bensheim.id).orderBy('id').executeTakeFirstOrThrow()).id;
    // Warm the per-process caches (map outlines, counties) so that the counts are those of every later request.
    for (const path of ['/', '/kommunen', `/kommunen/${BENSHEIM}`]) await visitor.get(path);
  });
  after(() => t.close());

  const limits: Array<[string, string, number]> = [
    ['visitor', '/beteiligung', 1],
    ['visitor', '/beteiligung/1', 6],
    ['visitor', '/beteiligung/1?sort=supported&q=Verein', 6],
    ['visitor', '/beteiligung/1/vorschlaege/1', 6],
    ['coordinator', '/beteiligung/1/vorschlaege/1', 10],
    // Session and account, both lists' pages with their counts in one statement, the blocked people.
    ['coordinator', `/verwaltung/${BENSHEIM}/moderation`, 4],
    ['coordinator', `/verwaltung/${BENSHEIM}/moderation?seite=2&gehalten=9`, 4],
    ['visitor', '/', 1],
    ['visitor', '/kommunen', 1],
    ['visitor', '/kommunen?groesse=target&teilnahme=ja&sort=-population', 1],
    // One query per module that contributes a section (strategy, participation, surveys, events …).
    ['visitor', `/kommunen/${BENSHEIM}`, 7],
    // List, count, the page's seat counts and the towns of the filter.
    ['visitor', '/veranstaltungen', 4],
    ['visitor', '/veranstaltungen?format=dialogue&sprache=tr&barrierefrei=step_free', 4],
    // The event, and its organisers from the network register (read in parallel).
    ['visitor', '/veranstaltungen/1', 2],
    ['visitor', `/kommunen/${BENSHEIM}/umsetzung`, 5],
    ['visitor', `/kommunen/${BENSHEIM}/umsetzung.csv`, 2],
    ['coordinator', `/verwaltung/${BENSHEIM}`, 6],
    ['coordinator', `/verwaltung/${BENSHEIM}/massnahmen`, 6],
    ['coordinator', `/verwaltung/${BENSHEIM}/handlungsfelder`, 5],
  ];

  for (const [who, path, limit] of limits) {
    it(`${path} as ${who}: at most ${limit} queries`, async () => {
      const client = who === 'visitor' ? visitor : coordinator;
      const { result, queries } = await counter.during(() => client.get(path));
      assert.equal(result.statusCode, 200);
      assert.ok(queries <= limit, `${queries} queries`);
    });
  }

  it('a proposal page costs the same with many comments', async () => {
    const path = '/beteiligung/1/vorschlaege/1';
    const first = await counter.during(() => coordinator.get(path));
    const db = t.app.services.db;
    await db
      .insertInto('proposal_comments')
      .values(Array.from({ length: 50 }, (_, i) => ({ proposal_id: 1, parent_id: null, depth: 0, author_user_id: null, body: `Kommentar ${i}`, edited_at: null })))
      .execute();
    const later = await counter.during(() => coordinator.get(path));
    assert.equal(later.queries, first.queries);
  });

  it('the measure page of the workspace stays constant with a long history', async () => {
    const first = await counter.during(() => coordinator.get(`/verwaltung/${BENSHEIM}/massnahmen/${measureId}`));
    for (let i = 0; i < 20; i++)
      await coordinator.post(`/verwaltung/${BENSHEIM}/massnahmen/${measureId}/fortschritt`, { updateText: `Meldung ${i}`, updateStatus: 'running', updateProgress: String(i) });
    const later = await counter.during(() => coordinator.get(`/verwaltung/${BENSHEIM}/massnahmen/${measureId}`));
    assert.equal(later.queries, first.queries, 'twenty more updates cost no extra query');
    assert.ok(later.queries <= 9, `${later.queries} queries`);
  });

  it('a trainer’s cohort page costs the same with more trainees, sessions and answers', async () => {
    const db = t.app.services.db;
    const trainer = new TestClient(t.app.fastify);
    await trainer.login('trainerin@demo.vielfalt-verankern.de', 'Demo-Passwort-2026');
    const cohort = await db.selectFrom('cohorts').select(['id', 'programme_id', 'municipality_id']).where('title', '=', 'Kohorte Nord (läuft)').executeTakeFirstOrThrow();
    const path = `/kursleitung/kohorten/${cohort.id}`;
    const first = await counter.during(() => trainer.get(path));
    assert.equal(first.result.statusCode, 200);
    const people = await db.selectFrom('users').select('id').where('is_demo', '=', true).where('email', 'like', 'koordination-%').execute();
    const enrolments = await db
      .insertInto('enrolments')
      .values(people.map((p) => ({ cohort_id: cohort.id, user_id: p.id, motivation: 'Zählung', status: 'approved' as const, decided_at: new Date(Date.now() - 200 * 86_400_000) })))
      .returning('id')
      .execute();
    const session = await db.selectFrom('events').select('id').where('cohort_id', '=', cohort.id).orderBy('starts_at').executeTakeFirstOrThrow();
    await db
      .insertInto('session_attendance')
      .values(enrolments.map((e) => ({ event_id: session.id, enrolment_id: e.id, attended: true })))
      .execute();
    const later = await counter.during(() => trainer.get(path));
    assert.equal(later.queries, first.queries, `${enrolments.length} more trainees cost no extra query`);
    assert.ok(later.queries <= 12, `${later.queries} queries`);
  });
});
