import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import type { Database } from '../../src/platform/db/schema.ts';
import { answerSurvey, createSurvey } from '../support/factories/surveys.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { TestClient } from '../support/client.ts';
import { createUser, municipalityId, TEST_PASSWORD } from '../support/users.ts';

const BENSHEIM = '06431002';
const VIERNHEIM = '06431020';
const FORMULA = '=HYPERLINK("http://example.org/x","Hier klicken")';

describe('surveys: exports and ids of other surveys', () => {
  let t: TestApp;
  let db: Kysely<Database>;
  let coordinator: TestClient;
  let coordinatorId: number;
  let bensheimId: number;
  let personal: { id: number; questions: number[] };
  let foreign: { id: number; questions: number[] };

  before(async () => {
    t = await startTestApp();
    db = t.app.services.db;
    bensheimId = await municipalityId(db, BENSHEIM);
    coordinatorId = (await createUser(db, { email: 'koordination@bensheim.test', roles: [{ role: 'coordinator', municipalityId: bensheimId }] })).id;
    coordinator = new TestClient(t.app.fastify);
    await coordinator.login('koordination@bensheim.test', TEST_PASSWORD);
    const mia = await createUser(db, { email: 'mia@example.org', displayName: 'Mia Muster' });
    personal = await createSurvey(db, {
      municipalityId: bensheimId,
      title: 'Persönliche Umfrage',
      anonymous: false,
      questions: [
        { kind: 'text', prompt: FORMULA },
        { kind: 'single', prompt: '+Wie oft?', options: ['oft', 'selten'] },
      ],
    });
    await answerSurvey(db, personal.id, [{ questionId: personal.questions[0] as number, text: 'Antwort' }], mia.id);
    foreign = await createSurvey(db, { municipalityId: await municipalityId(db, VIERNHEIM), title: 'Fremd' });
  });
  after(() => t.close());

  it('neutralises a question prompt that starts a formula in the CSV header', async () => {
    const response = await coordinator.get(`/verwaltung/${BENSHEIM}/umfragen/${personal.id}/export/antworten.csv`);
    assert.equal(response.statusCode, 200);
    const [header] = parse(response.body.replace(/^\uFEFF/, ''), { delimiter: ';' }) as string[][];
    assert.equal(header?.[3], `'${FORMULA}`);
    assert.equal(header?.[4], "'+Wie oft?");
  });

  it('neutralises it in the XLSX header too', async () => {
    const response = await coordinator.get(`/verwaltung/${BENSHEIM}/umfragen/${personal.id}/export/antworten.xlsx`);
    assert.equal(response.statusCode, 200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const row = workbook.worksheets[0]?.getRow(1);
    assert.equal(row?.getCell(4).value, `'${FORMULA}`);
    assert.equal(row?.getCell(5).value, "'+Wie oft?");
  });

  it('records every export of the answers in the audit log, in the same request', async () => {
    const entries = () =>
      db.selectFrom('audit_log').select(['actor_user_id', 'entity_type', 'entity_id', 'municipality_id', 'after']).where('action', '=', 'survey.answers_exported').orderBy('id').execute();
    const before = (await entries()).length;
    assert.equal((await coordinator.get(`/verwaltung/${BENSHEIM}/umfragen/${personal.id}/export/antworten.csv`)).statusCode, 200);
    assert.equal((await coordinator.get(`/verwaltung/${BENSHEIM}/umfragen/${personal.id}/export/antworten.xlsx`)).statusCode, 200);
    const added = (await entries()).slice(before);
    assert.equal(added.length, 2);
    for (const [index, format] of ['csv', 'xlsx'].entries()) {
      const entry = added[index];
      assert.deepEqual([entry?.actor_user_id, entry?.entity_type, entry?.entity_id, entry?.municipality_id], [coordinatorId, 'survey', String(personal.id), bensheimId]);
      assert.deepEqual(entry?.after, { format, responses: 1, anonymous: false });
    }
    assert.equal((await coordinator.get(`/verwaltung/${BENSHEIM}/umfragen/${foreign.id}/export/antworten.csv`)).statusCode, 404);
    assert.equal((await coordinator.get(`/verwaltung/${BENSHEIM}/umfragen/${personal.id}/export/antworten.pdf`)).statusCode, 404);
    assert.equal((await entries()).length, before + 2, 'a refused export is not recorded as one');
  });

  it('refuses an answer to a question of another survey with a field error and stores nothing', async () => {
    const ben = await createUser(db, { email: 'ben@example.org' });
    const client = new TestClient(t.app.fastify);
    await client.login(ben.email, TEST_PASSWORD);
    const responses = () => db.selectFrom('survey_responses').select('id').where('survey_id', 'in', [personal.id, foreign.id]).execute();
    const before = (await responses()).length;
    const foreignField = `q${foreign.questions[0]}`;
    const refused = await client.post(`/umfragen/${personal.id}`, { [`q${personal.questions[0]}`]: 'Meine Antwort', [foreignField]: '0' });
    assert.equal(refused.statusCode, 422);
    assert.match(refused.body, /id="error-summary"/);
    assert.match(refused.body, new RegExp(`href="#${foreignField}"`));
    assert.equal((await responses()).length, before);
    const offline = await coordinator.post(`/verwaltung/${BENSHEIM}/umfragen/${personal.id}/offline`, { [`q${personal.questions[0]}`]: 'Papier', [foreignField]: '1' });
    assert.equal(offline.statusCode, 422);
    assert.equal((await responses()).length, before);
  });

  it('finds a question or free-text answer id only in its own survey, even once answers lock the questions', async () => {
    const questions = () => db.selectFrom('survey_questions').select('id').where('survey_id', '=', foreign.id).execute();
    const before = await questions();
    const deleted = await coordinator.post(`/verwaltung/${BENSHEIM}/umfragen/${personal.id}/fragen/${foreign.questions[0]}/loeschen`);
    assert.equal(deleted.statusCode, 404);
    assert.deepEqual(await questions(), before);
    const text = await answerSurvey(db, foreign.id, [{ questionId: foreign.questions[0] as number, text: 'fremd' }]);
    const released = await coordinator.post(`/verwaltung/${BENSHEIM}/umfragen/${personal.id}/freitexte/${text.answers[0]}/freigeben`);
    assert.equal(released.statusCode, 404);
    const answer = await db
      .selectFrom('survey_answers')
      .select('text_approved')
      .where('id', '=', text.answers[0] as number)
      .executeTakeFirstOrThrow();
    assert.equal(answer.text_approved, false);
  });
});
