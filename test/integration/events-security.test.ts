import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import { cancellationToken } from '../../src/modules/events/tokens.ts';
import type { Database } from '../../src/platform/db/schema.ts';
import { addRegistration, createEvent } from '../support/factories/events.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { TestClient, visibleText } from '../support/client.ts';
import { linkIn, startSmtpServer } from '../support/smtp.ts';
import { createUser, municipalityId, TEST_PASSWORD } from '../support/users.ts';

const BENSHEIM = '06431002';
const LINK = 'https://meet.example.org/geheimer-raum';

describe('events: meeting links, exports, registration answers, cancellation, feedback form', () => {
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let t: TestApp;
  let db: Kysely<Database>;
  let town: number;
  let coordinatorId: number;
  let coordinator: TestClient;
  let visitor: TestClient;
  let mia: TestClient;
  let miaId: number;

  const guest = (name: string, email: string) => ({ name, email, privacy: 'on' });
  const mailsTo = async (address: string) => {
    while ((await t.app.deliverMail()) > 0) {}
    return smtp.mails.filter((m) => m.to === address);
  };
  /** Everything a mail carries: its text and its attachments. */
  const contentOf = (mail: { text: string; attachments: Array<{ content: Buffer }> } | undefined) => [mail?.text ?? '', ...(mail?.attachments ?? []).map((a) => a.content.toString('utf8'))].join('\n');
  const registration = (id: number) => db.selectFrom('event_registrations').select(['status', 'attended', 'checked_in_at']).where('id', '=', id).executeTakeFirstOrThrow();

  before(async () => {
    smtp = await startSmtpServer();
    t = await startTestApp({ env: { SMTP_URL: smtp.url, GUEST_REGISTRATIONS_PER_MINUTE: '0' } });
    db = t.app.services.db;
    town = await municipalityId(db, BENSHEIM);
    coordinatorId = (await createUser(db, { email: 'koordination@bensheim.test', roles: [{ role: 'coordinator', municipalityId: town }] })).id;
    miaId = (await createUser(db, { email: 'mia@example.org', displayName: 'Mia Muster' })).id;
    coordinator = new TestClient(t.app.fastify);
    await coordinator.login('koordination@bensheim.test', TEST_PASSWORD);
    mia = new TestClient(t.app.fastify);
    await mia.login('mia@example.org', TEST_PASSWORD);
    visitor = new TestClient(t.app.fastify);
  });
  after(async () => {
    await t.close();
    await smtp.close();
  });

  it('keeps the meeting link out of the public calendar files and the waiting-list mail, and gives it to confirmed people', async () => {
    const id = await createEvent(db, { municipalityId: town, title: 'Online-Sprechstunde', mode: 'online', onlineUrl: LINK, capacity: 1 });
    const single = await visitor.get(`/veranstaltungen/${id}/termin.ics`);
    assert.equal(single.statusCode, 200);
    assert.ok(!single.body.includes(LINK), 'the public termin.ics has no meeting link');
    const feed = await visitor.get(`/kommunen/${BENSHEIM}/veranstaltungen.ics`);
    assert.match(feed.body, /Online-Sprechstunde/);
    assert.ok(!feed.body.includes(LINK), "the town's feed has no meeting link");

    assert.equal((await visitor.post(`/veranstaltungen/${id}/anmeldung`, guest('Erste Person', 'erste@example.org'))).statusCode, 303);
    assert.equal((await visitor.post(`/veranstaltungen/${id}/anmeldung`, guest('Zweite Person', 'zweite@example.org'))).statusCode, 303);
    const [confirmed] = await mailsTo('erste@example.org');
    assert.match(confirmed?.subject ?? '', /Anmeldung bestätigt/);
    assert.ok(confirmed?.text.includes(LINK), 'the confirmation names the link');
    assert.ok(
      confirmed?.attachments.some((a) => a.content.toString('utf8').includes(LINK)),
      'and so does its calendar file',
    );
    const [waiting] = await mailsTo('zweite@example.org');
    assert.match(waiting?.subject ?? '', /Warteliste/);
    assert.ok(!contentOf(waiting).includes(LINK), 'the waiting list does not get the link');

    assert.equal((await visitor.post(linkIn(confirmed?.text ?? '', '/veranstaltungen/abmeldung/'))).statusCode, 303);
    const cancelled = (await mailsTo('erste@example.org')).at(-1);
    assert.match(cancelled?.subject ?? '', /Abmeldung bestätigt/);
    assert.ok(!contentOf(cancelled).includes(LINK), 'a cancellation does not repeat the link');
    const promoted = (await mailsTo('zweite@example.org')).at(-1);
    assert.match(promoted?.subject ?? '', /Ein Platz ist frei geworden/);
    assert.ok(promoted?.text.includes(LINK), 'the promotion mail gives the link');
  });

  it('exports registrations without sex, age group or third-country citizenship, and records every personal-data export', async () => {
    const id = await createEvent(db, { municipalityId: town, title: 'Export ohne Statistik' });
    assert.equal((await visitor.post(`/veranstaltungen/${id}/anmeldung`, { ...guest('Aylin Demir', 'aylin@example.org'), sex: 'female', ageGroup: '25_54', thirdCountry: 'yes' })).statusCode, 303);
    const stored = await db.selectFrom('event_registrations').select(['sex', 'age_group', 'third_country']).where('event_id', '=', id).executeTakeFirstOrThrow();
    assert.deepEqual(stored, { sex: 'female', age_group: '25_54', third_country: 'yes' }, 'the statistics stay in the database');
    const audit = () =>
      db
        .selectFrom('audit_log')
        .select(['action', 'actor_user_id', 'entity_type', 'entity_id', 'municipality_id', 'after'])
        .where('entity_type', '=', 'event')
        .where('entity_id', '=', String(id))
        .where('action', 'in', ['event.registrations_exported', 'event.signature_list_printed'])
        .orderBy('id')
        .execute();

    const csv = await coordinator.get(`/verwaltung/${BENSHEIM}/veranstaltungen/${id}/export/anmeldungen.csv`);
    assert.equal(csv.statusCode, 200);
    const [header, row] = parse(csv.body, { bom: true, delimiter: ';' }) as string[][];
    for (const label of ['Geschlecht', 'Altersgruppe', 'Staatsangehörigkeit']) assert.ok(!header?.some((h) => h.includes(label)), `no column "${label}"`);
    assert.equal(row?.[1], 'Aylin Demir');
    assert.equal(row?.length, header?.length);
    assert.ok(!row?.some((cell) => /weiblich|25–54|25-54/.test(cell)), 'no statistics in the row');

    const xlsx = await coordinator.get(`/verwaltung/${BENSHEIM}/veranstaltungen/${id}/export/anmeldungen.xlsx`);
    assert.equal(xlsx.statusCode, 200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheetHeader = book.worksheets[0]?.getRow(1).values;
    const cells = (Array.isArray(sheetHeader) ? sheetHeader : []).map(String);
    assert.ok(cells.includes('Vor- und Nachname'));
    assert.ok(!cells.some((c) => /Geschlecht|Altersgruppe|Staatsangehörigkeit/.test(c)));

    assert.equal((await coordinator.get(`/verwaltung/${BENSHEIM}/veranstaltungen/${id}/teilnahmeliste.pdf`)).statusCode, 200);
    const entries = await audit();
    assert.deepEqual(
      entries.map((e) => [e.action, e.actor_user_id, e.municipality_id, e.after]),
      [
        ['event.registrations_exported', coordinatorId, town, { format: 'csv', people: 1 }],
        ['event.registrations_exported', coordinatorId, town, { format: 'xlsx', people: 1 }],
        ['event.signature_list_printed', coordinatorId, town, { people: 1 }],
      ],
    );
    assert.equal((await coordinator.get(`/verwaltung/${BENSHEIM}/veranstaltungen/${id}/export/anmeldungen.pdf`)).statusCode, 404);
    assert.equal((await audit()).length, 3, 'a refused export is not recorded');
  });

  it('answers a guest registration the same whether the address is new or registered, and mails the registered person', async () => {
    const id = await createEvent(db, { municipalityId: town, title: 'Nachbarschaftsfest' });
    const first = await visitor.post(`/veranstaltungen/${id}/anmeldung`, guest('Nora Neu', 'nora@example.org'));
    const firstPage = visibleText((await visitor.get(String(first.headers.location))).body);
    const stranger = new TestClient(t.app.fastify);
    const again = await stranger.post(`/veranstaltungen/${id}/anmeldung`, guest('Jemand Anders', 'NORA@example.org'));
    const againPage = visibleText((await stranger.get(String(again.headers.location))).body);
    const fresh = await stranger.post(`/veranstaltungen/${id}/anmeldung`, guest('Paul Neu', 'paul@example.org'));
    const freshPage = visibleText((await stranger.get(String(fresh.headers.location))).body);

    assert.deepEqual([first.statusCode, again.statusCode, fresh.statusCode], [303, 303, 303]);
    assert.deepEqual([again.headers.location, fresh.headers.location], [first.headers.location, first.headers.location]);
    for (const page of [firstPage, againPage, freshPage]) assert.match(page, /Wir haben Ihnen eine E-Mail geschickt/);
    assert.doesNotMatch(againPage, /schon jemand|bereits angemeldet/);
    // The free seats are public anyway; apart from them the two answers are the same page.
    const withoutSeats = (page: string) => page.replace(/\d+ von \d+ Plätzen frei/, '');
    assert.equal(withoutSeats(againPage), withoutSeats(freshPage), 'the pages cannot be told apart');

    const rows = await db.selectFrom('event_registrations').select(['name', 'email']).where('event_id', '=', id).orderBy('id').execute();
    assert.deepEqual(rows, [
      { name: 'Nora Neu', email: 'nora@example.org' },
      { name: 'Paul Neu', email: 'paul@example.org' },
    ]);
    const mails = await mailsTo('nora@example.org');
    assert.equal(mails.length, 2);
    assert.match(mails[1]?.subject ?? '', /Sie sind schon angemeldet: Nachbarschaftsfest/);
    assert.ok(mails[1]?.text.includes('Guten Tag Nora Neu'), 'the mail greets the registered person, not what the stranger typed');
    const link = linkIn(mails[1]?.text ?? '', '/veranstaltungen/abmeldung/');
    assert.equal(link, linkIn(mails[0]?.text ?? '', '/veranstaltungen/abmeldung/'), 'with the existing cancellation link');
  });

  it('refuses cancellation once the event has started and keeps the attendance', async () => {
    const startedAt = new Date(Date.now() - 3600_000);
    const id = await createEvent(db, { municipalityId: town, title: 'Läuft gerade', startsAt: startedAt, hours: 3 });
    const present = await addRegistration(db, id, { name: 'Da Gewesen', email: 'da@example.org', attended: true });
    const own = await addRegistration(db, id, { name: 'Mia Muster', email: 'mia@example.org', userId: miaId, attended: true });
    const absent = await addRegistration(db, id, { name: 'Nicht Da', email: 'weg@example.org' });

    const link = `/veranstaltungen/abmeldung/${cancellationToken(t.app.services.config.sessionSecret, present)}`;
    const page = await visitor.get(link);
    assert.equal(page.statusCode, 200);
    assert.match(visibleText(page.body), /Die Veranstaltung hat schon begonnen/);
    assert.doesNotMatch(page.body, new RegExp(`action="${link}"`), 'no cancel button');
    const refused = await visitor.post(link);
    assert.equal(refused.statusCode, 303);
    assert.match(visibleText((await visitor.get(String(refused.headers.location))).body), /Die Veranstaltung hat schon begonnen/);
    assert.deepEqual(await registration(present), { status: 'confirmed', attended: true, checked_in_at: (await registration(present)).checked_in_at });
    assert.ok((await registration(present)).checked_in_at);

    const ownCancel = await mia.post(`/veranstaltungen/${id}/abmelden`);
    assert.equal(ownCancel.statusCode, 303);
    assert.match(visibleText((await mia.get(String(ownCancel.headers.location))).body), /Die Veranstaltung hat schon begonnen/);
    assert.equal((await registration(own)).status, 'confirmed');
    assert.equal((await registration(own)).attended, true);

    const byCoordinator = await coordinator.post(`/verwaltung/${BENSHEIM}/veranstaltungen/${id}/anmeldungen/${present}/stornieren`);
    assert.equal(byCoordinator.statusCode, 303);
    assert.match(visibleText((await coordinator.get(String(byCoordinator.headers.location))).body), /als anwesend eingetragen/);
    assert.equal((await registration(present)).status, 'confirmed');
    assert.equal((await registration(present)).attended, true, 'the check-in is the evidence and stays');
    // Someone who did not come may still be taken off the list.
    assert.equal((await coordinator.post(`/verwaltung/${BENSHEIM}/veranstaltungen/${id}/anmeldungen/${absent}/stornieren`)).statusCode, 303);
    assert.equal((await registration(absent)).status, 'cancelled');
    const overview = visibleText((await coordinator.get(`/verwaltung/${BENSHEIM}/veranstaltungen/${id}`)).body);
    assert.match(overview, /Anwesend\s*2/);
  });

  it('creates one feedback form when the button is sent twice at once', async () => {
    const id = await createEvent(db, { municipalityId: town, title: 'Doppelklick-Dialog' });
    await coordinator.csrf();
    const answers = await Promise.all([1, 2, 3].map(() => coordinator.post(`/verwaltung/${BENSHEIM}/veranstaltungen/${id}/rueckmeldung`)));
    assert.deepEqual(
      answers.map((a) => a.statusCode),
      [303, 303, 303],
    );
    const surveys = await db.selectFrom('surveys').select('id').where('title', '=', 'Rückmeldung: Doppelklick-Dialog').execute();
    assert.equal(surveys.length, 1, 'one survey');
    const event = await db.selectFrom('events').select('feedback_survey_id').where('id', '=', id).executeTakeFirstOrThrow();
    assert.equal(event.feedback_survey_id, surveys[0]?.id);
  });

  it('searches for "%" and "_" as the characters, not as wildcards', async () => {
    const id = await createEvent(db, { municipalityId: town, title: 'Treffen ohne Sonderzeichen' });
    await createEvent(db, { municipalityId: town, title: 'Rabatt 50% für alle' });
    await addRegistration(db, id, { name: 'Ohne Prozent' });
    const all = visibleText((await visitor.get('/veranstaltungen?suche=%25')).body);
    assert.match(all, /Rabatt 50% für alle/);
    assert.doesNotMatch(all, /Treffen ohne Sonderzeichen/, 'a search for "%" does not match every event');
    assert.doesNotMatch(visibleText((await visitor.get('/veranstaltungen?suche=_')).body), /Treffen ohne Sonderzeichen|Rabatt/);
    const checkIn = visibleText((await coordinator.get(`/verwaltung/${BENSHEIM}/veranstaltungen/${id}/anmeldungen?suche=%25`)).body);
    assert.doesNotMatch(checkIn, /Ohne Prozent/);
    assert.match(visibleText((await coordinator.get(`/verwaltung/${BENSHEIM}/veranstaltungen/${id}/anmeldungen?suche=prozent`)).body), /Ohne Prozent/);
  });
});
