import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { pdfText } from '../support/pdf.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { TestClient, visibleText } from '../support/client.ts';
import { startSmtpServer } from '../support/smtp.ts';
import { createUser, municipalityId, TEST_PASSWORD } from '../support/users.ts';

describe('qualification: programmes, cohorts, applications', () => {
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let t: TestApp;
  let office: TestClient;
  let ayse: TestClient;
  let jonas: TestClient;
  let visitor: TestClient;
  let programmeId: number;
  let cohortId: number;
  let trainerId: number;

  before(async () => {
    smtp = await startSmtpServer();
    t = await startTestApp({ env: { SMTP_URL: smtp.url } });
    const db = t.app.services.db;
    await createUser(db, { email: 'buero@example.org', roles: [{ role: 'programme_office' }] });
    trainerId = (await createUser(db, { email: 'trainerin@example.org', displayName: 'Tanja Trainerin', roles: [{ role: 'trainer' }] })).id;
    await createUser(db, { email: 'ayse@example.org', displayName: 'Ayşe Kaya' });
    await createUser(db, { email: 'jonas@example.org', displayName: 'Jonas Weber' });
    office = new TestClient(t.app.fastify);
    await office.login('buero@example.org', TEST_PASSWORD);
    ayse = new TestClient(t.app.fastify);
    await ayse.login('ayse@example.org', TEST_PASSWORD);
    jonas = new TestClient(t.app.fastify);
    await jonas.login('jonas@example.org', TEST_PASSWORD);
    visitor = new TestClient(t.app.fastify);
  });
  after(async () => {
    await t.close();
    await smtp.close();
  });

  it('lets the programme office describe a programme with modules; the public sees it once published', async () => {
    const missingGroup = await office.post('/programmbuero/qualifizierung', { kind: 'multiplier', title: 'Vielfalt im Verein', minAttendancePercent: '80', requiresProject: 'on' });
    assert.equal(missingGroup.statusCode, 422);
    assert.match(visibleText(missingGroup.body), /braucht eine Zielgruppe/);
    assert.match(missingGroup.body, /value="Vielfalt im Verein"/);
    const created = await office.post('/programmbuero/qualifizierung', {
      kind: 'multiplier',
      targetGroup: 'club_boards',
      title: 'Vielfalt im Verein',
      minAttendancePercent: '80',
      requiresProject: 'on',
    });
    assert.equal(created.statusCode, 303);
    programmeId = Number(/qualifizierung\/(\d+)$/.exec(String(created.headers.location))?.[1]);
    assert.equal((await visitor.get(`/qualifizierung/${programmeId}`)).statusCode, 404, 'not published yet');
    assert.equal((await office.post(`/programmbuero/qualifizierung/${programmeId}/module`, { moduleTitle: 'Grundlagen', hours: 'viele' })).statusCode, 422);
    assert.equal((await office.post(`/programmbuero/qualifizierung/${programmeId}/module`, { moduleTitle: 'Grundlagen', learningGoals: 'Begriffe kennen', hours: '4,5' })).statusCode, 303);
    assert.equal((await office.post(`/programmbuero/qualifizierung/${programmeId}/module`, { moduleTitle: 'Vorstand und Satzung', hours: '3' })).statusCode, 303);
    assert.equal(
      (
        await office.post(`/programmbuero/qualifizierung/${programmeId}`, {
          kind: 'multiplier',
          targetGroup: 'club_boards',
          title: 'Vielfalt im Verein',
          minAttendancePercent: '80',
          requiresProject: 'on',
          published: 'on',
        })
      ).statusCode,
      303,
    );
    const page = visibleText((await visitor.get(`/qualifizierung/${programmeId}`)).body);
    assert.match(page, /Multiplikatoren-Schulung – Vereinsvorstände/);
    assert.match(page, /mindestens 80 % der Termine besucht und ein angenommenes Praxisprojekt/);
    assert.match(page, /Stunden insgesamt\s*7,5/);
    assert.match(visibleText((await visitor.get('/qualifizierung')).body), /2 Module, 7,5 Stunden/);
  });

  it('creates a cohort with a trainer; only accounts with the trainer role can lead it', async () => {
    const bad = await office.post(`/programmbuero/qualifizierung/${programmeId}/kohorten`, { cohortTitle: 'Frühjahr', startsOn: '2027-03-01', endsOn: '2027-02-01', capacity: '1' });
    assert.equal(bad.statusCode, 422);
    assert.match(bad.body, /value="Frühjahr"/);
    const created = await office.post(`/programmbuero/qualifizierung/${programmeId}/kohorten`, {
      cohortTitle: 'Frühjahr 2027',
      region: 'Südhessen',
      startsOn: '2027-03-01',
      endsOn: '2027-06-30',
      capacity: '1',
    });
    assert.equal(created.statusCode, 303);
    cohortId = Number(/kohorten\/(\d+)$/.exec(String(created.headers.location))?.[1]);
    const participant = await t.app.services.db.selectFrom('users').select('id').where('email', '=', 'jonas@example.org').executeTakeFirstOrThrow();
    assert.equal((await office.post(`/programmbuero/qualifizierung/kohorten/${cohortId}/trainer`, { trainerId: String(participant.id) })).statusCode, 422);
    assert.equal((await office.post(`/programmbuero/qualifizierung/kohorten/${cohortId}/trainer`, { trainerId: String(trainerId) })).statusCode, 303);
    assert.match(visibleText((await office.get(`/programmbuero/qualifizierung/kohorten/${cohortId}`)).body), /Tanja Trainerin/);
    assert.match(visibleText((await visitor.get(`/qualifizierung/${programmeId}`)).body), /Frühjahr 2027 Südhessen/);
  });

  it('takes one application per person, and the office decides within the places, telling people by mail', async () => {
    const short = await ayse.post(`/qualifizierung/kohorten/${cohortId}/bewerbung`, { motivation: 'Ich will.' });
    assert.equal(short.statusCode, 422);
    assert.match(short.body, /Ich will\./);
    const motivation = 'Ich bin Vorsitzende im Sportverein und möchte mehr Familien aus allen Kulturen einbinden.';
    const [first, second] = await Promise.all([
      ayse.post(`/qualifizierung/kohorten/${cohortId}/bewerbung`, { motivation }),
      ayse.post(`/qualifizierung/kohorten/${cohortId}/bewerbung`, { motivation }),
    ]);
    assert.deepEqual([first.statusCode, second.statusCode], [303, 303]);
    const rows = await t.app.services.db.selectFrom('enrolments').select('id').where('cohort_id', '=', cohortId).execute();
    assert.equal(rows.length, 1, 'the same person twice at once is one application');
    assert.match(visibleText((await ayse.get(`/qualifizierung/kohorten/${cohortId}/bewerbung`)).body), /Sie haben sich am .* beworben/);
    await jonas.post(`/qualifizierung/kohorten/${cohortId}/bewerbung`, { motivation: 'Ich bilde in einem Handwerksbetrieb aus und suche Ideen.' });
    assert.equal((await visitor.post(`/qualifizierung/kohorten/${cohortId}/bewerbung`, { motivation })).statusCode, 401);

    const list = await office.get(`/programmbuero/qualifizierung/kohorten/${cohortId}`);
    const ids = [...list.body.matchAll(/bewerbungen\/(\d+)"/g)].map((m) => Number(m[1]));
    assert.equal(ids.length, 2);
    const [ayseId, jonasId] = ids as [number, number];
    assert.equal((await office.post(`/programmbuero/qualifizierung/kohorten/${cohortId}/bewerbungen/${ayseId}`, { decision: 'approve', [`note-${ayseId}`]: 'Willkommen!' })).statusCode, 303);
    const full = await office.post(`/programmbuero/qualifizierung/kohorten/${cohortId}/bewerbungen/${jonasId}`, { decision: 'approve' });
    assert.equal(full.statusCode, 303);
    assert.match(visibleText((await office.get(`/programmbuero/qualifizierung/kohorten/${cohortId}`)).body), /Die Kohorte ist voll/);
    assert.equal(
      (await office.post(`/programmbuero/qualifizierung/kohorten/${cohortId}/bewerbungen/${jonasId}`, { decision: 'reject', [`note-${jonasId}`]: 'Bitte im Herbst wieder.' })).statusCode,
      303,
    );
    assert.equal((await office.post(`/programmbuero/qualifizierung/kohorten/${cohortId}/bewerbungen/${jonasId}`, { decision: 'approve' })).statusCode, 303, 'decided already: a message, no change');

    while ((await t.app.deliverMail()) > 0) {}
    const toAyse = smtp.mails.filter((m) => m.to === 'ayse@example.org');
    const toJonas = smtp.mails.filter((m) => m.to === 'jonas@example.org');
    assert.equal(toAyse.length, 1);
    assert.match(toAyse[0]?.subject ?? '', /Bewerbung angenommen: Vielfalt im Verein/);
    assert.match(toAyse[0]?.text ?? '', /Willkommen!/);
    assert.equal(toJonas.length, 1);
    assert.match(toJonas[0]?.text ?? '', /nicht annehmen[\s\S]*Bitte im Herbst wieder/);
    assert.match(visibleText((await jonas.get(`/qualifizierung/kohorten/${cohortId}/bewerbung`)).body), /leider abgelehnt/);
  });

  it('lets accepted multipliers record their reach and the office see totals per target group', async () => {
    // Jonas was declined above: he is no multiplier; Ayşe was accepted into a multiplier training.
    assert.equal((await jonas.get('/qualifizierung/meine-wirkung')).statusCode, 403);
    assert.equal((await jonas.post('/qualifizierung/meine-wirkung', { occurredOn: '2026-10-01', description: 'Vortrag', targetGroup: 'club_boards', peopleReached: '10' })).statusCode, 403);
    assert.match(visibleText((await ayse.get('/qualifizierung')).body), /Meine Wirkung als Multiplikator:in/);
    const future = await ayse.post('/qualifizierung/meine-wirkung', { occurredOn: '2099-01-01', description: 'Workshop im Vorstand', targetGroup: 'club_boards', peopleReached: '12' });
    assert.equal(future.statusCode, 422);
    assert.match(visibleText(future.body), /nicht in der Zukunft/);
    assert.match(future.body, /Workshop im Vorstand/);
    assert.equal(
      (await ayse.post('/qualifizierung/meine-wirkung', { occurredOn: '2026-10-01', description: 'Workshop im Vorstand', targetGroup: 'club_boards', peopleReached: 'zwölf' })).statusCode,
      422,
    );
    assert.equal(
      (await ayse.post('/qualifizierung/meine-wirkung', { occurredOn: '2026-10-01', description: 'Workshop im Vorstand', targetGroup: 'club_boards', peopleReached: '12' })).statusCode,
      303,
    );
    assert.equal((await ayse.post('/qualifizierung/meine-wirkung', { occurredOn: '2026-11-02', description: 'Infoabend für Eltern', targetGroup: 'other', peopleReached: '30' })).statusCode, 303);
    const page = await ayse.get('/qualifizierung/meine-wirkung');
    assert.match(visibleText(page.body), /2 Aktivitäten, 42 Personen erreicht/);
    const reach = visibleText((await office.get('/programmbuero/qualifizierung/wirkung')).body);
    assert.match(reach, /Vereinsvorstände\s*1\s*1\s*12/);
    assert.match(reach, /Andere\s*1\s*1\s*30/);
    assert.match(reach, /Erreichte Personen insgesamt\s*42/);
    assert.equal((await ayse.get('/programmbuero/qualifizierung/wirkung')).statusCode, 403);
    const id = /meine-wirkung\/(\d+)\/loeschen/.exec(page.body)?.[1];
    assert.equal((await jonas.post(`/qualifizierung/meine-wirkung/${id}/loeschen`)).statusCode, 404, 'only one’s own entries');
    assert.equal((await ayse.post(`/qualifizierung/meine-wirkung/${id}/loeschen`)).statusCode, 303);
    assert.match(visibleText((await ayse.get('/qualifizierung/meine-wirkung')).body), /1 Aktivität, \d+ Personen erreicht/);
  });

  it('gives the cohort to its trainer only; sessions, attendance and the practice project decide the certificate', async () => {
    const db = t.app.services.db;
    await createUser(db, { email: 'anderer-trainer@example.org', displayName: 'Otto Anders', roles: [{ role: 'trainer' }] });
    const tanja = new TestClient(t.app.fastify);
    await tanja.login('trainerin@example.org', TEST_PASSWORD);
    const otto = new TestClient(t.app.fastify);
    await otto.login('anderer-trainer@example.org', TEST_PASSWORD);
    const base = `/kursleitung/kohorten/${cohortId}`;
    assert.match(visibleText((await tanja.get('/kursleitung')).body), /Vielfalt im Verein: Frühjahr 2027/);
    assert.match(visibleText((await otto.get('/kursleitung')).body), /noch keine Kohorte zugeordnet/);
    assert.equal((await otto.get(base)).statusCode, 403, 'a trainer of no cohort here sees nothing of it');
    assert.equal((await ayse.get('/kursleitung')).statusCode, 403);
    // Ayşe was accepted 60 days ago, so the sessions below all count for her.
    await db
      .updateTable('enrolments')
      .set({ decided_at: new Date(Date.now() - 60 * 86_400_000) })
      .where('cohort_id', '=', cohortId)
      .where('status', '=', 'approved')
      .execute();

    const town = { id: await municipalityId(db, '06431001') };
    await db
      .insertInto('programme_participations')
      .values({ municipality_id: town.id, joined_on: '2026-01-01', cohort_label: 'Test' })
      .onConflict((oc) => oc.doNothing())
      .execute();
    const local = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
    const wrong = await tanja.post(`${base}/termine`, { municipalityId: String(town.id), startsAt: `${local(-50)}T10:00`, endsAt: `${local(-50)}T09:00`, mode: 'in_person', venue: 'Bürgerhaus Nord' });
    assert.equal(wrong.statusCode, 422);
    assert.match(wrong.body, /value="Bürgerhaus Nord"/);
    for (const days of [-50, -40, -30, -20, -10, 10]) {
      const created = await tanja.post(`${base}/termine`, {
        municipalityId: String(town.id),
        startsAt: `${local(days)}T10:00`,
        endsAt: `${local(days)}T16:00`,
        mode: 'in_person',
        venue: 'Bürgerhaus',
      });
      assert.equal(created.statusCode, 303);
    }
    assert.equal((await otto.post(`${base}/termine`, { municipalityId: String(town.id), startsAt: `${local(5)}T10:00`, endsAt: `${local(5)}T12:00`, mode: 'online' })).statusCode, 403);
    const sessions = await db.selectFrom('events').select(['id', 'starts_at']).where('cohort_id', '=', cohortId).orderBy('starts_at').execute();
    assert.equal(sessions.length, 6);
    assert.doesNotMatch(visibleText((await visitor.get('/veranstaltungen')).body), /Frühjahr 2027/, 'sessions are not public events');
    const coordinator = new TestClient(t.app.fastify);
    await createUser(db, { email: 'koordination@bensheim.example.org', roles: [{ role: 'coordinator', municipalityId: town.id }] });
    await coordinator.login('koordination@bensheim.example.org', TEST_PASSWORD);
    const ags = (await db.selectFrom('municipalities').select('ags').where('id', '=', town.id).executeTakeFirstOrThrow()).ags;
    assert.equal((await coordinator.get(`/verwaltung/${ags}/veranstaltungen/${sessions[0]?.id}`)).statusCode, 404, 'the town’s workspace cannot edit or publish a session');
    assert.equal((await coordinator.get(`/veranstaltungen/${sessions[0]?.id}`)).statusCode, 404);
    const future = sessions[5]?.id as number;
    assert.equal((await tanja.post(`${base}/termine/${future}/anwesenheit`, { present: [] })).statusCode, 303);
    assert.equal(await db.selectFrom('session_attendance').select('event_id').where('event_id', '=', future).executeTakeFirst(), undefined, 'no attendance before a session starts');
    assert.equal((await tanja.post(`${base}/termine/${future}/absagen`, { [`reason-${future}`]: 'Referentin erkrankt' })).statusCode, 303);

    const enrolment = await db.selectFrom('enrolments').select('id').where('cohort_id', '=', cohortId).where('status', '=', 'approved').executeTakeFirstOrThrow();
    const issueUrl = `/programmbuero/qualifizierung/kohorten/${cohortId}/bewerbungen/${enrolment.id}/zertifikat`;
    const mark = async (index: number, present: boolean) => {
      const response = await tanja.post(`${base}/termine/${sessions[index]?.id}/anwesenheit`, present ? { present: String(enrolment.id) } : {});
      assert.equal(response.statusCode, 303);
    };
    for (const index of [0, 1, 2]) await mark(index, true);
    await mark(3, false);
    assert.equal((await otto.post(`${base}/termine/${sessions[3]?.id}/anwesenheit`, { present: String(enrolment.id) })).statusCode, 403);
    assert.match(visibleText((await ayse.get(`/qualifizierung/kohorten/${cohortId}`)).body), /3 von 5 Terminen besucht \(60 %\); nötig: 4/);
    assert.doesNotMatch((await office.get(`/programmbuero/qualifizierung/kohorten/${cohortId}`)).body, /zertifikat"/, 'no button while the rule is not met');
    assert.equal((await office.post(issueUrl)).statusCode, 303);
    assert.equal((await db.selectFrom('certificates').select('id').execute()).length, 0, 'issuing is refused before completion');

    await mark(4, true);
    const progress = visibleText((await ayse.get(`/qualifizierung/kohorten/${cohortId}`)).body);
    assert.match(progress, /4 von 5 Terminen besucht \(80 %\)/, 'exactly 80 %; the cancelled session does not count');
    assert.match(progress, /Anwesenheit: erfüllt/);
    assert.match(progress, /Praxisprojekt: noch nicht angenommen/);
    assert.match(progress, /abgesagt, zählt nicht/);
    assert.equal((await office.post(issueUrl)).statusCode, 303);
    assert.equal((await db.selectFrom('certificates').select('id').execute()).length, 0, 'the project is still missing');

    const short = await ayse.post(`/qualifizierung/kohorten/${cohortId}/praxisprojekt`, { goal: 'Kurz', steps: 'Elternabend planen', action: 'submit' });
    assert.equal(short.statusCode, 422);
    assert.match(short.body, /Elternabend planen/);
    const project = { goal: 'Mehr Familien aus allen Kulturen im Verein', organisation: 'TSV Beispielstadt', steps: 'Elternabend, mehrsprachige Flyer', result: 'Zwölf neue Mitglieder' };
    assert.equal((await ayse.post(`/qualifizierung/kohorten/${cohortId}/praxisprojekt`, { ...project, action: 'draft' })).statusCode, 303);
    assert.equal((await jonas.get(`/qualifizierung/kohorten/${cohortId}/praxisprojekt`)).statusCode, 404, 'only accepted trainees have a project here');
    assert.equal((await ayse.post(`/qualifizierung/kohorten/${cohortId}/praxisprojekt`, { ...project, action: 'submit' })).statusCode, 303);
    const projectId = (await db.selectFrom('practice_projects').select('id').where('enrolment_id', '=', enrolment.id).executeTakeFirstOrThrow()).id;
    assert.equal((await otto.get(`${base}/praxisprojekte/${projectId}`)).statusCode, 403);
    const noReason = await tanja.post(`${base}/praxisprojekte/${projectId}`, { decision: 'changes_requested', comment: '' });
    assert.equal(noReason.statusCode, 422);
    assert.equal((await tanja.post(`${base}/praxisprojekte/${projectId}`, { decision: 'changes_requested', comment: 'Bitte das Ergebnis mit Zahlen belegen.' })).statusCode, 303);
    assert.match(visibleText((await ayse.get(`/qualifizierung/kohorten/${cohortId}/praxisprojekt`)).body), /Änderungen erbeten[\s\S]*Bitte das Ergebnis mit Zahlen belegen/);
    assert.equal((await ayse.post(`/qualifizierung/kohorten/${cohortId}/praxisprojekt`, { ...project, result: 'Zwölf neue Mitglieder, davon acht Kinder', action: 'submit' })).statusCode, 303);
    assert.equal((await tanja.post(`${base}/praxisprojekte/${projectId}`, { decision: 'approved', comment: 'Sehr gut umgesetzt.' })).statusCode, 303);
    assert.equal((await tanja.post(`${base}/praxisprojekte/${projectId}`, { decision: 'approved' })).statusCode, 303, 'decided already: a message, no second decision');
    assert.equal((await ayse.post(`/qualifizierung/kohorten/${cohortId}/praxisprojekt`, { ...project, action: 'submit' })).statusCode, 303);
    assert.equal(
      (await db.selectFrom('practice_projects').select('result').where('id', '=', projectId).executeTakeFirstOrThrow()).result,
      'Zwölf neue Mitglieder, davon acht Kinder',
      'an approved project stays as approved',
    );
    assert.match(visibleText((await ayse.get(`/qualifizierung/kohorten/${cohortId}`)).body), /Abschluss erreicht/);
    assert.match(visibleText((await tanja.get(base)).body), /Ayşe Kaya\s*4 von 5 Terminen besucht \(80 %\); nötig: 4\s*angenommen\s*Abschluss erreicht/);

    while ((await t.app.deliverMail()) > 0) {}
    const toAyse = smtp.mails.filter((m) => m.to === 'ayse@example.org').map((m) => m.subject);
    assert.ok(
      toAyse.some((s) => /^Termin abgesagt/.test(s ?? '')),
      'the cancellation reaches the trainee',
    );
    assert.ok(toAyse.some((s) => /Bitte überarbeiten Sie Ihr Praxisprojekt/.test(s ?? '')));
    assert.ok(toAyse.some((s) => /Ihr Praxisprojekt ist angenommen/.test(s ?? '')));
  });

  it('issues a certificate once, lets anyone verify it by code, and shows a revocation', async () => {
    const cohortPage = await office.get(`/programmbuero/qualifizierung/kohorten/${cohortId}`);
    const issueUrl = /action="(\/programmbuero\/qualifizierung\/kohorten\/\d+\/bewerbungen\/\d+\/zertifikat)"/.exec(cohortPage.body)?.[1];
    assert.ok(issueUrl, 'the accepted participant can be certified');
    assert.match(visibleText(cohortPage.body), /Zertifikat ausstellen für Ayşe Kaya/);
    assert.doesNotMatch(visibleText(cohortPage.body), /Zertifikat ausstellen für Jonas Weber/, 'declined people get none');
    assert.equal((await office.post(issueUrl)).statusCode, 303);
    assert.equal((await office.post(issueUrl)).statusCode, 303);
    const certificates = await t.app.services.db.selectFrom('certificates').select(['code', 'holder_name', 'total_hours']).execute();
    assert.equal(certificates.length, 1, 'once per participant');
    const code = certificates[0]?.code as string;
    assert.match(code, /^[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$/);

    const check = visibleText((await visitor.get(`/zertifikate?code=${code.toLowerCase().replaceAll('-', '')}`).then((r) => visitor.get(String(r.headers.location)))).body);
    assert.match(check, /Das Zertifikat ist echt und gültig/);
    assert.match(check, /Ausgestellt für Ayşe Kaya über „Vielfalt im Verein“/);
    assert.doesNotMatch(check, /ayse@example\.org|Sportverein/, 'nothing more than name, programme and date');
    const unknown = await visitor.get('/zertifikate/AAAA-BBBB-CCCC');
    assert.equal(unknown.statusCode, 404);
    assert.match(visibleText(unknown.body), /nicht bekannt/);

    assert.match(String((await visitor.get(`/zertifikate/${code}/pdf`)).headers.location), /^\/anmelden/);
    assert.equal((await jonas.get(`/zertifikate/${code}/pdf`)).statusCode, 404, 'only the holder and the office');
    const pdf = await ayse.get(`/zertifikate/${code}/pdf`);
    assert.equal(pdf.headers['content-type'], 'application/pdf');
    const { text } = await pdfText(pdf.rawPayload);
    assert.match(text, /Ayşe Kaya/);
    assert.match(text, /Vielfalt im Verein/);
    assert.match(text, /Grundlagen \(4,5 Stunden\)/);
    assert.match(text, /Stunden insgesamt: 7,5/);
    assert.ok(text.includes(code) && text.includes(`/zertifikate/${code}`));

    assert.equal((await office.post(`/programmbuero/qualifizierung/zertifikate/${code}/widerrufen`, { [`reason-${code}`]: '' })).statusCode, 303);
    assert.match(visibleText((await visitor.get(`/zertifikate/${code}`)).body), /echt und gültig/, 'no reason, no revocation');
    assert.equal((await office.post(`/programmbuero/qualifizierung/zertifikate/${code}/widerrufen`, { [`reason-${code}`]: 'Ausgestellt aus Versehen' })).statusCode, 303);
    const revoked = visibleText((await visitor.get(`/zertifikate/${code}`)).body);
    assert.match(revoked, /wurde am .* widerrufen und ist nicht mehr gültig/);
    assert.doesNotMatch(revoked, /Versehen/, 'the reason stays internal');
  });
});
