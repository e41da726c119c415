/**
 * The toolkit: the editorial flow over HTTP (a coordinator proposes, the office asks for changes
 * and publishes, every step a version and an audit entry), German full-text search with stemming,
 * ranking, highlighting, facet counts and a typo suggestion, translations with the note when a
 * language has none, the open-data file, and what an attacker tries: another town's card, forged
 * choices, huge strings.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../src/platform/db/schema.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { TestClient, visibleText } from '../support/client.ts';
import { toolkitFactory } from '../support/factories/toolkit.ts';
import { createUser, municipalityId, TEST_PASSWORD } from '../support/users.ts';

const BENSHEIM = '06431002';
const VIERNHEIM = '06431020';

const CARD = {
  title: 'Erzählcafé der Vereine',
  summary: 'Vereinsmitglieder erzählen einander von ihrer Ankunft in der Stadt.',
  goal: 'Begegnung zwischen Vereinen',
  steps: 'Raum suchen\nEinladen\nErzählen lassen',
  format: 'dialogue',
  duration: 'short',
  groupSize: 'small',
  fieldsOfAction: ['civil_society', 'culture'],
  targetGroups: ['clubs'],
  licence: 'CC-BY-4.0',
};

describe('toolkit', () => {
  let t: TestApp;
  let db: Kysely<Database>;
  let town: number;
  let foreignTown: number;
  let coordinator: TestClient;
  let foreignCoordinator: TestClient;
  let office: TestClient;
  let visitor: TestClient;
  const ids: Record<string, number> = {};

  before(async () => {
    t = await startTestApp({ variant: 'reference' });
    db = t.app.services.db;
    town = await municipalityId(db, BENSHEIM);
    foreignTown = await municipalityId(db, VIERNHEIM);
    const own = toolkitFactory(db, town);
    ids.garden = await own.method({ title: 'Interkultureller Garten', summary: 'Beete gemeinsam bepflanzen', steps: ['Fläche suchen', 'Verein gründen'], format: 'event', fields: ['housing'] });
    ids.sport = await own.method({ title: 'Schnuppertraining im Sportverein', summary: 'Training für Neuzugezogene', steps: ['Trainer fragen'], format: 'event', fields: ['civil_society'] });
    ids.workshop = await own.method({
      title: 'Workshop Vorurteile',
      summary: 'Über Vorurteile sprechen',
      steps: ['Einstieg', 'Übung zu Vereinen im Ort'],
      format: 'workshop',
      fields: ['anti_discrimination'],
    });
    ids.draft = await own.method({ title: 'Geheimer Entwurf Verein', summary: 'Noch nicht fertig', status: 'draft' });
    const foreign = toolkitFactory(db, foreignTown);
    ids.foreign = await foreign.method({ title: 'Fremde Methode Viernheim', summary: 'Aus einer anderen Stadt', status: 'draft' });
    ids.foreignPublished = await foreign.method({ title: 'Stadtteilspaziergang', summary: 'Orte zeigen', fields: ['participation'] });

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
  });
  after(() => t.close());

  describe('editorial flow', () => {
    let id: number;

    it('shows every missing field next to the field and keeps what was typed (422)', async () => {
      const response = await coordinator.post(`/verwaltung/${BENSHEIM}/werkzeugkoffer/methoden/neu`, { title: 'Nur ein Titel', targetGroups: ['clubs'] });
      assert.equal(response.statusCode, 422);
      assert.match(response.body, /id="summary-error"/);
      assert.match(response.body, /id="steps-error"/);
      assert.match(response.body, /Handlungsfelder/);
      assert.match(response.body, /value="Nur ein Titel"/);
      assert.match(response.body, /value="clubs" checked/);
    });

    it('lets a coordinator propose a card as a draft that the public does not see', async () => {
      const response = await coordinator.post(`/verwaltung/${BENSHEIM}/werkzeugkoffer/methoden/neu`, CARD);
      assert.equal(response.statusCode, 303);
      id = Number(/methoden\/(\d+)$/.exec(String(response.headers.location))?.[1]);
      const row = await db.selectFrom('toolkit_methods').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      assert.equal(row.status, 'draft');
      assert.deepEqual(row.steps, ['Raum suchen', 'Einladen', 'Erzählen lassen']);
      assert.equal(row.licence, 'CC-BY-4.0');
      assert.equal((await visitor.get(`/werkzeugkoffer/methoden/${id}`)).statusCode, 404);
    });

    it('keeps the card with the office once submitted: the town cannot change it until changes are asked for', async () => {
      assert.equal((await coordinator.post(`/verwaltung/${BENSHEIM}/werkzeugkoffer/methoden/${id}/einreichen`)).statusCode, 303);
      const locked = await coordinator.post(`/verwaltung/${BENSHEIM}/werkzeugkoffer/methoden/${id}`, { ...CARD, title: 'Heimlich geändert' });
      assert.equal(locked.statusCode, 303);
      assert.equal((await db.selectFrom('toolkit_methods').select('title').where('id', '=', id).executeTakeFirstOrThrow()).title, CARD.title);
      const queue = await office.get('/programmbuero/werkzeugkoffer');
      assert.match(visibleText(queue.body), /Erzählcafé der Vereine/);
    });

    it('asks for a note when the office asks for changes, then the town edits and resubmits', async () => {
      const noNote = await office.post(`/programmbuero/werkzeugkoffer/methoden/${id}/entscheidung`, { decision: 'changes' });
      assert.equal(noNote.statusCode, 422);
      assert.match(noNote.body, /id="note-error"/);
      const unfit = await office.post(`/programmbuero/werkzeugkoffer/methoden/${id}/entscheidung`, { decision: 'withdraw' });
      assert.equal(unfit.statusCode, 422);
      assert.equal((await office.post(`/programmbuero/werkzeugkoffer/methoden/${id}/entscheidung`, { decision: 'changes', note: 'Bitte Material nennen' })).statusCode, 303);
      const page = await coordinator.get(`/verwaltung/${BENSHEIM}/werkzeugkoffer/methoden/${id}`);
      assert.match(visibleText(page.body), /Bitte Material nennen/);
      assert.equal((await coordinator.post(`/verwaltung/${BENSHEIM}/werkzeugkoffer/methoden/${id}`, { ...CARD, materials: 'Stühle im Kreis' })).statusCode, 303);
      assert.equal((await coordinator.post(`/verwaltung/${BENSHEIM}/werkzeugkoffer/methoden/${id}/einreichen`)).statusCode, 303);
    });

    it('publishes: the card is public, every step is a version and an audit entry', async () => {
      assert.equal((await office.post(`/programmbuero/werkzeugkoffer/methoden/${id}/entscheidung`, { decision: 'publish' })).statusCode, 303);
      const page = await visitor.get(`/werkzeugkoffer/methoden/${id}`);
      assert.equal(page.statusCode, 200);
      const text = visibleText(page.body);
      assert.match(text, /Erzählcafé der Vereine/);
      assert.match(text, /Stühle im Kreis/);
      assert.match(page.body, /<ol[^>]*>\s*<li>Raum suchen<\/li>\s*<li>Einladen<\/li>/);
      assert.match(text, /CC BY 4\.0/);
      const versions = await db.selectFrom('toolkit_method_versions').select(['version', 'status']).where('method_id', '=', id).orderBy('version').execute();
      assert.deepEqual(
        versions.map((v) => v.status),
        ['draft', 'submitted', 'changes_requested', 'changes_requested', 'submitted', 'published'],
      );
      const audit = await db.selectFrom('audit_log').select('action').where('entity_type', '=', 'toolkit_method').where('entity_id', '=', String(id)).orderBy('id').execute();
      assert.deepEqual(
        audit.map((a) => a.action),
        ['toolkit.method_created', 'toolkit.method_submitted', 'toolkit.method_changes_requested', 'toolkit.method_updated', 'toolkit.method_submitted', 'toolkit.method_published'],
      );
    });

    it('shows a translation in its language and a note where there is none', async () => {
      const saved = await coordinator.post(`/verwaltung/${BENSHEIM}/werkzeugkoffer/methoden/${id}/uebersetzung/en`, {
        title: 'Story café of the clubs',
        summary: 'Members tell each other how they arrived.',
      });
      assert.equal(saved.statusCode, 303);
      const english = await visitor.get(`/werkzeugkoffer/methoden/${id}`, { cookie: 'vv_lang=en' });
      assert.match(visibleText(english.body), /Story café of the clubs/);
      assert.doesNotMatch(english.body, /not yet available in your language/);
      const turkish = await visitor.get(`/werkzeugkoffer/methoden/${id}`, { cookie: 'vv_lang=tr' });
      assert.match(visibleText(turkish.body), /Erzählcafé der Vereine/);
      assert.match(turkish.body, /henüz sizin dilinizde yok/);
      assert.equal((await coordinator.get(`/verwaltung/${BENSHEIM}/werkzeugkoffer/methoden/${id}/uebersetzung/xx`)).statusCode, 404);
    });
  });

  describe('search', () => {
    it('finds "Verein" for "Vereine", title matches first, with the match highlighted', async () => {
      const response = await visitor.get('/werkzeugkoffer?q=Vereine');
      assert.equal(response.statusCode, 200);
      const titles = [...response.body.matchAll(/<h2 class="kern-heading-small"><a class="kern-link" href="\/werkzeugkoffer\/methoden\/(\d+)">/g)].map((m) => Number(m[1]));
      // The sport card has "Sportverein" (one word, not stemmed to Verein); the garden card says "Verein" in a step; the workshop "Vereinen" in a step.
      assert.ok(titles.includes(ids.garden as number));
      assert.ok(titles.includes(ids.workshop as number));
      assert.ok(!titles.includes(ids.draft as number), 'drafts stay out of the search');
      assert.match(response.body, /<mark>Verein<\/mark>/);
    });

    it('ranks a title match above a match in the steps', async () => {
      const response = await visitor.get('/werkzeugkoffer?q=Garten');
      assert.match(visibleText(response.body), /1 Methode/);
      const vorurteile = await visitor.get('/werkzeugkoffer?q=Vorurteile%20Verein');
      assert.match(visibleText(vorurteile.body), /Workshop Vorurteile/);
    });

    it('filters by format and town and counts each value with the other filters kept', async () => {
      const response = await visitor.get(`/werkzeugkoffer?format=event&kommune=${BENSHEIM}`);
      const text = visibleText(response.body);
      assert.match(text, /2 Methoden/);
      assert.match(response.body, /<option value="workshop"[^>]*>Workshop \(1\)<\/option>/);
      assert.match(response.body, /<option value="event" selected[^>]*>Veranstaltung \(2\)<\/option>/);
      // The town facet counts with the format kept: Viernheim has no event, so it is not offered.
      assert.doesNotMatch(response.body, new RegExp(`<option value="${VIERNHEIM}"`));
      const byTown = await visitor.get(`/werkzeugkoffer?kommune=${BENSHEIM}`);
      assert.match(byTown.body, new RegExp(`<option value="${VIERNHEIM}">Viernheim \\(1\\)</option>`));
    });

    it('counts the facets anew once a card changes, also when another instance changed it', async () => {
      const path = `/werkzeugkoffer?format=event&kommune=${BENSHEIM}`;
      assert.match((await visitor.get(path)).body, /<option value="workshop"[^>]*>Workshop \(1\)<\/option>/);
      const version = async () => Number((await db.selectFrom('toolkit_search_state').select('version').executeTakeFirstOrThrow()).version);
      const before = await version();
      // A link written elsewhere changes the card's use counts only: the kept counts stay valid.
      await db
        .updateTable('toolkit_methods')
        .set({ use_count: sql`use_count + 1` })
        .where('id', '=', ids.sport as number)
        .execute();
      assert.equal(await version(), before, 'use counts leave the version alone');
      // Written straight into the database, as another instance would.
      await db
        .updateTable('toolkit_methods')
        .set({ format: 'workshop' })
        .where('id', '=', ids.sport as number)
        .execute();
      assert.equal(await version(), before + 1);
      const changed = await visitor.get(path);
      assert.match(visibleText(changed.body), /1 Methode/);
      assert.match(changed.body, /<option value="workshop"[^>]*>Workshop \(2\)<\/option>/);
      assert.match(changed.body, /<option value="event" selected[^>]*>Veranstaltung \(1\)<\/option>/);
      await db
        .updateTable('toolkit_methods')
        .set({ format: 'event', use_count: sql`use_count - 1` })
        .where('id', '=', ids.sport as number)
        .execute();
      assert.match((await visitor.get(path)).body, /<option value="event" selected[^>]*>Veranstaltung \(2\)<\/option>/);
    });

    it('shows a page of results anew once a card or its use counts change, also when another instance changed them', async () => {
      const path = `/werkzeugkoffer?format=event&kommune=${BENSHEIM}`;
      const card = () =>
        db
          .selectFrom('toolkit_methods')
          .select(['summary', 'use_count', 'use_towns'])
          .where('id', '=', ids.sport as number)
          .executeTakeFirstOrThrow();
      const before = await card();
      assert.match(visibleText((await visitor.get(path)).body), /Training für Neuzugezogene/);
      // Written straight into the database, as another instance would: first the use counts alone.
      await db
        .updateTable('toolkit_methods')
        .set({ use_count: 7, use_towns: 3 })
        .where('id', '=', ids.sport as number)
        .execute();
      assert.match(visibleText((await visitor.get(path)).body), /7 Mal eingesetzt in 3 Kommunen/);
      // Then a text the list shows.
      await db
        .updateTable('toolkit_methods')
        .set({ summary: 'Probetraining für Neuzugezogene' })
        .where('id', '=', ids.sport as number)
        .execute();
      const changed = visibleText((await visitor.get(path)).body);
      assert.match(changed, /Probetraining für Neuzugezogene/);
      assert.doesNotMatch(changed, /\bTraining für Neuzugezogene/);
      await db
        .updateTable('toolkit_methods')
        .set(before)
        .where('id', '=', ids.sport as number)
        .execute();
      const restored = visibleText((await visitor.get(path)).body);
      assert.match(restored, /\bTraining für Neuzugezogene/);
      assert.doesNotMatch(restored, /7 Mal eingesetzt/);
    });

    it('suggests the likely word for a typo', async () => {
      const response = await visitor.get('/werkzeugkoffer?q=Gartne');
      assert.match(visibleText(response.body), /0 Methoden/);
      assert.match(response.body, /Meinten Sie:/);
      assert.match(response.body, /q=garten/);
    });

    it('takes odd input without failing: websearch syntax, unknown filters, long strings', async () => {
      for (const q of ['"unclosed', 'a & | ! ( )', '-', 'x'.repeat(200), 'Verein OR', "'; drop table toolkit_methods; --"]) {
        const response = await visitor.get(`/werkzeugkoffer?q=${encodeURIComponent(q)}&format=bogus&kommune=abc`);
        assert.equal(response.statusCode, 200, q);
      }
      assert.equal((await visitor.get(`/werkzeugkoffer?q=${'x'.repeat(300)}`)).statusCode, 400);
    });
  });

  describe('open data', () => {
    it('lists published cards only, with stable column names', async () => {
      const response = await visitor.get('/werkzeugkoffer/methoden.csv');
      assert.equal(response.statusCode, 200);
      assert.match(String(response.headers['content-type']), /text\/csv/);
      const [header] = response.body.replace(/^\uFEFF/, '').split(/\r?\n/);
      assert.match(header ?? '', /^id[,;]title[,;]summary/);
      assert.match(response.body, /Interkultureller Garten/);
      assert.doesNotMatch(response.body, /Geheimer Entwurf/);
    });
  });

  describe('access', () => {
    it('answers 404 for another town’s card under the own town, and 403 for another town’s workspace', async () => {
      assert.equal((await coordinator.get(`/verwaltung/${BENSHEIM}/werkzeugkoffer/methoden/${ids.foreign}`)).statusCode, 404);
      const before = await db
        .selectFrom('toolkit_methods')
        .selectAll()
        .where('id', '=', ids.foreign as number)
        .executeTakeFirstOrThrow();
      assert.equal((await coordinator.post(`/verwaltung/${BENSHEIM}/werkzeugkoffer/methoden/${ids.foreign}`, CARD)).statusCode, 404);
      assert.equal((await coordinator.post(`/verwaltung/${BENSHEIM}/werkzeugkoffer/methoden/${ids.foreign}/einreichen`)).statusCode, 404);
      assert.equal((await coordinator.post(`/verwaltung/${BENSHEIM}/werkzeugkoffer/methoden/${ids.foreign}/uebersetzung/en`, { title: 'x', summary: 'y' })).statusCode, 404);
      assert.deepEqual(
        await db
          .selectFrom('toolkit_methods')
          .selectAll()
          .where('id', '=', ids.foreign as number)
          .executeTakeFirstOrThrow(),
        before,
      );
      assert.equal((await foreignCoordinator.get(`/verwaltung/${BENSHEIM}/werkzeugkoffer`)).statusCode, 403);
      assert.equal((await coordinator.post(`/programmbuero/werkzeugkoffer/methoden/${ids.draft}/entscheidung`, { decision: 'publish' })).statusCode, 403);
    });

    it('refuses forged choices and huge strings with field messages (422), never a 500', async () => {
      const forged = await coordinator.post(`/verwaltung/${BENSHEIM}/werkzeugkoffer/methoden/neu`, { ...CARD, format: 'rave', fieldsOfAction: ['civil_society', 'hacking'], licence: 'proprietary' });
      assert.equal(forged.statusCode, 422);
      assert.match(forged.body, /id="format-error"/);
      assert.match(forged.body, /id="licence-error"/);
      const huge = await coordinator.post(`/verwaltung/${BENSHEIM}/werkzeugkoffer/methoden/neu`, { ...CARD, title: 'T'.repeat(5000) });
      assert.equal(huge.statusCode, 422);
      assert.match(huge.body, /id="title-error"/);
      const count = await db
        .selectFrom('toolkit_methods')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('title', 'like', 'TTTT%')
        .executeTakeFirstOrThrow();
      assert.equal(Number(count.n), 0);
    });
  });
});
