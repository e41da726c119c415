import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import ical, { type VEvent } from 'node-ical';
import { startTestApp, type TestApp } from '../support/app.ts';
import { TestClient, visibleText } from '../support/client.ts';
import { createUser, municipalityId, TEST_PASSWORD } from '../support/users.ts';

const DAY = 86_400_000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY);

describe('training: late enrolment, cancelled sessions and the competence self-assessment', () => {
  let t: TestApp;
  let tanja: TestClient;
  let cohortId: number;
  let items: number[];
  let programmeId: number;
  const trainees: Array<{ id: number; enrolment: number; client: TestClient }> = [];
  let lena: { id: number; enrolment: number; client: TestClient };

  before(async () => {
    t = await startTestApp();
    const db = t.app.services.db;
    const town = await municipalityId(db, '06431001');
    const trainer = await createUser(db, { email: 'tanja@example.org', displayName: 'Tanja Trainerin', roles: [{ role: 'trainer' }] });
    const programme = await db
      .insertInto('qualification_programmes')
      .values({ kind: 'moderation', title: 'Moderation lernen', published: true, min_attendance_percent: 80, requires_project: false })
      .returning('id')
      .executeTakeFirstOrThrow();
    programmeId = programme.id;
    items = [];
    for (const statement of ['Ich kann eine Diskussion leiten.', 'Ich kann Konflikte ansprechen.']) {
      items.push(
        (
          await db
            .insertInto('competence_items')
            .values({ programme_id: programme.id, statement, position: items.length + 1 })
            .returning('id')
            .executeTakeFirstOrThrow()
        ).id,
      );
    }
    cohortId = (
      await db.insertInto('cohorts').values({ programme_id: programme.id, title: 'Herbst', starts_on: '2026-09-01', ends_on: '2026-12-31', capacity: 20 }).returning('id').executeTakeFirstOrThrow()
    ).id;
    await db.insertInto('cohort_trainers').values({ cohort_id: cohortId, user_id: trainer.id }).execute();
    const enrol = async (email: string, name: string, acceptedDaysAgo: number) => {
      const user = await createUser(db, { email, displayName: name });
      const enrolment = await db
        .insertInto('enrolments')
        .values({ cohort_id: cohortId, user_id: user.id, motivation: 'Ich möchte moderieren lernen.', status: 'approved', decided_at: daysAgo(acceptedDaysAgo) })
        .returning('id')
        .executeTakeFirstOrThrow();
      const client = new TestClient(t.app.fastify);
      await client.login(email, TEST_PASSWORD);
      return { id: user.id, enrolment: enrolment.id, client };
    };
    for (let i = 1; i <= 6; i++) trainees.push(await enrol(`person${i}@example.org`, `Person ${i}`, 60));
    // Lena joined late: 25 days ago, after three sessions had taken place.
    lena = await enrol('lena@example.org', 'Lena Spät', 25);
    for (const days of [50, 40, 30, 20, 10, 15]) {
      await db
        .insertInto('events')
        .values({
          municipality_id: town,
          title: `Termin vor ${days} Tagen`,
          format: 'training',
          mode: 'in_person',
          starts_at: daysAgo(days),
          ends_at: new Date(daysAgo(days).getTime() + 3 * 3_600_000),
          capacity: 20,
          cohort_id: cohortId,
          cancelled_at: days === 15 ? daysAgo(16) : null,
          cancel_reason: days === 15 ? 'Raum nicht verfügbar' : '',
        })
        .execute();
    }
    tanja = new TestClient(t.app.fastify);
    await tanja.login('tanja@example.org', TEST_PASSWORD);
  });
  after(() => t.close());

  async function sessionStart(days: number): Promise<Date> {
    return (await t.app.services.db.selectFrom('events').select('starts_at').where('title', '=', `Termin vor ${days} Tagen`).executeTakeFirstOrThrow()).starts_at;
  }

  async function sessionId(days: number): Promise<number> {
    return (await t.app.services.db.selectFrom('events').select('id').where('title', '=', `Termin vor ${days} Tagen`).executeTakeFirstOrThrow()).id;
  }

  it('counts for a late trainee only the sessions after acceptance, plus any they attended before', async () => {
    const present = (ids: number[]) => ({ present: ids.map(String) });
    // Lena came once as a guest before she was accepted (40 days ago); then 20 days ago; not 10 days ago.
    assert.equal((await tanja.post(`/kursleitung/kohorten/${cohortId}/termine/${await sessionId(40)}/anwesenheit`, present([lena.enrolment]))).statusCode, 303);
    assert.equal((await tanja.post(`/kursleitung/kohorten/${cohortId}/termine/${await sessionId(20)}/anwesenheit`, present([lena.enrolment]))).statusCode, 303);
    assert.equal((await tanja.post(`/kursleitung/kohorten/${cohortId}/termine/${await sessionId(10)}/anwesenheit`, present([]))).statusCode, 303);
    assert.equal((await tanja.post(`/kursleitung/kohorten/${cohortId}/termine/${await sessionId(15)}/anwesenheit`, present([lena.enrolment]))).statusCode, 303);
    const page = visibleText((await lena.client.get(`/qualifizierung/kohorten/${cohortId}`)).body);
    assert.match(page, /2 von 3 Terminen besucht \(66 %\); nötig: 3/, '40 and 20 days ago attended; 10 days ago counted; 50 and 30 days ago not; the cancelled one not');
    assert.match(page, /Abschluss noch nicht erreicht/);
    assert.match(page, /vor Ihrer Aufnahme, zählt nicht/);
    assert.match(page, /abgesagt, zählt nicht/);
    const ontime = visibleText((await trainees[0]?.client.get(`/qualifizierung/kohorten/${cohortId}`))?.body ?? '');
    assert.match(ontime, /0 von 5 Terminen besucht \(0 %\); nötig: 4/, 'accepted in time: all five held sessions count');
    const calendar = await lena.client.get(`/qualifizierung/kohorten/${cohortId}/termine.ics`);
    assert.match(String(calendar.headers['content-type']), /^text\/calendar/);
    const entries = Object.values(ical.sync.parseICS(calendar.body)).filter((c): c is VEvent => c?.type === 'VEVENT');
    assert.equal(entries.length, 6);
    assert.equal(entries.find((e) => e.summary === 'Termin vor 15 Tagen')?.status, 'CANCELLED');
    const seconds = (date: Date | undefined) => Math.floor((date?.getTime() ?? 0) / 1000);
    assert.equal(seconds(entries.find((e) => e.summary === 'Termin vor 20 Tagen')?.start), seconds(await sessionStart(20)), 'the instant as stored, to the second');
    assert.equal((await tanja.get(`/qualifizierung/kohorten/${cohortId}/termine.ics`)).statusCode, 404, 'only the trainee’s own calendar');
    const attendance = await t.app.services.db
      .selectFrom('session_attendance')
      .select('event_id')
      .where('event_id', '=', await sessionId(15))
      .execute();
    assert.equal(attendance.length, 0, 'a cancelled session takes no attendance');
  });

  it('keeps the self-assessment to its windows and to complete answers', async () => {
    const [first] = trainees as [(typeof trainees)[0]];
    const tooLate = await first.client.post(`/qualifizierung/kohorten/${cohortId}/selbsteinschaetzung/vorher`, { [`item-${items[0]}`]: '3', [`item-${items[1]}`]: '3' });
    assert.equal(tooLate.statusCode, 303, 'sessions have begun: "before" is closed');
    assert.match(visibleText((await first.client.get(String(tooLate.headers.location))).body), /erster Termin hat schon begonnen/);
    const incomplete = await first.client.post(`/qualifizierung/kohorten/${cohortId}/selbsteinschaetzung/nachher`, { [`item-${items[0]}`]: '4' });
    assert.equal(incomplete.statusCode, 422);
    assert.match(visibleText(incomplete.body), /Bitte wählen Sie einen Wert von 1 bis 5/);
    assert.match(incomplete.body, new RegExp(`id="item-${items[0]}-4"[^>]*checked`), 'the chosen value stays');
    assert.equal((await first.client.post(`/qualifizierung/kohorten/${cohortId}/selbsteinschaetzung/nachher`, { [`item-${items[0]}`]: '9', [`item-${items[1]}`]: '3' })).statusCode, 422);
  });

  it('shows the change per item only from five people with both answers, as chart and table', async () => {
    const db = t.app.services.db;
    const beforeScores = [2, 2, 3, 3, 2, 1];
    const afterScores = [4, 4, 4, 5, 3];
    // The "before" answers were given before the first session; they are written directly here.
    for (const [i, trainee] of trainees.entries()) {
      const { id } = await db
        .insertInto('self_assessments')
        .values({ enrolment_id: trainee.enrolment, phase: 'before', submitted_at: daysAgo(55) })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db
        .insertInto('self_assessment_answers')
        .values([
          { assessment_id: id, item_id: items[0] as number, score: beforeScores[i] as number },
          { assessment_id: id, item_id: items[1] as number, score: 3 },
        ])
        .execute();
    }
    const answerAfter = (i: number) =>
      trainees[i]?.client.post(`/qualifizierung/kohorten/${cohortId}/selbsteinschaetzung/nachher`, { [`item-${items[0]}`]: String(afterScores[i]), [`item-${items[1]}`]: '3' });
    // The first person sends twice at once: one answer.
    const twice = await Promise.all([answerAfter(0), answerAfter(0)]);
    assert.deepEqual(
      twice.map((r) => r?.statusCode),
      [303, 303],
    );
    for (const i of [1, 2, 3]) assert.equal((await answerAfter(i))?.statusCode, 303);
    const four = visibleText((await tanja.get(`/kursleitung/kohorten/${cohortId}`)).body);
    assert.match(four, /Vorher haben 6, nachher 4 Personen geantwortet/);
    assert.match(four, /Ich kann eine Diskussion leiten\.\s*<5\s*–\s*–\s*weniger als 5 Antworten/);
    assert.doesNotMatch((await tanja.get(`/kursleitung/kohorten/${cohortId}`)).body, /<svg/, 'no chart below five pairs');

    assert.equal((await answerAfter(4))?.statusCode, 303);
    const live = visibleText((await tanja.get(`/kursleitung/kohorten/${cohortId}`)).body);
    assert.match(live, /Ich kann eine Diskussion leiten\.\s*5\s*–\s*–\s*erscheint nach dem Ende der Einschätzung/, 'five pairs, but answers may still come in');
    // Four weeks after the cohort's end date the "after" phase is closed and the means appear.
    await db
      .updateTable('cohorts')
      .set({ ends_on: daysAgo(40).toISOString().slice(0, 10) })
      .where('id', '=', cohortId)
      .execute();
    const five = await tanja.get(`/kursleitung/kohorten/${cohortId}`);
    const text = visibleText(five.body);
    assert.match(text, /Vorher haben 6, nachher 5 Personen geantwortet/);
    assert.match(text, /Ich kann eine Diskussion leiten\.\s*5\s*2,4\s*4,0\s*\+1,6/, 'means of the five pairs; the sixth (before only) is left out');
    assert.match(text, /Ich kann Konflikte ansprechen\.\s*5\s*3,0\s*3,0\s*\+0,0/);
    assert.match(five.body, /role="img" aria-label="Balkendiagramm[^"]*"[^>]*><svg/);
    const again = await trainees[0]?.client.post(`/qualifizierung/kohorten/${cohortId}/selbsteinschaetzung/nachher`, { [`item-${items[0]}`]: '1', [`item-${items[1]}`]: '1' });
    assert.equal(again?.statusCode, 303);
    assert.match(visibleText((await trainees[0]?.client.get(String(again?.headers.location)))?.body ?? ''), /schon abgegeben/);
    const stored = await db.selectFrom('self_assessments').select('id').where('phase', '=', 'after').execute();
    assert.equal(stored.length, 5);

    await createUser(db, { email: 'buero@example.org', roles: [{ role: 'programme_office' }] });
    const office = new TestClient(t.app.fastify);
    await office.login('buero@example.org', TEST_PASSWORD);
    const refused = await office.post(`/programmbuero/qualifizierung/${programmeId}/kompetenzen/${items[0]}/loeschen`);
    assert.equal(refused.statusCode, 303);
    assert.match(visibleText((await office.get(String(refused.headers.location))).body), /schon beantwortet und bleibt/);
    assert.equal((await db.selectFrom('competence_items').select('id').where('programme_id', '=', programmeId).execute()).length, 2, 'an answered statement is not deleted');
  });

  it('puts attendance, project and self-assessment in the own export, and keeps only numbers after deletion', async () => {
    const db = t.app.services.db;
    await lena.client.post(`/qualifizierung/kohorten/${cohortId}/praxisprojekt`, { goal: 'Elterncafé im Stadtteil aufbauen', organisation: 'Familienzentrum', action: 'draft' });
    const exported = JSON.parse((await lena.client.get('/konto/export')).body) as Record<string, { training: { attendance: Array<{ attended: boolean }>; projects: Array<{ goal: string }> } }>;
    const training = Object.values(exported).find((v) => v && typeof v === 'object' && 'training' in v)?.training;
    assert.deepEqual(
      training?.attendance.map((a) => a.attended),
      [true, true, false],
      '40 and 20 days ago present, 10 days ago absent',
    );
    assert.equal(training?.projects[0]?.goal, 'Elterncafé im Stadtteil aufbauen');
    assert.equal((await lena.client.post('/konto/loeschen', { password: TEST_PASSWORD })).statusCode, 303);
    const project = await db.selectFrom('practice_projects').select(['goal', 'organisation', 'status']).where('enrolment_id', '=', lena.enrolment).executeTakeFirstOrThrow();
    assert.deepEqual(project, { goal: '–', organisation: '', status: 'draft' });
    const attendance = await db.selectFrom('session_attendance').select('attended').where('enrolment_id', '=', lena.enrolment).execute();
    assert.equal(attendance.length, 3, 'attendance stays for the cohort’s numbers, without the person');
  });
});
