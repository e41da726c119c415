/**
 * The counts on a method card ("3 Mal eingesetzt in 1 Kommune", the popular sort) are shown to
 * everyone, so they take only public uses: a draft event, a copy not yet published or a module of
 * a withdrawn programme must not show there, or the toolkit would tell that such a record exists.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Kysely } from 'kysely';
import type { Database } from '../../src/platform/db/schema.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { TestClient, visibleText } from '../support/client.ts';
import { createEvent } from '../support/factories/events.ts';
import { createModule, createProgramme } from '../support/factories/qualification.ts';
import { toolkitFactory, usesOfCard } from '../support/factories/toolkit.ts';
import { createUser, municipalityId, TEST_PASSWORD } from '../support/users.ts';

const BENSHEIM = '06431002';

describe('toolkit: public counts take only public uses', () => {
  let t: TestApp;
  let db: Kysely<Database>;
  let coordinator: TestClient;
  let office: TestClient;
  let visitor: TestClient;
  let card: number;
  let other: number;
  let draftEvent: number;
  let programme: number;
  let module: number;

  before(async () => {
    t = await startTestApp({ variant: 'reference' });
    db = t.app.services.db;
    const bensheim = await municipalityId(db, BENSHEIM);
    const cards = toolkitFactory(db, bensheim);
    card = await cards.method({ title: 'Zeitzeugencafé der Generationen' });
    other = await cards.method({ title: 'Offene Werkstatt im Quartier' });
    draftEvent = await createEvent(db, { municipalityId: bensheim, title: 'Noch geheimer Abend', published: false });
    programme = await createProgramme(db, { title: 'Interkulturelle Öffnung', published: false });
    module = await createModule(db, programme, 'Haltung und Rolle');
    await createUser(db, { email: 'koordination@bensheim.test', roles: [{ role: 'coordinator', municipalityId: bensheim }] });
    await createUser(db, { email: 'programmbuero@land.test', roles: [{ role: 'programme_office' }] });
    coordinator = new TestClient(t.app.fastify);
    await coordinator.login('koordination@bensheim.test', TEST_PASSWORD);
    office = new TestClient(t.app.fastify);
    await office.login('programmbuero@land.test', TEST_PASSWORD);
    visitor = new TestClient(t.app.fastify);
  });
  after(() => t.close());

  const eventForm = (published: boolean, methodIds?: number[]) => ({
    title: 'Noch geheimer Abend',
    format: 'dialogue',
    mode: 'in_person',
    venue: 'Rathaus',
    startsAt: '2030-05-01T18:00',
    endsAt: '2030-05-01T20:00',
    capacity: '40',
    languages: ['de'],
    ...(published ? { published: 'on' } : {}),
    ...(methodIds ? { methodIds: methodIds.map(String) } : {}),
  });
  const programmeForm = (published: boolean) => ({ kind: 'diversity_manager', title: 'Interkulturelle Öffnung', minAttendancePercent: '80', ...(published ? { published: 'on' } : {}) });
  /** The line of the card in the popular list, as a visitor reads it. */
  async function cardLine(): Promise<string> {
    const text = visibleText((await visitor.get('/werkzeugkoffer?sortierung=beliebt')).body);
    const start = text.indexOf('Zeitzeugencafé der Generationen');
    assert.ok(start >= 0);
    const next = text.indexOf('Offene Werkstatt im Quartier');
    return text.slice(start, next > start ? next : undefined);
  }

  it('does not count a draft event or a module of an unpublished programme', async () => {
    assert.equal((await coordinator.post(`/verwaltung/${BENSHEIM}/veranstaltungen/${draftEvent}/bearbeiten`, eventForm(false, [card]))).statusCode, 303);
    assert.equal((await office.post(`/programmbuero/qualifizierung/${programme}/module/${module}/methoden`, { methodIds: [String(card)] })).statusCode, 303);
    assert.equal((await usesOfCard(db, card)).length, 2, 'both links are stored');
    assert.doesNotMatch(await cardLine(), /Mal eingesetzt/);
    const byUse = visibleText((await visitor.get('/werkzeugkoffer?sortierung=beliebt')).body);
    assert.ok(byUse.indexOf('Zeitzeugencafé der Generationen') > byUse.indexOf('Offene Werkstatt im Quartier'), 'no lead in the popular sort either (ties go by title)');
  });

  it('counts the event once it is published, and again not when it is withdrawn', async () => {
    assert.equal((await coordinator.post(`/verwaltung/${BENSHEIM}/veranstaltungen/${draftEvent}/bearbeiten`, eventForm(true, [card]))).statusCode, 303);
    assert.match(await cardLine(), /1 Mal eingesetzt in 1 Kommune/);
    const byUse = visibleText((await visitor.get('/werkzeugkoffer?sortierung=beliebt')).body);
    assert.ok(byUse.indexOf('Zeitzeugencafé der Generationen') < byUse.indexOf('Offene Werkstatt im Quartier'), 'now it leads');
    assert.equal((await coordinator.post(`/verwaltung/${BENSHEIM}/veranstaltungen/${draftEvent}/bearbeiten`, eventForm(false, [card]))).statusCode, 303);
    assert.doesNotMatch(await cardLine(), /Mal eingesetzt/);
    assert.equal((await usesOfCard(db, card)).length, 2, 'the links stay');
  });

  it('follows the programme of a training module', async () => {
    assert.equal((await office.post(`/programmbuero/qualifizierung/${programme}`, programmeForm(true))).statusCode, 303);
    assert.match(await cardLine(), /1 Mal eingesetzt in 0 Kommunen/);
    assert.equal((await office.post(`/programmbuero/qualifizierung/${programme}`, programmeForm(false))).statusCode, 303);
    assert.doesNotMatch(await cardLine(), /Mal eingesetzt/);
  });

  it('copies the cards with the event; the unpublished copy is not counted', async () => {
    assert.equal((await coordinator.post(`/verwaltung/${BENSHEIM}/veranstaltungen/${draftEvent}/bearbeiten`, eventForm(true, [card, other]))).statusCode, 303);
    const copied = await coordinator.post(`/verwaltung/${BENSHEIM}/veranstaltungen/${draftEvent}/kopieren`, {});
    assert.equal(copied.statusCode, 303);
    const copy = Number(/veranstaltungen\/(\d+)/.exec(String(copied.headers.location))?.[1]);
    assert.ok(copy > draftEvent);
    assert.deepEqual(
      (await usesOfCard(db, card)).filter((u) => u.kind === 'event').map((u) => u.object_id),
      [draftEvent, copy],
    );
    const edit = (await coordinator.get(`/verwaltung/${BENSHEIM}/veranstaltungen/${copy}/bearbeiten`)).body;
    assert.match(edit, new RegExp(`value="${card}"[^>]*checked`));
    assert.match(await cardLine(), /1 Mal eingesetzt in 1 Kommune/, 'only the published original counts');
  });
});
