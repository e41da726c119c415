/**
 * The Vielfalts-Check over HTTP: a coordinator records baseline and follow-up of an organisation of
 * the town's network, sees the scores, the change and the advice, downloads the result sheet (read
 * back as a PDF reader would); the town's profile; the comparison across towns withholds towns with
 * too few institutions; the office's item changes make new versions that leave old assessments as
 * they were; the facts for monitoring; and what an attacker may try (another town's organisation
 * or assessment, forged levels, huge strings).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Kysely } from 'kysely';
import { DIVERSITY_CHECK_FACTS } from '../../src/modules/diversity-check/facts-repository.ts';
import type { Database } from '../../src/platform/db/schema.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { TestClient, visibleText } from '../support/client.ts';
import { networkFactory } from '../support/factories/network.ts';
import { pdfText } from '../support/pdf.ts';
import { createUser, municipalityId, TEST_PASSWORD } from '../support/users.ts';

const BENSHEIM = '06431002';
const VIERNHEIM = '06431020';
const BASE = `/verwaltung/${BENSHEIM}/vielfalts-check`;

describe('Vielfalts-Check', () => {
  let t: TestApp;
  let db: Kysely<Database>;
  let town: number;
  let foreignTown: number;
  const orgs: Record<string, number> = {};
  let items: Array<{ id: number; dimension: string; text_de: string }>;
  let coordinator: TestClient;
  let foreignCoordinator: TestClient;
  let office: TestClient;
  let funder: TestClient;

  /** Every item at `level`, except those named in `overrides` (by position in the list). */
  const levels = (level: number, overrides: Record<number, number> = {}) => Object.fromEntries(items.map((item, i) => [`level_${item.id}`, String(overrides[i] ?? level)]));

  async function record(client: TestClient, organisationId: number, phase: string, assessedOn: string, answers: Record<string, string>) {
    return client.post(`${BASE}/neu`, { organisationId: String(organisationId), phase, assessedOn, ...answers });
  }

  const idFrom = (location: unknown) => Number(String(location).split('/').at(-1));

  before(async () => {
    t = await startTestApp({ variant: 'reference' });
    db = t.app.services.db;
    town = await municipalityId(db, BENSHEIM);
    foreignTown = await municipalityId(db, VIERNHEIM);
    const f = networkFactory(db, town);
    orgs.school = await f.organisation('Grundschule am Park', { type: 'school' });
    orgs.club = await f.organisation('Turnverein 1886');
    orgs.library = await f.organisation('Stadtbücherei', { type: 'administration' });
    orgs.foreign = await networkFactory(db, foreignTown).organisation('Fremder Verein Viernheim');
    const version = await db.selectFrom('diversity_check_versions').select('id').orderBy('number', 'desc').executeTakeFirstOrThrow();
    items = await db.selectFrom('diversity_check_items').select(['id', 'dimension', 'text_de']).where('version_id', '=', version.id).orderBy('dimension').orderBy('position').execute();

    const accounts = {
      own: await createUser(db, { email: 'koordination@bensheim.test', roles: [{ role: 'coordinator', municipalityId: town }] }),
      other: await createUser(db, { email: 'koordination@viernheim.test', roles: [{ role: 'coordinator', municipalityId: foreignTown }] }),
      office: await createUser(db, { email: 'buero@example.org', roles: [{ role: 'programme_office' }] }),
      funder: await createUser(db, { email: 'foerderer@example.org', roles: [{ role: 'funder' }] }),
    };
    [coordinator, foreignCoordinator, office, funder] = await Promise.all(
      [accounts.own, accounts.other, accounts.office, accounts.funder].map(async (account) => {
        const client = new TestClient(t.app.fastify);
        await client.login(account.email, TEST_PASSWORD);
        return client;
      }),
    );
  });
  after(() => t.close());

  it('ships 21 items of its own wording, three in each of the seven dimensions', () => {
    assert.equal(items.length, 21);
    assert.equal(new Set(items.map((i) => i.dimension)).size, 7);
  });

  it('records a baseline and a follow-up, with the scores per dimension, the index and the change', async () => {
    const baseline = await record(coordinator, orgs.school, 'baseline', '2020-02-10', levels(1));
    assert.equal(baseline.statusCode, 303);
    const baselineId = idFrom(baseline.headers.location);
    // Follow-up: the first dimension's three items from 1 to 3 (+50 points), the rest one level up (+25).
    const followUp = await record(coordinator, orgs.school, 'follow_up', '2022-02-10', levels(2, { 0: 3, 1: 3, 2: 3 }));
    assert.equal(followUp.statusCode, 303);
    const followUpId = idFrom(followUp.headers.location);
    const stored = await db.selectFrom('diversity_check_assessments').select(['id', 'index_score']).where('organisation_id', '=', orgs.school).orderBy('id').execute();
    assert.deepEqual(
      stored.map((s) => s.index_score),
      [25, Math.round(((75 + 6 * 50) / 7) * 10) / 10],
    );

    const page = visibleText((await coordinator.get(`${BASE}/${followUpId}`)).body);
    assert.match(page, /Vielfalts-Check: Grundschule am Park/);
    assert.match(page, /Folgeerhebung vom 10\.02\.2022, Fassung 1 der Fragen/);
    assert.match(page, /\+50/);
    assert.match(page, /Stärken/);
    assert.match(page, /Ersterhebung ansehen/);
    const baselinePage = await coordinator.get(`${BASE}/${baselineId}`);
    assert.equal(baselinePage.statusCode, 200);
  });

  it('prints the result sheet with the scores, the change, strengths and next steps', async () => {
    const row = await db.selectFrom('diversity_check_assessments').select('id').where('organisation_id', '=', orgs.school).where('phase', '=', 'follow_up').executeTakeFirstOrThrow();
    const response = await coordinator.get(`${BASE}/${row.id}/ergebnis.pdf`);
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers['content-type'], 'application/pdf');
    const { pages, text } = await pdfText(response.rawPayload);
    assert.ok(pages >= 1);
    assert.match(text, /Vielfalts-Check – Ergebnisblatt/);
    assert.match(text, /Grundschule am Park/);
    assert.match(text, /Leitung und Steuerung/);
    assert.match(text, /\+50/);
    assert.match(text, /Nächste Schritte/);
    assert.match(text, /Stärken/);
  });

  it('refuses a second baseline, a follow-up without baseline or before it, and keeps what was typed', async () => {
    const again = await record(coordinator, orgs.school, 'baseline', '2020-03-01', levels(2));
    assert.equal(again.statusCode, 422);
    assert.match(visibleText(again.body), /gibt es diese Erhebung schon/);
    const noBaseline = await record(coordinator, orgs.club, 'follow_up', '2022-01-01', levels(2));
    assert.equal(noBaseline.statusCode, 422);
    assert.match(visibleText(noBaseline.body), /zuerst die Ersterhebung/);
    assert.equal((await record(coordinator, orgs.club, 'baseline', '2021-05-01', levels(2))).statusCode, 303);
    const early = await record(coordinator, orgs.club, 'follow_up', '2021-04-01', levels(3));
    assert.equal(early.statusCode, 422);
    assert.match(early.body, /value="2021-04-01"/);
  });

  it('asks for every item and accepts only levels 0 to 4 (forged and huge values are field errors)', async () => {
    const answers = levels(2);
    delete answers[`level_${items[3]?.id}`];
    answers[`level_${items[4]?.id}`] = '7';
    answers[`level_${items[5]?.id}`] = 'x'.repeat(1500);
    const response = await coordinator.post(`${BASE}/neu`, { organisationId: String(orgs.library), phase: 'baseline', assessedOn: '2020-01-01', note: 'n'.repeat(1500), ...answers });
    assert.equal(response.statusCode, 422);
    assert.match(response.body, new RegExp(`id="level_${items[3]?.id}-error"`));
    assert.match(response.body, new RegExp(`id="level_${items[4]?.id}-error"`));
    assert.match(response.body, /id="note-error"/);
    const huge = await coordinator.post(`${BASE}/neu`, { organisationId: '9'.repeat(30), phase: 'sometime', assessedOn: '2020-02-30', ...levels(2) });
    assert.equal(huge.statusCode, 422);
    assert.equal((await db.selectFrom('diversity_check_assessments').select('id').where('organisation_id', '=', orgs.library).execute()).length, 0);
  });

  it('refuses another town: its organisation is a field error, its assessment a 404, its coordinator a 403', async () => {
    const foreign = await record(coordinator, orgs.foreign, 'baseline', '2020-01-01', levels(2));
    assert.equal(foreign.statusCode, 422);
    const own = await db.selectFrom('diversity_check_assessments').select('id').where('organisation_id', '=', orgs.school).executeTakeFirstOrThrow();
    assert.equal((await foreignCoordinator.get(`${BASE}/${own.id}`)).statusCode, 403);
    assert.equal((await foreignCoordinator.get(`/verwaltung/${VIERNHEIM}/vielfalts-check/${own.id}`)).statusCode, 404);
    assert.equal((await foreignCoordinator.get(`/verwaltung/${VIERNHEIM}/vielfalts-check/${own.id}/ergebnis.pdf`)).statusCode, 404);
    assert.equal((await foreignCoordinator.post(`/verwaltung/${VIERNHEIM}/vielfalts-check/${own.id}/loeschen`)).statusCode, 404);
    assert.ok(await db.selectFrom('diversity_check_assessments').select('id').where('id', '=', own.id).executeTakeFirst());
  });

  it("shows the town's profile with the number of institutions per phase", async () => {
    const page = visibleText((await coordinator.get(BASE)).body);
    assert.match(page, /Ersterhebung \(2 Einrichtungen\)/);
    assert.match(page, /Folgeerhebung \(1 Einrichtung\)/);
    assert.match(page, /Grundschule am Park/);
    assert.match(page, /Turnverein 1886/);
  });

  it('withholds a town with fewer than three institutions across towns, and shows it from three on', async () => {
    let page = visibleText((await funder.get('/programmbuero/vielfalts-check')).body);
    assert.match(page, /Bensheim zu wenige Einrichtungen/);
    assert.doesNotMatch(page, /25 \(/);
    assert.equal((await record(coordinator, orgs.library, 'baseline', '2020-03-03', levels(0))).statusCode, 303);
    page = visibleText((await funder.get('/programmbuero/vielfalts-check')).body);
    // Baseline of three institutions: (25 + 50 + 0) / 3 = 25.
    assert.match(page, /Bensheim 25 \(3 Einrichtungen\) zu wenige Einrichtungen/);
    assert.equal((await coordinator.get('/programmbuero/vielfalts-check')).statusCode, 403);
  });

  it('makes a new version when the office changes an item; old assessments keep their wording and the old item is history', async () => {
    const [first] = items;
    assert.ok(first);
    const changed = await office.post(`/programmbuero/vielfalts-check/fragen/${first.id}`, {
      textDe: 'Neuer Wortlaut der ersten Aussage.',
      textEn: 'New wording of the first statement.',
      note: 'klarer',
    });
    assert.equal(changed.statusCode, 303);
    const versions = await db.selectFrom('diversity_check_versions').select(['id', 'number']).orderBy('number').execute();
    assert.deepEqual(
      versions.map((v) => v.number),
      [1, 2],
    );
    const newItems = await db
      .selectFrom('diversity_check_items')
      .select(['id', 'text_de'])
      .where('version_id', '=', versions[1]?.id ?? 0)
      .execute();
    assert.equal(newItems.length, 21);
    assert.ok(newItems.some((i) => i.text_de === 'Neuer Wortlaut der ersten Aussage.'));
    assert.equal((await office.get(`/programmbuero/vielfalts-check/fragen/${first.id}`)).statusCode, 404);
    const old = await db.selectFrom('diversity_check_assessments').select('id').where('organisation_id', '=', orgs.school).where('phase', '=', 'baseline').executeTakeFirstOrThrow();
    const oldPage = visibleText((await coordinator.get(`${BASE}/${old.id}`)).body);
    assert.match(oldPage, /Fassung 1 der Fragen/);
    const form = visibleText((await coordinator.get(`${BASE}/neu`)).body);
    assert.match(form, /Neuer Wortlaut der ersten Aussage/);
    assert.match(form, /Fassung 2/);
    const added = await office.post('/programmbuero/vielfalts-check/fragen', { dimension: 'work', textDe: 'Wir bilden aus.', textEn: 'We train apprentices.' });
    assert.equal(added.statusCode, 303);
    const bad = await office.post('/programmbuero/vielfalts-check/fragen', { dimension: 'astrology', textDe: '', textEn: 'x'.repeat(400) });
    assert.equal(bad.statusCode, 422);
    assert.equal((await db.selectFrom('diversity_check_versions').select('id').execute()).length, 3);
  });

  it('offers monitoring the index, the dimension scores, the change and the improvement per institution', async () => {
    const rowsOf = async (id: string) => {
      const source = DIVERSITY_CHECK_FACTS.find((s) => s.id === id);
      assert.ok(source);
      return (await db.selectFrom(source.rows(db).as('f')).selectAll().where('municipality_id', '=', town).execute()) as Array<Record<string, unknown>>;
    };
    const index = await rowsOf('diversity_check.index');
    assert.equal(index.length, 4);
    assert.ok(index.every((r) => typeof r.day === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(String(r.day))));
    assert.equal((await rowsOf('diversity_check.dimension_scores')).length, 28);
    const change = await rowsOf('diversity_check.index_change');
    assert.equal(change.length, 1);
    assert.equal(Math.round(Number(change[0]?.value) * 10) / 10, Math.round(((75 + 6 * 50) / 7 - 25) * 10) / 10);
    const improved = await rowsOf('diversity_check.improved');
    assert.deepEqual(
      improved.map((r) => r.improved),
      ['yes'],
    );
  });

  it('deletes an assessment of the town, with its answers', async () => {
    const row = await db.selectFrom('diversity_check_assessments').select('id').where('organisation_id', '=', orgs.library).executeTakeFirstOrThrow();
    const response = await coordinator.post(`${BASE}/${row.id}/loeschen`);
    assert.equal(response.statusCode, 303);
    assert.equal((await db.selectFrom('diversity_check_answers').select('item_id').where('assessment_id', '=', row.id).execute()).length, 0);
  });
});
