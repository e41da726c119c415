/**
 * The "methods used" picker of the event, measure and training module forms: never every card as a
 * checkbox, but the ticked ones, a search and one page of results. Its buttons send the whole form
 * back (no JavaScript needed): the form comes again with status 200, everything typed kept, nothing
 * saved; the save button then stores the ticked cards.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Kysely } from 'kysely';
import type { Database } from '../../src/platform/db/schema.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { TestClient, visibleText } from '../support/client.ts';
import { createModule, createProgramme } from '../support/factories/qualification.ts';
import { strategyFactory } from '../support/factories/strategy.ts';
import { toolkitFactory, usesOfCard } from '../support/factories/toolkit.ts';
import { createUser, municipalityId, TEST_PASSWORD } from '../support/users.ts';

const BENSHEIM = '06431002';

describe('toolkit: the picker of method cards in forms', () => {
  let t: TestApp;
  let db: Kysely<Database>;
  let coordinator: TestClient;
  let office: TestClient;
  let special: number;
  let field: number;
  let programme: number;
  let module: number;

  before(async () => {
    t = await startTestApp({ variant: 'reference' });
    db = t.app.services.db;
    const bensheim = await municipalityId(db, BENSHEIM);
    const cards = toolkitFactory(db, bensheim);
    for (let i = 10; i < 35; i++) await cards.method({ title: `Methode ${i} für Begegnung` });
    special = await cards.method({ title: 'Zeitzeugencafé der Generationen', summary: 'Ältere erzählen von Vereinen' });
    field = await strategyFactory(db, bensheim).field('Zusammenleben');
    programme = await createProgramme(db, { title: 'Interkulturelle Öffnung', published: true });
    module = await createModule(db, programme, 'Haltung und Rolle');
    await createUser(db, { email: 'koordination@bensheim.test', roles: [{ role: 'coordinator', municipalityId: bensheim }] });
    await createUser(db, { email: 'programmbuero@land.test', roles: [{ role: 'programme_office' }] });
    coordinator = new TestClient(t.app.fastify);
    await coordinator.login('koordination@bensheim.test', TEST_PASSWORD);
    office = new TestClient(t.app.fastify);
    await office.login('programmbuero@land.test', TEST_PASSWORD);
  });
  after(() => t.close());

  const checkboxes = (html: string) => (html.match(/name="methodIds"/g) ?? []).length;
  const eventForm = (extra: Record<string, string | string[]>) => ({
    title: 'Abend der Begegnung',
    format: 'dialogue',
    mode: 'in_person',
    venue: 'Rathaus',
    startsAt: '2030-05-01T18:00',
    endsAt: '2030-05-01T20:00',
    capacity: '40',
    languages: ['de'],
    ...extra,
  });

  it('shows one page of cards, pages and searches without saving, keeping what was typed', async () => {
    const empty = await coordinator.get(`/verwaltung/${BENSHEIM}/veranstaltungen/neu`);
    assert.equal(checkboxes(empty.body), 10, 'ten of 26 cards');
    assert.match(visibleText(empty.body), /1–10 von 26 Karten/);

    const paged = await coordinator.post(`/verwaltung/${BENSHEIM}/veranstaltungen/neu`, eventForm({ formRefresh: 'methods:3' }));
    assert.equal(paged.statusCode, 200);
    assert.match(paged.body, /value="Abend der Begegnung"/, 'what was typed stays');
    assert.match(visibleText(paged.body), /21–26 von 26 Karten/);
    assert.match(visibleText(paged.body), /Zeitzeugencafé der Generationen \(Bensheim\)/);
    assert.equal(
      Number(
        (
          await db
            .selectFrom('events')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      ),
      0,
      'nothing saved',
    );

    // "Vereine" finds the card through its summary (German stemming); the ticked card stays ticked.
    const found = await coordinator.post(`/verwaltung/${BENSHEIM}/veranstaltungen/neu`, eventForm({ methodSearch: 'Verein', formRefresh: 'methods:1', methodIds: [String(special)] }));
    assert.equal(found.statusCode, 200);
    assert.match(found.body, new RegExp(`value="${special}"[^>]*checked`));
    assert.match(visibleText(found.body), /1 Methode gewählt/);
    assert.match(visibleText(found.body), /Keine weitere passende Methodenkarte/);
    assert.match(found.body, /name="methodSearch"[^>]*value="Verein"|value="Verein"[^>]*name="methodSearch"/);

    const saved = await coordinator.post(`/verwaltung/${BENSHEIM}/veranstaltungen/neu`, eventForm({ methodSearch: 'Verein', methodIds: [String(special)] }));
    assert.equal(saved.statusCode, 303);
    assert.equal((await usesOfCard(db, special)).length, 1);
  });

  it('works the same in the measure form and the training module form', async () => {
    const measure = await coordinator.post(`/verwaltung/${BENSHEIM}/massnahmen/neu`, {
      title: 'Sprachtreff',
      fieldId: String(field),
      status: 'running',
      progress: '10',
      methodSearch: 'Zeitzeugen',
      formRefresh: 'methods:1',
    });
    assert.equal(measure.statusCode, 200);
    assert.match(measure.body, /value="Sprachtreff"/);
    assert.equal(checkboxes(measure.body), 1);
    assert.match(visibleText(measure.body), /1–1 von 1 Karten/);

    const modulePage = await office.post(`/programmbuero/qualifizierung/${programme}/module/${module}/methoden`, { methodSearch: 'Methode 1', formRefresh: 'methods:1' });
    assert.equal(modulePage.statusCode, 200);
    assert.ok(checkboxes(modulePage.body) <= 10);
    assert.deepEqual(await usesOfCard(db, special), [{ kind: 'event', object_id: (await db.selectFrom('events').select('id').executeTakeFirstOrThrow()).id }], 'nothing saved');
  });

  // Enter in a text field presses the form's first submit button: that must save, not search.
  it('starts every form with the picker with a hidden copy of its save button, before the search button', async () => {
    const firstSubmit = (html: string) => {
      const form = /<form\b(?:(?!<\/form>)[\s\S])*?name="methodSearch"[\s\S]*?<\/form>/.exec(html)?.[0] ?? '';
      assert.ok(form, 'the page has a form with the picker');
      return /<button\b[^>]*type="submit"[^>]*>/.exec(form)?.[0] ?? '';
    };
    const measure = await strategyFactory(db, await municipalityId(db, BENSHEIM)).measure(field, { title: 'Lesepaten' });
    const event = await db.selectFrom('events').select('id').executeTakeFirstOrThrow();
    const pages = [
      await coordinator.get(`/verwaltung/${BENSHEIM}/veranstaltungen/neu`),
      await coordinator.get(`/verwaltung/${BENSHEIM}/veranstaltungen/${event.id}/bearbeiten`),
      await coordinator.get(`/verwaltung/${BENSHEIM}/massnahmen/neu`),
      await coordinator.get(`/verwaltung/${BENSHEIM}/massnahmen/${measure}`),
      await office.get(`/programmbuero/qualifizierung/${programme}/module/${module}/methoden`),
    ];
    for (const page of pages) {
      assert.equal(page.statusCode, 200);
      const button = firstSubmit(page.body);
      assert.doesNotMatch(button, /name=/, 'the save buttons have no name, so neither has their copy');
      assert.match(button, /tabindex="-1"/);
      assert.match(button, /aria-hidden="true"/);
    }
  });
});
