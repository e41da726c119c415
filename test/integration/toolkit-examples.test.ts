/**
 * Good-practice examples over HTTP: a coordinator tells a project as problem → approach → result →
 * lessons and names the cards, measures and events of it; another town's measure, event or draft
 * card is a field error (422); the office asks for changes and publishes (versions, audit); the
 * public list filters by town and method and pages; the public page shows only what is public.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Kysely } from 'kysely';
import type { Database } from '../../src/platform/db/schema.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { TestClient, visibleText } from '../support/client.ts';
import { createEvent } from '../support/factories/events.ts';
import { strategyFactory } from '../support/factories/strategy.ts';
import { toolkitFactory } from '../support/factories/toolkit.ts';
import { createUser, municipalityId, TEST_PASSWORD } from '../support/users.ts';

const BENSHEIM = '06431002';
const VIERNHEIM = '06431020';
const DESK = `/verwaltung/${BENSHEIM}/werkzeugkoffer/beispiele`;

describe('toolkit: good-practice examples', () => {
  let t: TestApp;
  let db: Kysely<Database>;
  let coordinator: TestClient;
  let foreignCoordinator: TestClient;
  let office: TestClient;
  let visitor: TestClient;
  const ids: Record<string, number> = {};
  let example: Record<string, string | string[]>;

  before(async () => {
    t = await startTestApp({ variant: 'reference' });
    db = t.app.services.db;
    const town = await municipalityId(db, BENSHEIM);
    const foreignTown = await municipalityId(db, VIERNHEIM);
    const own = toolkitFactory(db, town);
    const foreign = toolkitFactory(db, foreignTown);
    ids.card = await own.method({ title: 'Sprachcafé' });
    ids.ownDraft = await own.method({ title: 'Eigener Entwurf', status: 'draft' });
    ids.foreignCard = await foreign.method({ title: 'Stadtteilspaziergang' });
    ids.foreignDraft = await foreign.method({ title: 'Fremder Entwurf', status: 'draft' });
    const strategy = strategyFactory(db, town);
    ids.measure = await strategy.measure(await strategy.field('Bildung'), { title: 'Sprachförderung ausbauen' });
    const foreignStrategy = strategyFactory(db, foreignTown);
    ids.foreignMeasure = await foreignStrategy.measure(await foreignStrategy.field('Arbeit'), { title: 'Fremde Maßnahme' });
    ids.event = await createEvent(db, { municipalityId: town, title: 'Sprachcafé im Mai' });
    ids.hiddenEvent = await createEvent(db, { municipalityId: town, title: 'Interne Vorbesprechung', published: false });
    ids.foreignEvent = await createEvent(db, { municipalityId: foreignTown, title: 'Fremdes Fest' });

    const users = {
      own: await createUser(db, { email: 'koordination@bensheim.test', roles: [{ role: 'coordinator', municipalityId: town }] }),
      foreign: await createUser(db, { email: 'koordination@viernheim.test', roles: [{ role: 'coordinator', municipalityId: foreignTown }] }),
      office: await createUser(db, { email: 'buero@programm.test', roles: [{ role: 'programme_office' }] }),
    };
    coordinator = new TestClient(t.app.fastify);
    await coordinator.login(users.own.email, TEST_PASSWORD);
    foreignCoordinator = new TestClient(t.app.fastify);
    await foreignCoordinator.login(users.foreign.email, TEST_PASSWORD);
    office = new TestClient(t.app.fastify);
    await office.login(users.office.email, TEST_PASSWORD);
    visitor = new TestClient(t.app.fastify);
    example = {
      title: 'Vom Sprachcafé zum Nachbarschaftsnetz',
      problem: 'Wenig Gelegenheit, Deutsch zu sprechen.',
      approach: 'Ein wöchentliches Sprachcafé in der Bücherei.',
      result: 'Zwei Nachbarschaftsgruppen entstanden.',
      lessons: 'Fester Ort, feste Zeit.',
      methodIds: [String(ids.card), String(ids.foreignCard), String(ids.ownDraft)],
      measureIds: [String(ids.measure)],
      eventIds: [String(ids.event), String(ids.hiddenEvent)],
    };
  });
  after(() => t.close());

  let id: number;

  it('offers the published cards, the own drafts, the own measures and events, nothing of another town', async () => {
    const page = await coordinator.get(`${DESK}/neu`);
    assert.equal(page.statusCode, 200);
    const text = visibleText(page.body);
    for (const seen of ['Sprachcafé', 'Stadtteilspaziergang', 'Eigener Entwurf', 'Sprachförderung ausbauen', 'Sprachcafé im Mai']) assert.match(text, new RegExp(seen));
    for (const unseen of ['Fremder Entwurf', 'Fremde Maßnahme', 'Fremdes Fest']) assert.doesNotMatch(text, new RegExp(unseen));
  });

  it('answers another town’s measure, event or draft card with a message at the field (422), keeping what was typed', async () => {
    const cases: Array<[string, string]> = [
      ['measureIds', String(ids.foreignMeasure)],
      ['eventIds', String(ids.foreignEvent)],
      ['methodIds', String(ids.foreignDraft)],
      ['methodIds', 'abc'],
      ['eventIds', '999999'],
    ];
    for (const [field, value] of cases) {
      const response = await coordinator.post(`${DESK}/neu`, { ...example, [field]: value });
      assert.equal(response.statusCode, 422, `${field}=${value}`);
      assert.match(response.body, new RegExp(`id="${field}-error"`), field);
      assert.match(response.body, /value="Vom Sprachcafé zum Nachbarschaftsnetz"/);
    }
    const missing = await coordinator.post(`${DESK}/neu`, { title: 'Nur Titel', measureIds: String(ids.measure) });
    assert.equal(missing.statusCode, 422);
    assert.match(missing.body, /id="problem-error"/);
    assert.match(missing.body, new RegExp(`value="${ids.measure}" checked`));
    assert.equal((await db.selectFrom('toolkit_examples').select('id').execute()).length, 0);
  });

  it('lets a coordinator propose an example as a draft that the public does not see', async () => {
    const response = await coordinator.post(`${DESK}/neu`, example);
    assert.equal(response.statusCode, 303);
    id = Number(/beispiele\/(\d+)$/.exec(String(response.headers.location))?.[1]);
    const methods = await db.selectFrom('toolkit_example_methods').select('method_id').where('example_id', '=', id).orderBy('method_id').execute();
    assert.deepEqual(
      methods.map((m) => m.method_id),
      [ids.card, ids.ownDraft, ids.foreignCard].sort((a, b) => (a ?? 0) - (b ?? 0)),
    );
    const links = await db.selectFrom('toolkit_example_links').select(['kind', 'object_id']).where('example_id', '=', id).orderBy('kind').orderBy('object_id').execute();
    assert.deepEqual(links, [
      { kind: 'event', object_id: ids.event },
      { kind: 'event', object_id: ids.hiddenEvent },
      { kind: 'measure', object_id: ids.measure },
    ]);
    assert.equal((await visitor.get(`/werkzeugkoffer/beispiele/${id}`)).statusCode, 404);
    assert.doesNotMatch(visibleText((await visitor.get('/werkzeugkoffer/beispiele')).body), /Nachbarschaftsnetz/);
  });

  it('keeps another town’s example from the coordinator: 404 under the own town, 403 in the other town', async () => {
    assert.equal((await foreignCoordinator.get(`/verwaltung/${VIERNHEIM}/werkzeugkoffer/beispiele/${id}`)).statusCode, 404);
    assert.equal((await foreignCoordinator.post(`/verwaltung/${VIERNHEIM}/werkzeugkoffer/beispiele/${id}/einreichen`)).statusCode, 404);
    assert.equal((await foreignCoordinator.get(`${DESK}/${id}`)).statusCode, 403);
  });

  it('runs the editorial flow: submit, changes asked with a note, resubmit, publish; each step a version and an audit entry', async () => {
    assert.equal((await coordinator.post(`${DESK}/${id}/einreichen`)).statusCode, 303);
    const locked = await coordinator.post(`${DESK}/${id}`, { ...example, title: 'Heimlich geändert' });
    assert.equal(locked.statusCode, 303);
    assert.equal((await db.selectFrom('toolkit_examples').select('title').where('id', '=', id).executeTakeFirstOrThrow()).title, example.title);
    assert.match(visibleText((await office.get('/programmbuero/werkzeugkoffer/beispiele')).body), /Nachbarschaftsnetz/);
    const noNote = await office.post(`/programmbuero/werkzeugkoffer/beispiele/${id}/entscheidung`, { decision: 'changes' });
    assert.equal(noNote.statusCode, 422);
    assert.match(noNote.body, /id="note-error"/);
    assert.equal((await office.post(`/programmbuero/werkzeugkoffer/beispiele/${id}/entscheidung`, { decision: 'withdraw' })).statusCode, 422);
    assert.equal((await office.post(`/programmbuero/werkzeugkoffer/beispiele/${id}/entscheidung`, { decision: 'changes', note: 'Bitte Zahlen nennen' })).statusCode, 303);
    assert.match(visibleText((await coordinator.get(`${DESK}/${id}`)).body), /Bitte Zahlen nennen/);
    const edited = await coordinator.post(`${DESK}/${id}`, { ...example, result: 'Zwei Gruppen mit 40 Menschen.' });
    assert.equal(edited.statusCode, 303);
    assert.equal((await coordinator.post(`${DESK}/${id}/einreichen`)).statusCode, 303);
    assert.equal((await office.post(`/programmbuero/werkzeugkoffer/beispiele/${id}/entscheidung`, { decision: 'publish' })).statusCode, 303);
    const versions = await db.selectFrom('toolkit_example_versions').select(['status', 'content']).where('example_id', '=', id).orderBy('version').execute();
    assert.deepEqual(
      versions.map((v) => v.status),
      ['draft', 'submitted', 'changes_requested', 'changes_requested', 'submitted', 'published'],
    );
    assert.deepEqual((versions.at(-1)?.content as { links: { measures: number[] } } | undefined)?.links.measures, [ids.measure]);
    const audit = await db.selectFrom('audit_log').select('action').where('entity_type', '=', 'toolkit_example').where('entity_id', '=', String(id)).orderBy('id').execute();
    assert.deepEqual(
      audit.map((a) => a.action),
      ['toolkit.example_created', 'toolkit.example_submitted', 'toolkit.example_changes_requested', 'toolkit.example_updated', 'toolkit.example_submitted', 'toolkit.example_published'],
    );
  });

  it('shows the published example with the public cards, measures and events it names, and nothing unpublished', async () => {
    const page = await visitor.get(`/werkzeugkoffer/beispiele/${id}`);
    assert.equal(page.statusCode, 200);
    const text = visibleText(page.body);
    for (const seen of ['Ausgangslage', 'Wenig Gelegenheit', 'Zwei Gruppen mit 40 Menschen', 'Fester Ort', 'Sprachförderung ausbauen', 'Sprachcafé im Mai', 'Stadtteilspaziergang']) {
      assert.match(text, new RegExp(seen));
    }
    assert.doesNotMatch(text, /Eigener Entwurf/);
    assert.doesNotMatch(text, /Interne Vorbesprechung/);
    assert.match(page.body, new RegExp(`href="/werkzeugkoffer/methoden/${ids.card}"`));
    assert.match(page.body, new RegExp(`href="/kommunen/${BENSHEIM}/massnahmen/${ids.measure}"`));
    assert.match(page.body, new RegExp(`href="/veranstaltungen/${ids.event}"`));
    const english = await visitor.get(`/werkzeugkoffer/beispiele/${id}`, { cookie: 'vv_lang=en' });
    assert.match(visibleText(english.body), /Lessons learned/);
  });

  it('lists published examples with filters by town and method, paged in SQL', async () => {
    const town = await municipalityId(db, VIERNHEIM);
    for (let i = 0; i < 21; i++) {
      await db
        .insertInto('toolkit_examples')
        .values({ municipality_id: town, status: 'published', title: `Viernheimer Beispiel ${i}`, problem: 'P', approach: 'A', result: 'R', published_at: new Date(Date.UTC(2024, 0, 1 + i)) })
        .execute();
    }
    const all = await visitor.get('/werkzeugkoffer/beispiele');
    assert.match(visibleText(all.body), /22 Praxisbeispiele/);
    assert.equal((all.body.match(/href="\/werkzeugkoffer\/beispiele\/\d+"/g) ?? []).length, 20);
    const second = await visitor.get('/werkzeugkoffer/beispiele?seite=2');
    assert.equal((second.body.match(/href="\/werkzeugkoffer\/beispiele\/\d+"/g) ?? []).length, 2);
    const byTown = visibleText((await visitor.get(`/werkzeugkoffer/beispiele?kommune=${BENSHEIM}`)).body);
    assert.match(byTown, /1 Praxisbeispiel\b/);
    assert.match(byTown, /Nachbarschaftsnetz/);
    const byMethod = visibleText((await visitor.get(`/werkzeugkoffer/beispiele?methode=${ids.foreignCard}`)).body);
    assert.match(byMethod, /1 Praxisbeispiel\b/);
    const odd = await visitor.get('/werkzeugkoffer/beispiele?kommune=x&methode=%27;drop&seite=-4');
    assert.equal(odd.statusCode, 200);
  });
});
