/**
 * The cohesion survey over HTTP: a coordinator makes a wave from the template in one step, people
 * answer it in their language, and its index per dimension and overall appears only from 10
 * answers per town and period (below: "too few answers", the count withheld) on the town page,
 * the public result, the office's overview and R8 in the monitoring catalogue.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Kysely } from 'kysely';
import { COHESION_ITEMS, score } from '../../src/modules/surveys/cohesion.ts';
import type { Database } from '../../src/platform/db/schema.ts';
import { todayInBerlin } from '../../src/platform/i18n/catalog.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { TestClient, visibleText } from '../support/client.ts';
import { createUser, municipalityId, TEST_PASSWORD } from '../support/users.ts';

const BENSHEIM = '06431002';
const VIERNHEIM = '06431020';

function day(offset: number): string {
  return new Date(new Date(`${todayInBerlin()}T12:00:00Z`).getTime() + offset * 86_400_000).toISOString().slice(0, 10);
}
/** Bensheim's wave is open now; its answers count in the year and quarter of its closing day. */
const OPENS = day(-3);
const CLOSES = day(3);
const YEAR = CLOSES.slice(0, 4);
const QUARTER = `${YEAR}-Q${Math.ceil(Number(CLOSES.slice(5, 7)) / 3)}`;
/** Viernheim's wave closed a year before. */
const EARLIER = String(Number(YEAR) - 1);

