import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { UserActor } from '../../src/platform/access/actor.ts';
import { surveyService } from '../../src/modules/surveys/service.ts';
import { todayInBerlin } from '../../src/platform/i18n/catalog.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { TestClient, visibleText } from '../support/client.ts';
import { createUser, municipalityId, TEST_PASSWORD } from '../support/users.ts';

const BENSHEIM = '06431002';

function day(offset: number): string {
  return new Date(new Date(`${todayInBerlin()}T12:00:00Z`).getTime() + offset * 86_400_000).toISOString().slice(0, 10);
}

describe('surveys', () => {
  let t: TestApp;
  let coordinator: TestClient;
  let mia: TestClient;
  let visitor: TestClient;
  let surveyId: number;
  let q: Record<string, number>;
  let miaId: number;

  before(async () => {
    t = await startTestApp();
    const db = t.app.services.db;
    await createUser(db, { email: 'koordination@bensheim.test', roles: [{ role: 'coordinator', municipalityId: await municipalityId(db, BENSHEIM) }] });
    await createUser(db, { email: 'koordination@viernheim.test', roles: [{ role: 'coordinator', municipalityId: await municipalityId(db, '06431020') }] });
    miaId = (await createUser(db, { email: 'mia@example.org' })).id;
    await db
      .insertInto('programme_participations')
      .values({ municipality_id: await municipalityId(db, BENSHEIM), joined_on: '2026-01-01', cohort_label: '' })
      .execute();
    coordinator = new TestClient(t.app.fastify);
    await coordinator.login('koordination@bensheim.test', TEST_PASSWORD);
    mia = new TestClient(t.app.fastify);
    await mia.login('mia@example.org', TEST_PASSWORD);
    visitor = new TestClient(t.app.fastify);
  });
  after(() => t.close());

  it('builds a survey with every question type and publishes it', async () => {
    const wrong = await coordinator.post(`/verwaltung/${BENSHEIM}/umfragen`, { title: 'Zusammenhalt', opensOn: day(5), closesOn: day(1), anonymous: 'on' });
    assert.equal(wrong.statusCode, 422);
    assert.match(wrong.body, /id="closesOn-error"/);
    const created = await coordinator.post(`/verwaltung/${BENSHEIM}/umfragen`, { title: 'Zusammenhalt in Bensheim', opensOn: day(-1), closesOn: day(10), anonymous: 'on' });
    surveyId = Number(/umfragen\/(\d+)$/.exec(String(created.headers.location))?.[1]);
    const base = `/verwaltung/${BENSHEIM}/umfragen/${surveyId}/fragen`;
    const oneOption = await coordinator.post(base, { kind: 'single', prompt: 'Wie lange wohnen Sie hier?', options: 'nur eine' });
    assert.equal(oneOption.statusCode, 422);
    assert.match(visibleText(oneOption.body), /mindestens zwei Antwortmöglichkeiten/);
    await coordinator.post(base, { kind: 'single', prompt: 'Wie lange wohnen Sie hier?', options: 'unter 5 Jahre\n5 bis 20 Jahre\nüber 20 Jahre', required: 'on' });
    await coordinator.post(base, { kind: 'multiple', prompt: 'Wo treffen Sie Nachbarn?', options: 'Verein\nSchule\nMarkt' });
    await coordinator.post(base, { kind: 'scale', prompt: 'Wie wohl fühlen Sie sich?', options: 'gar nicht\nsehr', required: 'on' });
    await coordinator.post(base, { kind: 'number', prompt: 'Wie viele Nachbarn kennen Sie?' });
    await coordinator.post(base, { kind: 'text', prompt: 'Was wünschen Sie sich?' });
    const questions = await t.app.services.db.selectFrom('survey_questions').select(['id', 'kind']).where('survey_id', '=', surveyId).orderBy('position').execute();
    q = Object.fromEntries(questions.map((x) => [x.kind, x.id]));
    assert.equal(questions.length, 5);
    assert.equal((await visitor.get(`/umfragen/${surveyId}`)).statusCode, 404, 'unpublished');
    await coordinator.post(`/verwaltung/${BENSHEIM}/umfragen/${surveyId}`, { title: 'Zusammenhalt in Bensheim', opensOn: day(-1), closesOn: day(10), anonymous: 'on', published: 'on' });
    assert.match(visibleText((await visitor.get(`/umfragen/${surveyId}`)).body), /Bitte melden Sie sich an/);
    assert.match(visibleText((await visitor.get(`/kommunen/${BENSHEIM}`)).body), /Offene Umfragen Zusammenhalt in Bensheim/);
  });

  it('explains missing and invalid answers next to the question and keeps the others', async () => {
    const response = await mia.post(`/umfragen/${surveyId}`, { [`q${q.multiple}`]: ['0', '7'], [`q${q.number}`]: 'viele', [`q${q.text}`]: 'Mehr Feste' });
    assert.equal(response.statusCode, 422);
    assert.match(response.body, new RegExp(`id="q${q.single}-error"[\\s\\S]*?Bitte füllen Sie dieses Feld aus`));
    assert.match(response.body, new RegExp(`id="q${q.multiple}-error"`));
    assert.match(response.body, new RegExp(`id="q${q.number}-error"[\\s\\S]*?Zahl`));
    assert.match(response.body, />Mehr Feste<\/textarea>/);
    assert.match(response.body, new RegExp(`id="q${q.multiple}-0" name="q${q.multiple}" value="0" checked`));
  });

  it('stores an anonymous answer without the account and lets each person answer once, also in parallel', async () => {
    const answer = { [`q${q.single}`]: '1', [`q${q.multiple}`]: ['0', '2'], [`q${q.scale}`]: '4', [`q${q.number}`]: '12', [`q${q.text}`]: '=SUMME(A1) mehr Bänke' };
    const service = surveyService(t.app.services);
    const actor: UserActor = { kind: 'user', userId: miaId, displayName: 'Mia', email: 'mia@example.org', emailVerified: true, isDemo: false, grants: [] };
    const results = await Promise.allSettled([service.submit(actor, surveyId, answer), service.submit(actor, surveyId, answer)]);
    assert.deepEqual(results.map((r) => r.status).sort(), ['fulfilled', 'rejected']);
    const responses = await t.app.services.db.selectFrom('survey_responses').select('user_id').where('survey_id', '=', surveyId).execute();
    assert.deepEqual(responses, [{ user_id: null }]);
    const again = await mia.post(`/umfragen/${surveyId}`, answer);
    assert.match(visibleText((await mia.get(String(again.headers.location))).body), /schon teilgenommen/);
  });

  it('shows results as tables with a chart each; free text only after release', async () => {
    const other = await createUser(t.app.services.db, { email: 'ben@example.org' });
    const ben = new TestClient(t.app.fastify);
    await ben.login(other.email, TEST_PASSWORD);
    assert.equal((await ben.post(`/umfragen/${surveyId}`, { [`q${q.single}`]: '1', [`q${q.scale}`]: '2', [`q${q.number}`]: '3,5' })).statusCode, 303);
    const results = await visitor.get(`/umfragen/${surveyId}/ergebnisse`);
    const text = visibleText(results.body);
    assert.match(text, /2 Antworten/);
    assert.match(text, /5 bis 20 Jahre 2/);
    assert.match(text, /Verein 1 Schule 0 Markt 1/);
    assert.match(text, /5 – sehr 0/);
    assert.match(text, /2 Antworten, Mittelwert 7,8, kleinster Wert 3,5, größter Wert 12/);
    assert.doesNotMatch(text, /mehr Bänke/);
    const chart = await visitor.get(`/umfragen/${surveyId}/ergebnisse/frage-${q.single}.svg`);
    assert.equal(chart.statusCode, 200);
    assert.match(chart.body, /^<svg[\s\S]*5 bis 20 Jahre/);
    const texts = await coordinator.get(`/verwaltung/${BENSHEIM}/umfragen/${surveyId}/freitexte`);
    const answerId = /freitexte\/(\d+)\/freigeben/.exec(texts.body)?.[1];
    assert.ok(answerId);
    await coordinator.post(`/verwaltung/${BENSHEIM}/umfragen/${surveyId}/freitexte/${answerId}/freigeben`);
    assert.match(visibleText((await visitor.get(`/umfragen/${surveyId}/ergebnisse`)).body), /=SUMME\(A1\) mehr Bänke/);
  });

  it('exports the answers as CSV and XLSX without live formulas', async () => {
    const csv = await coordinator.get(`/verwaltung/${BENSHEIM}/umfragen/${surveyId}/export/antworten.csv`);
    const rows = parse(csv.body.replace(/^\uFEFF/, ''), { columns: true, delimiter: ';' }) as Array<Record<string, string>>;
    assert.equal(rows.length, 2);
    assert.equal(rows[0]?.['Offline eingegangen'], 'Nein');
    assert.equal(rows[0]?.['Was wünschen Sie sich?'], "'=SUMME(A1) mehr Bänke");
    assert.equal(rows[0]?.['Wo treffen Sie Nachbarn?'], 'Verein; Markt');
    const xlsx = await coordinator.get(`/verwaltung/${BENSHEIM}/umfragen/${surveyId}/export/antworten.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    assert.equal(sheet?.rowCount, 3);
    assert.equal(sheet?.getRow(1).getCell(4).value, 'Wie lange wohnen Sie hier?');
  });

  it('enters answers from a paper form as offline responses', async () => {
    const page = `/verwaltung/${BENSHEIM}/umfragen/${surveyId}/offline`;
    const missing = await coordinator.post(page, { [`q${q.single}`]: '2' });
    assert.equal(missing.statusCode, 422);
    assert.match(missing.body, new RegExp(`id="q${q.scale}-error"`));
    assert.equal((await coordinator.post(page, { [`q${q.single}`]: '2', [`q${q.scale}`]: '5' })).statusCode, 303);
    const offline = await t.app.services.db.selectFrom('survey_responses').select(['offline', 'user_id']).where('survey_id', '=', surveyId).where('offline', '=', true).execute();
    assert.deepEqual(offline, [{ offline: true, user_id: null }]);
    const csv = await coordinator.get(`/verwaltung/${BENSHEIM}/umfragen/${surveyId}/export/antworten.csv`);
    const rows = parse(csv.body.replace(/^\uFEFF/, ''), { columns: true, delimiter: ';' }) as Array<Record<string, string>>;
    assert.equal(rows.filter((r) => r['Offline eingegangen'] === 'Ja').length, 1);
    assert.match(visibleText((await visitor.get(`/umfragen/${surveyId}/ergebnisse`)).body), /3 Antworten/);
  });

  it('links a survey to a process of the same town only', async () => {
    const db = t.app.services.db;
    const own = await db
      .insertInto('participation_processes')
      .values({ municipality_id: await municipalityId(db, BENSHEIM), title: 'Ideen', description: '', field_id: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    const foreign = await db
      .insertInto('participation_processes')
      .values({ municipality_id: await municipalityId(db, '06431020'), title: 'Fremd', description: '', field_id: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    const wrong = await coordinator.post(`/verwaltung/${BENSHEIM}/umfragen`, { title: 'Rückmeldung', opensOn: day(0), closesOn: day(5), processId: String(foreign.id) });
    assert.equal(wrong.statusCode, 422);
    assert.match(wrong.body, /id="processId-error"/);
    assert.equal((await coordinator.post(`/verwaltung/${BENSHEIM}/umfragen`, { title: 'Rückmeldung', opensOn: day(0), closesOn: day(5), processId: String(own.id) })).statusCode, 303);
    const linked = await db.selectFrom('surveys').select('process_id').where('title', '=', 'Rückmeldung').executeTakeFirstOrThrow();
    assert.equal(linked.process_id, own.id);
  });

  it('refuses answers when closed and keeps other towns out', async () => {
    await coordinator.post(`/verwaltung/${BENSHEIM}/umfragen/${surveyId}`, { title: 'Zusammenhalt in Bensheim', opensOn: day(-10), closesOn: day(-1), anonymous: 'on', published: 'on' });
    const late = await createUser(t.app.services.db, { email: 'spaet@example.org' });
    const client = new TestClient(t.app.fastify);
    await client.login(late.email, TEST_PASSWORD);
    assert.match(visibleText((await client.get(`/umfragen/${surveyId}`)).body), /zurzeit nicht geöffnet/);
    const refused = await client.post(`/umfragen/${surveyId}`, { [`q${q.single}`]: '0', [`q${q.scale}`]: '3' });
    assert.match(visibleText((await client.get(String(refused.headers.location))).body), /nicht geöffnet/);
    const foreign = new TestClient(t.app.fastify);
    await foreign.login('koordination@viernheim.test', TEST_PASSWORD);
    assert.equal((await foreign.get(`/verwaltung/${BENSHEIM}/umfragen/${surveyId}`)).statusCode, 403);
    assert.equal((await foreign.get(`/verwaltung/06431020/umfragen/${surveyId}`)).statusCode, 404);
  });
});
