/**
 * Security item 19: a trainer who sees a cohort's competence means at five answer pairs and again
 * at six can work out the sixth person's answers. Means are shown only over a closed set, once the
 * "after" phase has closed (four weeks after the cohort's end date).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestApp, type TestApp } from '../support/app.ts';
import { TestClient, visibleText } from '../support/client.ts';
import { answerAssessment, createCohort, createEnrolment, createItem, createProgramme, createSession } from '../support/factories/qualification.ts';
import { createUser, municipalityId, TEST_PASSWORD } from '../support/users.ts';

const DAY = 86_400_000;
const isoDay = (offsetDays: number) => new Date(Date.now() + offsetDays * DAY).toISOString().slice(0, 10);

describe('qualification security: competence means over a closed set only', () => {
  let t: TestApp;
  let trainer: TestClient;
  let cohortId: number;
  let item: number;
  const trainees: Array<{ enrolment: number; client: TestClient }> = [];

  before(async () => {
    t = await startTestApp();
    const db = t.app.services.db;
    const town = await municipalityId(db, '06431001');
    const lead = await createUser(db, { email: 'lead@example.org', roles: [{ role: 'trainer' }] });
    const programme = await createProgramme(db, { title: 'Vielfalt moderieren' });
    item = await createItem(db, programme, 'Ich kann eine Diskussion leiten.');
    // The course ends in ten days; its sessions are over, so the "after" phase is open.
    cohortId = await createCohort(db, { programmeId: programme, title: 'Winter', startsOn: isoDay(-90), endsOn: isoDay(10), trainerIds: [lead.id] });
    await createSession(db, { cohortId, municipalityId: town, title: 'Letzter Termin', startsAt: new Date(Date.now() - 5 * DAY) });
    for (let i = 1; i <= 6; i++) {
      const person = await createUser(db, { email: `trainee${i}@example.org` });
      const enrolment = await createEnrolment(db, { cohortId, userId: person.id, decidedAt: new Date(Date.now() - 80 * DAY) });
      await answerAssessment(db, enrolment, 'before', [[item, 2]], new Date(Date.now() - 70 * DAY));
      const client = new TestClient(t.app.fastify);
      await client.login(person.email, TEST_PASSWORD);
      trainees.push({ enrolment, client });
    }
    trainer = new TestClient(t.app.fastify);
    await trainer.login('lead@example.org', TEST_PASSWORD);
  });
  after(() => t.close());

  const answerAfter = (i: number, score: number) => trainees[i]?.client.post(`/qualifizierung/kohorten/${cohortId}/selbsteinschaetzung/nachher`, { [`item-${item}`]: String(score) });

  it('shows the trainer no means while "after" answers still come in, even with five pairs', async () => {
    for (const [i, score] of [4, 4, 4, 5, 3].entries()) assert.equal((await answerAfter(i, score))?.statusCode, 303);
    const page = await trainer.get(`/kursleitung/kohorten/${cohortId}`);
    assert.equal(page.statusCode, 200);
    const text = visibleText(page.body);
    assert.match(text, /Vorher haben 6, nachher 5 Personen geantwortet/);
    assert.match(text, /Die Durchschnitte erscheinen ab dem/);
    assert.match(text, /Ich kann eine Diskussion leiten\.\s*5\s*–\s*–\s*erscheint nach dem Ende der Einschätzung/);
    assert.doesNotMatch(text, /2,0\s*4,0/, 'no mean before or after');
    assert.doesNotMatch(page.body, /<svg/, 'no chart');
    // The sixth answer changes nothing the trainer can see.
    assert.equal((await answerAfter(5, 1))?.statusCode, 303);
    assert.doesNotMatch(visibleText((await trainer.get(`/kursleitung/kohorten/${cohortId}`)).body), /\+\d,\d/);
  });

  it('shows the means once the phase has closed, and takes no more answers then', async () => {
    const db = t.app.services.db;
    const late = await createUser(db, { email: 'late@example.org' });
    const lateEnrolment = await createEnrolment(db, { cohortId, userId: late.id, decidedAt: new Date(Date.now() - 80 * DAY) });
    await answerAssessment(db, lateEnrolment, 'before', [[item, 5]], new Date(Date.now() - 70 * DAY));
    // Four weeks after the end date have passed.
    await db
      .updateTable('cohorts')
      .set({ ends_on: isoDay(-30) })
      .where('id', '=', cohortId)
      .execute();
    const lateClient = new TestClient(t.app.fastify);
    await lateClient.login('late@example.org', TEST_PASSWORD);
    const refused = await lateClient.post(`/qualifizierung/kohorten/${cohortId}/selbsteinschaetzung/nachher`, { [`item-${item}`]: '5' });
    assert.equal(refused.statusCode, 303);
    assert.match(visibleText((await lateClient.get(String(refused.headers.location))).body), /Frist nach dem Kursende ist vorbei/);
    const stored = await db.selectFrom('self_assessments').select('id').where('enrolment_id', '=', lateEnrolment).where('phase', '=', 'after').execute();
    assert.equal(stored.length, 0, 'a closed set stays closed');
    const text = visibleText((await trainer.get(`/kursleitung/kohorten/${cohortId}`)).body);
    assert.doesNotMatch(text, /Die Durchschnitte erscheinen ab dem/);
    assert.match(text, /Ich kann eine Diskussion leiten\.\s*6\s*2,0\s*3,5\s*\+1,5/, 'six pairs: before 2, after (4+4+4+5+3+1)/6');
  });

  it('answers a trainer of this cohort with 404 for a session or project of another cohort', async () => {
    const db = t.app.services.db;
    const town = await municipalityId(db, '06431001');
    const programme = await createProgramme(db, { title: 'Anderes Programm' });
    const other = await createCohort(db, { programmeId: programme, title: 'Andere Kohorte' });
    const session = await createSession(db, { cohortId: other, municipalityId: town, title: 'Fremder Termin' });
    assert.equal((await trainer.get(`/kursleitung/kohorten/${cohortId}/termine/${session}/anwesenheit`)).statusCode, 404);
    assert.equal((await trainer.post(`/kursleitung/kohorten/${cohortId}/termine/${session}/absagen`, { [`reason-${session}`]: 'Krankheit' })).statusCode, 404);
    assert.equal((await trainer.get(`/kursleitung/kohorten/${other}`)).statusCode, 403, 'a cohort the trainer does not lead');
    assert.equal((await trainer.get('/kursleitung/kohorten/999999')).statusCode, 404);
    const cancelled = await db.selectFrom('events').select('cancelled_at').where('id', '=', session).executeTakeFirstOrThrow();
    assert.equal(cancelled.cancelled_at, null);
  });
});