describe('cohesion survey', () => {
  let t: TestApp;
  let db: Kysely<Database>;
  let coordinator: TestClient;
  let foreignCoordinator: TestClient;
  let office: TestClient;
  let funder: TestClient;
  let visitor: TestClient;
  let waveId: number;
  let questions: Array<{ id: number; item_key: string | null }>;

  before(async () => {
    t = await startTestApp({ variant: 'reference' });
    db = t.app.services.db;
    const users = {
      coordinator: await createUser(db, { email: 'koordination@bensheim.test', roles: [{ role: 'coordinator', municipalityId: await municipalityId(db, BENSHEIM) }] }),
      foreign: await createUser(db, { email: 'koordination@viernheim.test', roles: [{ role: 'coordinator', municipalityId: await municipalityId(db, VIERNHEIM) }] }),
      office: await createUser(db, { email: 'buero@example.org', roles: [{ role: 'programme_office' }] }),
      funder: await createUser(db, { email: 'foerderer@example.org', roles: [{ role: 'funder' }] }),
    };
    const login = async (email: string) => {
      const client = new TestClient(t.app.fastify);
      await client.login(email, TEST_PASSWORD);
      return client;
    };
    coordinator = await login(users.coordinator.email);
    foreignCoordinator = await login(users.foreign.email);
    office = await login(users.office.email);
    funder = await login(users.funder.email);
    visitor = new TestClient(t.app.fastify);
  });
  after(() => t.close());

  /** One paper answer sheet over HTTP: `level` 1–5 on every agreement item, the discrimination items the other way round. */
  async function paperAnswer(level: number) {
    const body: Record<string, string> = {};
    for (const q of questions) body[`q${q.id}`] = String(COHESION_ITEMS.find((i) => i.key === q.item_key)?.reversed ? 6 - level : level);
    const response = await coordinator.post(`/verwaltung/${BENSHEIM}/umfragen/${waveId}/offline`, body);
    assert.equal(response.statusCode, 303, visibleText(response.body).slice(0, 300));
  }

  it('creates a wave from the template in one step, with the period checked and kept', async () => {
    const wrong = await coordinator.post(`/verwaltung/${BENSHEIM}/zusammenhalt`, { opensOn: '2026-03-31', closesOn: '2026-03-01' });
    assert.equal(wrong.statusCode, 422);
    assert.match(wrong.body, /id="closesOn-error"/);
    assert.match(wrong.body, /value="2026-03-31"/);
    const missing = await coordinator.post(`/verwaltung/${BENSHEIM}/zusammenhalt`, { opensOn: 'gestern' });
    assert.equal(missing.statusCode, 422);

    const created = await coordinator.post(`/verwaltung/${BENSHEIM}/zusammenhalt`, { opensOn: OPENS, closesOn: CLOSES });
    assert.equal(created.statusCode, 303);
    const wave = await db.selectFrom('surveys').selectAll().where('template', '=', 'cohesion').executeTakeFirstOrThrow();
    waveId = wave.id;
    assert.equal(wave.anonymous, true);
    assert.equal(wave.published, true);
    questions = await db.selectFrom('survey_questions').select(['id', 'item_key', 'dimension', 'reversed', 'kind']).where('survey_id', '=', waveId).orderBy('position').execute();
    assert.equal(questions.length, COHESION_ITEMS.length);
    assert.deepEqual(
      questions.map((q) => q.item_key),
      COHESION_ITEMS.map((i) => i.key),
    );
    const audit = await db.selectFrom('audit_log').select('action').where('action', '=', 'survey.cohesion_wave_created').execute();
    assert.equal(audit.length, 1);
  });

  it('keeps the template fixed: no questions added, never personal', async () => {
    const add = await coordinator.post(`/verwaltung/${BENSHEIM}/umfragen/${waveId}/fragen`, { kind: 'text', prompt: 'Noch etwas?' });
    assert.equal(add.statusCode, 422);
    assert.match(visibleText(add.body), /stehen fest/);
    const personal = await coordinator.post(`/verwaltung/${BENSHEIM}/umfragen/${waveId}`, { title: 'Welle', opensOn: OPENS, closesOn: CLOSES, published: 'on' });
    assert.equal(personal.statusCode, 422);
    assert.match(visibleText(personal.body), /immer anonym/);
  });

  it('asks the template items in the reader’s language', async () => {
    await createUser(db, { email: 'mia@example.org' });
    const mia = new TestClient(t.app.fastify);
    await mia.login('mia@example.org', TEST_PASSWORD);
    const german = visibleText((await mia.get(`/umfragen/${waveId}`)).body);
    assert.match(german, /Befragung zum Zusammenhalt in Bensheim/);
    assert.match(german, /Den meisten Menschen in meinem Ort kann man vertrauen/);
    await mia.get('/sprache?lang=tr');
    const text = visibleText((await mia.get(`/umfragen/${waveId}`)).body);
    assert.match(text, /Yaşadığım yerdeki insanların çoğuna güvenilebilir/);
    assert.match(text, /hiç katılmıyorum/);
    assert.doesNotMatch(text, /surveys\.cohesion/);
  });

  it('withholds the index and the count at 9 answers and shows both at 10', async () => {
    for (let i = 0; i < 9; i++) await paperAnswer(i < 5 ? 4 : 3);
    const town = visibleText((await coordinator.get(`/verwaltung/${BENSHEIM}/zusammenhalt`)).body);
    assert.match(town, /Zu wenige Antworten/);
    assert.doesNotMatch(town, /\b9\b/, 'the count of a withheld wave is not shown');
    const result = visibleText((await visitor.get(`/umfragen/${waveId}/ergebnisse`)).body);
    assert.match(result, /Zu wenige Antworten/);
    assert.doesNotMatch(result, /9 Antworten/);
    assert.equal((await visitor.get(`/umfragen/${waveId}/ergebnisse/frage-${questions[0]?.id}.svg`)).statusCode, 404, 'no per-question counts');
    const overview = visibleText((await office.get('/programmbuero/zusammenhalt')).body);
    assert.match(overview, /Bensheim.*Zu wenige Antworten/);
    assert.match(visibleText((await coordinator.get(`/verwaltung/${BENSHEIM}/monitoring?zeitraum=${YEAR}`)).body), /R8 Zusammenhalts-Index – Index/);

    await paperAnswer(2);
    // 5 sheets at 4 (75 each), 4 at 3 (50), 1 at 2 (25): every dimension and the index 60
    const expected = (5 * score(4, false) + 4 * score(3, false) + score(2, false)) / 10;
    assert.equal(expected, 60);
    const shown = visibleText((await coordinator.get(`/verwaltung/${BENSHEIM}/zusammenhalt`)).body);
    assert.doesNotMatch(shown, /Zu wenige Antworten/);
    assert.match(shown, /10 60,0 60,0 60,0 60,0 60,0 60,0/);
    const publicResult = visibleText((await visitor.get(`/umfragen/${waveId}/ergebnisse`)).body);
    assert.match(publicResult, /10 Antworten/);
    assert.match(publicResult, /Erlebte Diskriminierung \(umgekehrt gewertet\) 60,0/);
    assert.match(visibleText((await funder.get('/programmbuero/zusammenhalt')).body), /Bensheim .*10 60,0/);
    assert.match(visibleText((await coordinator.get(`/verwaltung/${BENSHEIM}/monitoring?zeitraum=${YEAR}`)).body), /R8 Zusammenhalts-Index 60,0 Index/);
    assert.match(visibleText((await office.get(`/monitoring?zeitraum=${YEAR}`)).body), /R8 Zusammenhalts-Index 60,0 Index/);
  });

  it('counts a wave in the period of its closing day, and a town below the threshold not at all', async () => {
    const viernheim = await municipalityId(db, VIERNHEIM);
    const created = await foreignCoordinator.post(`/verwaltung/${VIERNHEIM}/zusammenhalt`, { opensOn: `${EARLIER}-05-01`, closesOn: `${EARLIER}-05-31` });
    assert.equal(created.statusCode, 303);
    const wave = await db.selectFrom('surveys').select('id').where('template', '=', 'cohesion').where('municipality_id', '=', viernheim).executeTakeFirstOrThrow();
    const items = await db.selectFrom('survey_questions').select(['id', 'reversed']).where('survey_id', '=', wave.id).execute();
    // the lowest cohesion on every item: do not agree at all, and discrimination very often
    const sheet = Object.fromEntries(items.map((q) => [`q${q.id}`, q.reversed ? '5' : '1']));
    for (let i = 0; i < 3; i++) assert.equal((await foreignCoordinator.post(`/verwaltung/${VIERNHEIM}/umfragen/${wave.id}/offline`, sheet)).statusCode, 303);
    const r8 = async (client: TestClient, path: string) => /R8 Zusammenhalts-Index (\S+) Index/.exec(visibleText((await client.get(path)).body))?.[1];
    // answered today, counted on the closing day: in its quarter and year, not in the one before
    assert.equal(await r8(office, `/monitoring?zeitraum=${QUARTER}`), '60,0');
    assert.equal(await r8(office, `/monitoring?zeitraum=${EARLIER}`), '–', 'three sheets are below the threshold');
    assert.equal(await r8(office, '/monitoring?zeitraum=programm'), '60,0', 'across towns only those from the threshold on');
    assert.equal(await r8(foreignCoordinator, `/verwaltung/${VIERNHEIM}/monitoring?zeitraum=${EARLIER}`), '–');
    for (let i = 0; i < 7; i++) assert.equal((await foreignCoordinator.post(`/verwaltung/${VIERNHEIM}/umfragen/${wave.id}/offline`, sheet)).statusCode, 303);
    // ten sheets at the lowest answer: 0; across both towns the mean of the towns, (60 + 0) / 2
    assert.equal(await r8(foreignCoordinator, `/verwaltung/${VIERNHEIM}/monitoring?zeitraum=${EARLIER}`), '0,0');
    assert.equal(await r8(office, '/monitoring?zeitraum=programm'), '30,0');
  });

  it('keeps another town’s waves and pages closed: 404 for its ids, 403 for its page', async () => {
    const viernheimWave = await db
      .selectFrom('surveys')
      .select('id')
      .where('template', '=', 'cohesion')
      .where('municipality_id', '=', await municipalityId(db, VIERNHEIM))
      .executeTakeFirstOrThrow();
    assert.equal((await coordinator.get(`/verwaltung/${BENSHEIM}/umfragen/${viernheimWave.id}`)).statusCode, 404);
    assert.equal((await coordinator.get(`/verwaltung/${BENSHEIM}/umfragen/${viernheimWave.id}/offline`)).statusCode, 404);
    assert.equal((await coordinator.post(`/verwaltung/${BENSHEIM}/umfragen/${viernheimWave.id}/offline`, {})).statusCode, 404);
    assert.equal((await foreignCoordinator.get(`/verwaltung/${BENSHEIM}/zusammenhalt`)).statusCode, 403);
    assert.equal((await foreignCoordinator.post(`/verwaltung/${BENSHEIM}/zusammenhalt`, { opensOn: '2026-01-01', closesOn: '2026-01-31' })).statusCode, 403);
    assert.equal((await coordinator.get('/verwaltung/09999999/zusammenhalt')).statusCode, 404);
    assert.equal((await coordinator.get('/programmbuero/zusammenhalt')).statusCode, 403);
    assert.equal((await visitor.get(`/verwaltung/${BENSHEIM}/zusammenhalt`)).statusCode, 302);
  });
});
