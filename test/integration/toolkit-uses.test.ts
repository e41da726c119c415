/**
 * Links both ways between the toolkit and where its methods were used: a coordinator names the
 * cards a measure or an event used, the office those of a training module; the card's public page
 * lists the towns (with counts), measures, events and modules, and the search sorts by use. Only
 * published cards may be named; a draft of any town is a message at the field and stores nothing.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Kysely } from 'kysely';
import type { Database } from '../../src/platform/db/schema.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { TestClient, visibleText } from '../support/client.ts';
import { createEvent } from '../support/factories/events.ts';
import { createModule, createProgramme } from '../support/factories/qualification.ts';
import { strategyFactory } from '../support/factories/strategy.ts';
import { toolkitFactory, usesOfCard } from '../support/factories/toolkit.ts';
import { createUser, municipalityId, TEST_PASSWORD } from '../support/users.ts';

const BENSHEIM = '06431002';
const VIERNHEIM = '06431020';

describe('toolkit: where the methods were used', () => {
  let t: TestApp;
  let db: Kysely<Database>;
  let bensheim: number;
  let viernheim: number;
  let coordinator: TestClient;
  let otherCoordinator: TestClient;
  let office: TestClient;
  let visitor: TestClient;
  const ids: Record<string, number> = {};

  before(async () => {
    t = await startTestApp({ variant: 'reference' });
    db = t.app.services.db;
    bensheim = await municipalityId(db, BENSHEIM);
    viernheim = await municipalityId(db, VIERNHEIM);
    await db
      .insertInto('programme_participations')
      .values([
        { municipality_id: bensheim, joined_on: '2026-01-01', cohort_label: 'Kohorte 2026' },
        { municipality_id: viernheim, joined_on: '2026-01-01', cohort_label: 'Kohorte 2026' },
      ])
      .execute();
    const cards = toolkitFactory(db, viernheim);
    ids.sprachcafe = await cards.method({ title: 'Sprachcafé in der Bücherei', summary: 'Deutsch sprechen im Alltag' });
    ids.spaziergang = await cards.method({ title: 'Stadtteilspaziergang', summary: 'Den Ort gemeinsam erkunden' });
    ids.foreignDraft = await cards.method({ title: 'Unfertige Methode', status: 'draft' });
    ids.ownDraft = await toolkitFactory(db, bensheim).method({ title: 'Eigener Entwurf', status: 'draft' });
    ids.field = await strategyFactory(db, bensheim).field('Zusammenleben');
    ids.otherField = await strategyFactory(db, viernheim).field('Bildung');
    ids.event = await createEvent(db, { municipalityId: bensheim, title: 'Dialogabend im Rathaus' });
    ids.draftEvent = await createEvent(db, { municipalityId: bensheim, title: 'Noch geheimer Abend', published: false });
    ids.programme = await createProgramme(db, { title: 'Vielfaltsmanagement kompakt', published: true });
    ids.module = await createModule(db, ids.programme, 'Moderation von Gruppen');
    await createUser(db, { email: 'koordination@bensheim.test', roles: [{ role: 'coordinator', municipalityId: bensheim }] });
    await createUser(db, { email: 'koordination@viernheim.test', roles: [{ role: 'coordinator', municipalityId: viernheim }] });
    await createUser(db, { email: 'programmbuero@land.test', roles: [{ role: 'programme_office' }] });
    coordinator = new TestClient(t.app.fastify);
    await coordinator.login('koordination@bensheim.test', TEST_PASSWORD);
    otherCoordinator = new TestClient(t.app.fastify);
    await otherCoordinator.login('koordination@viernheim.test', TEST_PASSWORD);
    office = new TestClient(t.app.fastify);
    await office.login('programmbuero@land.test', TEST_PASSWORD);
    visitor = new TestClient(t.app.fastify);
  });
  after(() => t.close());

  const measureForm = (title: string, field: number, methodIds: number[]) => ({ title, fieldId: String(field), status: 'running', progress: '10', methodIds: methodIds.map(String) });
  const eventForm = (methodIds: number[], published = true) => ({
    title: 'Dialogabend im Rathaus',
    format: 'dialogue',
    mode: 'in_person',
    venue: 'Rathaus',
    startsAt: '2030-05-01T18:00',
    endsAt: '2030-05-01T20:00',
    capacity: '40',
    languages: ['de'],
    ...(published ? { published: 'on' } : {}),
    methodIds: methodIds.map(String),
  });

  it('offers the published cards in the measure form and keeps the ones ticked, from any town', async () => {
    const form = visibleText((await coordinator.get(`/verwaltung/${BENSHEIM}/massnahmen/neu`)).body);
    assert.match(form, /Eingesetzte Methoden aus dem Werkzeugkoffer/);
    assert.match(form, /Sprachcafé in der Bücherei \(Viernheim\)/);
    assert.doesNotMatch(form, /Unfertige Methode|Eigener Entwurf/, 'drafts are not offered');

    const created = await coordinator.post(
      `/verwaltung/${BENSHEIM}/massnahmen/neu`,
      measureForm('Sprachtreff im Quartier', ids.field as number, [ids.sprachcafe as number, ids.spaziergang as number]),
    );
    assert.equal(created.statusCode, 303);
    ids.measure = Number(/\/(\d+)$/.exec(String(created.headers.location))?.[1]);
    const edit = (await coordinator.get(`/verwaltung/${BENSHEIM}/massnahmen/${ids.measure}`)).body;
    assert.match(edit, new RegExp(`value="${ids.sprachcafe}"[^>]*checked`));
    assert.deepEqual(await usesOfCard(db, ids.sprachcafe as number), [{ kind: 'measure', object_id: ids.measure }]);

    // Saving again without the walk drops that link and keeps the other.
    const saved = await coordinator.post(`/verwaltung/${BENSHEIM}/massnahmen/${ids.measure}`, measureForm('Sprachtreff im Quartier', ids.field as number, [ids.sprachcafe as number]));
    assert.equal(saved.statusCode, 303);
    assert.deepEqual(await usesOfCard(db, ids.spaziergang as number), []);
  });

  it('refuses a draft card, of another town or its own, with a message at the field and stores nothing', async () => {
    for (const draft of [ids.foreignDraft, ids.ownDraft] as number[]) {
      const response = await coordinator.post(`/verwaltung/${BENSHEIM}/massnahmen/neu`, measureForm('Mit Entwurf', ids.field as number, [draft]));
      assert.equal(response.statusCode, 422);
      assert.match(visibleText(response.body), /Eingesetzte Methoden aus dem Werkzeugkoffer/);
      assert.match(response.body, /value="Mit Entwurf"/, 'what was typed stays');
      assert.deepEqual(await usesOfCard(db, draft), []);
    }
    const forged = await coordinator.post(`/verwaltung/${BENSHEIM}/massnahmen/${ids.measure}`, { ...measureForm('Sprachtreff im Quartier', ids.field as number, []), methodIds: ['1 or 1=1'] });
    assert.equal(forged.statusCode, 422);
    assert.equal((await usesOfCard(db, ids.sprachcafe as number)).length, 1, 'the stored link stays');
    const notOwn = await otherCoordinator.post(`/verwaltung/${BENSHEIM}/massnahmen/${ids.measure}`, measureForm('Übernommen', ids.otherField as number, []));
    assert.equal(notOwn.statusCode, 403);
  });

  it('lets an event name its cards; the card lists it only once the event is public', async () => {
    const saved = await coordinator.post(`/verwaltung/${BENSHEIM}/veranstaltungen/${ids.draftEvent}/bearbeiten`, eventForm([ids.sprachcafe as number], false));
    assert.equal(saved.statusCode, 303);
    assert.doesNotMatch(visibleText((await visitor.get(`/werkzeugkoffer/methoden/${ids.sprachcafe}`)).body), /Dialogabend im Rathaus/);
    const published = await coordinator.post(`/verwaltung/${BENSHEIM}/veranstaltungen/${ids.event}/bearbeiten`, eventForm([ids.sprachcafe as number]));
    assert.equal(published.statusCode, 303);
    const edit = (await coordinator.get(`/verwaltung/${BENSHEIM}/veranstaltungen/${ids.event}/bearbeiten`)).body;
    assert.match(edit, new RegExp(`value="${ids.sprachcafe}"[^>]*checked`));
    const refused = await coordinator.post(`/verwaltung/${BENSHEIM}/veranstaltungen/${ids.event}/bearbeiten`, eventForm([ids.foreignDraft as number]));
    assert.equal(refused.statusCode, 422);
  });

  it('lets the office name the cards of a training module', async () => {
    const page = visibleText((await office.get(`/programmbuero/qualifizierung/${ids.programme}`)).body);
    assert.match(page, /Methoden: Moderation von Gruppen/);
    const saved = await office.post(`/programmbuero/qualifizierung/${ids.programme}/module/${ids.module}/methoden`, { methodIds: [String(ids.sprachcafe)] });
    assert.equal(saved.statusCode, 303);
    const refused = await office.post(`/programmbuero/qualifizierung/${ids.programme}/module/${ids.module}/methoden`, { methodIds: [String(ids.foreignDraft)] });
    assert.equal(refused.statusCode, 422);
    assert.equal((await coordinator.get(`/programmbuero/qualifizierung/${ids.programme}/module/${ids.module}/methoden`)).statusCode, 403);
  });

  it('shows on the public card where it was used, with the towns counted', async () => {
    const text = visibleText((await visitor.get(`/werkzeugkoffer/methoden/${ids.sprachcafe}`)).body);
    assert.match(text, /Hier wurde die Methode eingesetzt/);
    assert.match(text, /In 1 Kommune:/);
    assert.match(text, /Bensheim\s*: 2 Mal/);
    assert.match(text, /Maßnahmen \(1\)\s*Sprachtreff im Quartier \(Bensheim\)/);
    assert.match(text, /Veranstaltungen \(1\)\s*Dialogabend im Rathaus \(Bensheim\)/);
    assert.match(text, /Module der Qualifizierung \(1\)\s*Vielfaltsmanagement kompakt: Moderation von Gruppen/);
    const unused = visibleText((await visitor.get(`/werkzeugkoffer/methoden/${ids.spaziergang}`)).body);
    assert.match(unused, /Noch keine Kommune hat angegeben/);
  });

  it('sorts the search by use and says how often each card was used', async () => {
    const best = visibleText((await visitor.get('/werkzeugkoffer?sortierung=beliebt')).body);
    assert.ok(best.indexOf('Sprachcafé in der Bücherei') < best.indexOf('Stadtteilspaziergang'), 'the used card comes first');
    assert.match(best, /Sprachcafé in der Bücherei.*Mal eingesetzt in 1 Kommune.*Stadtteilspaziergang/);
    const byTitle = visibleText((await visitor.get('/werkzeugkoffer')).body);
    assert.ok(byTitle.indexOf('Stadtteilspaziergang') > 0);
  });

  it('forgets the links of a deleted measure', async () => {
    const deleted = await coordinator.post(`/verwaltung/${BENSHEIM}/massnahmen/${ids.measure}/loeschen`, {});
    assert.equal(deleted.statusCode, 303);
    assert.deepEqual(
      (await usesOfCard(db, ids.sprachcafe as number)).map((u) => u.kind),
      ['event', 'event', 'training_module'],
    );
  });
});
