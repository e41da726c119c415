/**
 * Drill-down and the Vielfalts-Check profile over HTTP: on a town's dashboard each counted figure
 * links to the records behind it (the list its source module declares), for the town's coordinator
 * and the office; the funder never gets such a link. The town dashboard shows the mean score per
 * dimension of the town's baseline and follow-up assessments.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Kysely } from 'kysely';
import type { Database } from '../../src/platform/db/schema.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { TestClient, visibleText } from '../support/client.ts';
import { addRegistration, createEvent } from '../support/factories/events.ts';
import { createUser, municipalityId, TEST_PASSWORD } from '../support/users.ts';

const BENSHEIM = '06431002';

describe('monitoring drill-down and Vielfalts-Check profile', () => {
  let t: TestApp;
  let db: Kysely<Database>;
  let office: TestClient;
  let funder: TestClient;
  let coordinator: TestClient;

  before(async () => {
    t = await startTestApp({ variant: 'reference' });
    db = t.app.services.db;
    const town = await municipalityId(db, BENSHEIM);
    await db.insertInto('programme_participations').values({ municipality_id: town, joined_on: '2025-01-01', cohort_label: '2025' }).execute();
    const event = await createEvent(db, { municipalityId: town, startsAt: new Date('2025-03-10T16:00:00Z') });
    for (let i = 0; i < 6; i++) await addRegistration(db, event, { email: `person${i}@example.org`, attended: true });
    const version = await db.selectFrom('diversity_check_versions').select('id').orderBy('id').executeTakeFirstOrThrow();
    for (const [name, scores] of [
      ['Rathaus Bensheim', [25, 50]],
      ['Sportverein', [75, 75]],
    ] as const) {
      const org = await db
        .insertInto('network_organisations')
        .values({ municipality_id: town, name, type: 'club' } as never)
        .returning('id')
        .executeTakeFirstOrThrow();
      for (const [i, phase] of (['baseline', 'follow_up'] as const).entries()) {
        const score = scores[i] as number;
        const a = await db
          .insertInto('diversity_check_assessments')
          .values({ municipality_id: town, organisation_id: org.id, version_id: version.id, phase, assessed_on: i === 0 ? '2025-02-01' : '2025-10-01', index_score: score } as never)
          .returning('id')
          .executeTakeFirstOrThrow();
        await db.insertInto('diversity_check_scores').values({ assessment_id: a.id, dimension: 'leadership', score }).execute();
      }
    }
    const users = {
      office: await createUser(db, { email: 'buero@example.org', roles: [{ role: 'programme_office' }] }),
      funder: await createUser(db, { email: 'foerderer@example.org', roles: [{ role: 'funder' }] }),
      coordinator: await createUser(db, { email: 'koordination@bensheim.test', roles: [{ role: 'coordinator', municipalityId: town }] }),
    };
    office = new TestClient(t.app.fastify);
    await office.login(users.office.email, TEST_PASSWORD);
    funder = new TestClient(t.app.fastify);
    await funder.login(users.funder.email, TEST_PASSWORD);
    coordinator = new TestClient(t.app.fastify);
    await coordinator.login(users.coordinator.email, TEST_PASSWORD);
  });
  after(() => t.close());

  it('links the figures of a town to the records behind them for its coordinator', async () => {
    const res = await coordinator.get(`/verwaltung/${BENSHEIM}/monitoring?zeitraum=2025`);
    assert.equal(res.statusCode, 200);
    assert.match(res.body, new RegExp(`<a class="kern-link" href="/verwaltung/${BENSHEIM}/veranstaltungen" aria-label="6: Datensätze hinter O1 ansehen">6</a>`));
    assert.match(res.body, new RegExp(`href="/verwaltung/${BENSHEIM}/veranstaltungen" aria-label="1: Datensätze hinter O7 ansehen"`));
    assert.match(res.body, new RegExp(`href="/verwaltung/${BENSHEIM}/beteiligung" aria-label="0: Datensätze hinter O5 ansehen"`));
    assert.doesNotMatch(res.body, /Datensätze hinter R5/, 'a figure without records behind it has no link');
    assert.equal((await coordinator.get(`/verwaltung/${BENSHEIM}/veranstaltungen`)).statusCode, 200, 'the link leads to a page the coordinator may open');
  });

  it('links the office at the level of one town, and never the funder', async () => {
    const officePage = await office.get(`/monitoring?zeitraum=2025&ebene=kommune:${BENSHEIM}`);
    assert.match(officePage.body, new RegExp(`href="/verwaltung/${BENSHEIM}/veranstaltungen" aria-label="6: Datensätze hinter O1 ansehen"`));
    assert.doesNotMatch((await office.get('/monitoring?zeitraum=2025')).body, /Datensätze hinter/, 'no drill-down across towns');
    assert.equal((await office.post('/monitoring/berichte/2025', { decision: 'approved' })).statusCode, 303);
    for (const path of ['/monitoring?zeitraum=2025', `/monitoring?zeitraum=2025&ebene=kommune:${BENSHEIM}`]) {
      const page = await funder.get(path);
      assert.equal(page.statusCode, 200);
      assert.doesNotMatch(page.body, /href="\/verwaltung\//, `no link to records for the funder on ${path}`);
    }
  });

  it("shows the town's Vielfalts-Check profile per dimension with baseline, follow-up and change", async () => {
    const text = visibleText((await coordinator.get(`/verwaltung/${BENSHEIM}/monitoring?zeitraum=2025`)).body);
    assert.match(text, /Vielfalts-Check: Profil der Kommune/);
    assert.match(text, /Leitung und Steuerung[^0-9]*50 \(2\)\s*63 \(2\)\s*13/);
    const early = visibleText((await coordinator.get(`/verwaltung/${BENSHEIM}/monitoring?zeitraum=2025-Q1`)).body);
    assert.match(early, /Leitung und Steuerung[^0-9]*50 \(2\)\s*–\s*–/, 'only assessments up to the end of the period');
  });
});
