/**
 * Issue item 16: every strategy version's PDF was public by id, drafts included. An adopted
 * version's document stays public; a draft's only for the town's coordinators and the programme office.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Kysely } from 'kysely';
import type { Database } from '../../src/platform/db/schema.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { TestClient } from '../support/client.ts';
import { strategyFactory } from '../support/factories/strategy.ts';
import { createUser, municipalityId, TEST_PASSWORD } from '../support/users.ts';

const BENSHEIM = '06431002';
const VIERNHEIM = '06431020';

describe('strategy security: documents of draft versions', () => {
  let t: TestApp;
  let db: Kysely<Database>;
  let draft: number;
  let adopted: number;
  const clients: Record<'visitor' | 'participant' | 'coordinator' | 'foreignCoordinator' | 'office', TestClient> = {} as never;

  before(async () => {
    t = await startTestApp({ variant: 'reference' });
    db = t.app.services.db;
    const bensheimId = await municipalityId(db, BENSHEIM);
    await db.insertInto('programme_participations').values({ municipality_id: bensheimId, joined_on: '2026-01-01', cohort_label: 'Kohorte 2026' }).execute();
    const versions = strategyFactory(db, bensheimId);
    adopted = await versions.version({ title: 'Beschlossene Strategie', adoptedOn: '2026-03-01', files: t.app.services.files });
    draft = await versions.version({ title: 'Entwurf der Fortschreibung', adoptedOn: null, files: t.app.services.files });
    const accounts = {
      participant: await createUser(db, { email: 'teilnehmerin@example.org' }),
      coordinator: await createUser(db, { email: 'koordination@bensheim.test', roles: [{ role: 'coordinator', municipalityId: bensheimId }] }),
      foreignCoordinator: await createUser(db, { email: 'koordination@viernheim.test', roles: [{ role: 'coordinator', municipalityId: await municipalityId(db, VIERNHEIM) }] }),
      office: await createUser(db, { email: 'programmbuero@land.test', roles: [{ role: 'programme_office' }] }),
    };
    clients.visitor = new TestClient(t.app.fastify);
    for (const [name, account] of Object.entries(accounts)) {
      const client = new TestClient(t.app.fastify);
      await client.login(account.email, TEST_PASSWORD);
      clients[name as keyof typeof accounts] = client;
    }
  });
  after(() => t.close());

  const url = (id: number) => `/kommunen/${BENSHEIM}/strategie/${id}/dokument`;

  it("answers 404 to a visitor, a participant and another town's coordinator for a draft's document", async () => {
    for (const name of ['visitor', 'participant', 'foreignCoordinator'] as const) {
      const response = await clients[name].get(url(draft));
      assert.equal(response.statusCode, 404, name);
      assert.doesNotMatch(String(response.headers['content-type']), /pdf/, name);
    }
  });

  it("lets the town's coordinator and the programme office download a draft's document, kept out of shared caches", async () => {
    for (const name of ['coordinator', 'office'] as const) {
      const response = await clients[name].get(url(draft));
      assert.equal(response.statusCode, 200, name);
      assert.equal(response.headers['content-type'], 'application/pdf');
      assert.match(String(response.headers['cache-control']), /no-store/);
      assert.ok(response.rawPayload.subarray(0, 5).equals(Buffer.from('%PDF-')));
    }
  });

  it("still serves an adopted version's document to everyone", async () => {
    for (const name of ['visitor', 'participant', 'foreignCoordinator', 'coordinator'] as const) {
      const response = await clients[name].get(url(adopted));
      assert.equal(response.statusCode, 200, name);
      assert.equal(response.headers['content-type'], 'application/pdf');
    }
  });

  it('offers the document link on the municipality page only once the version is adopted', async () => {
    const page = await clients.visitor.get(`/kommunen/${BENSHEIM}`);
    assert.equal(page.statusCode, 200);
    // The draft has no adoption date, so the adopted version is the current one and its document is linked.
    assert.match(page.body, new RegExp(`/strategie/${adopted}/dokument`));
    assert.doesNotMatch(page.body, new RegExp(`/strategie/${draft}/dokument`));
    await db.updateTable('strategy_versions').set({ adopted_on: null }).where('id', '=', adopted).execute();
    const drafts = await clients.visitor.get(`/kommunen/${BENSHEIM}`);
    assert.doesNotMatch(drafts.body, /\/strategie\/\d+\/dokument/, 'a draft as the current version shows no document link');
    assert.equal((await clients.visitor.get(url(adopted))).statusCode, 404, 'a version set back to draft is no longer public');
    assert.equal((await clients.coordinator.get(url(adopted))).statusCode, 200);
  });
});

describe('strategy security: the measure form names only the own town’s field, goal and district', () => {
  let t: TestApp;
  let db: Kysely<Database>;
  let coordinator: TestClient;
  const own = { field: 0, goal: 0, district: 0, measure: 0 };
  const foreign = { field: 0, goal: 0, district: 0 };

  before(async () => {
    t = await startTestApp({ variant: 'reference' });
    db = t.app.services.db;
    const bensheimId = await municipalityId(db, BENSHEIM);
    const viernheimId = await municipalityId(db, VIERNHEIM);
    const mine = strategyFactory(db, bensheimId);
    const theirs = strategyFactory(db, viernheimId);
    own.field = await mine.field('Bildung');
    own.goal = await mine.goal(own.field);
    own.measure = await mine.measure(own.field, { title: 'Sprachcafé', goalId: own.goal });
    foreign.field = await theirs.field('Fremdes Feld');
    foreign.goal = await theirs.goal(foreign.field);
    // Districts belong to the municipalities module; two plain rows are all this test needs.
    const district = (municipality_id: number, name: string) => db.insertInto('districts').values({ municipality_id, name, description: '' }).returning('id').executeTakeFirstOrThrow();
    own.district = (await district(bensheimId, 'Auerbach')).id;
    foreign.district = (await district(viernheimId, 'Innenstadt')).id;
    await createUser(db, { email: 'koordination@bensheim.test', roles: [{ role: 'coordinator', municipalityId: bensheimId }] });
    coordinator = new TestClient(t.app.fastify);
    await coordinator.login('koordination@bensheim.test', TEST_PASSWORD);
  });
  after(() => t.close());

  const valid = () => ({ title: 'Elternlotsinnen', fieldId: String(own.field), goalId: String(own.goal), districtId: String(own.district), status: 'running', progress: '10' });
  const snapshot = () => db.selectFrom('measures').selectAll().orderBy('id').execute();

  for (const [field, value] of [
    ['fieldId', () => foreign.field],
    ['goalId', () => foreign.goal],
    ['districtId', () => foreign.district],
  ] as const) {
    it(`refuses a foreign ${field} with a message next to the field, on a new and on an existing measure`, async () => {
      const before = await snapshot();
      // A foreign field together with the own goal would be reported on the goal as well; the foreign field is the point here.
      const form = { ...valid(), [field]: String(value()), ...(field === 'fieldId' ? { goalId: '' } : {}) };
      for (const path of [`/verwaltung/${BENSHEIM}/massnahmen/neu`, `/verwaltung/${BENSHEIM}/massnahmen/${own.measure}`]) {
        const response = await coordinator.post(path, form);
        assert.equal(response.statusCode, 422, `${field} on ${path}`);
        assert.match(response.body, new RegExp(`id="${field}-error"`), `${field} on ${path}`);
      }
      assert.deepEqual(await snapshot(), before);
    });
  }

  it('accepts the same form with the own ids', async () => {
    const response = await coordinator.post(`/verwaltung/${BENSHEIM}/massnahmen/neu`, valid());
    assert.equal(response.statusCode, 303);
    const added = await db.selectFrom('measures').select(['field_id', 'goal_id', 'district_id']).where('title', '=', 'Elternlotsinnen').executeTakeFirstOrThrow();
    assert.deepEqual(added, { field_id: own.field, goal_id: own.goal, district_id: own.district });
  });
});
