import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import ical, { type VEvent } from 'node-ical';
import { registrationService } from '../../src/modules/events/registration.ts';
import type { Actor } from '../../src/platform/access/actor.ts';
import { berlinLocalToInstant } from '../../src/platform/i18n/berlin-time.ts';
import { todayInBerlin } from '../../src/platform/i18n/catalog.ts';
import { pdfText } from '../support/pdf.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { TestClient, visibleText } from '../support/client.ts';
import { linkIn, startSmtpServer } from '../support/smtp.ts';
import { createUser, municipalityId, TEST_PASSWORD } from '../support/users.ts';

const BENSHEIM = '06431002';
const VIERNHEIM = '06431020';
const VISITOR: Actor = { kind: 'visitor' };

function day(offset: number): string {
  return new Date(new Date(`${todayInBerlin()}T12:00:00Z`).getTime() + offset * 86_400_000).toISOString().slice(0, 10);
}

function eventsOf(text: string): VEvent[] {
  return Object.values(ical.sync.parseICS(text)).filter((c): c is VEvent => c?.type === 'VEVENT');
}

describe('events: registration, waiting list, evidence', () => {
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let t: TestApp;
  let coordinator: TestClient;
  let foreignCoordinator: TestClient;
  let visitor: TestClient;
  let mia: TestClient;

  const form = (overrides: Record<string, string | string[]> = {}) => ({
    title: 'Bürgerdialog Innenstadt',
    description: 'Wie wollen wir zusammenleben?',
    format: 'dialogue',
    mode: 'in_person',
    venue: 'Bürgerhaus',
    address: 'Marktplatz 1, 64625 Bensheim',
    startsAt: `${day(10)}T18:00`,
    endsAt: `${day(10)}T20:00`,
    capacity: '3',
    languages: ['de', 'tr'],
    accessibility: ['step_free'],
    published: 'on',
    ...overrides,
  });

  async function createEvent(overrides: Record<string, string | string[]> = {}): Promise<number> {
    const response = await coordinator.post(`/verwaltung/${BENSHEIM}/veranstaltungen/neu`, form(overrides));
    assert.equal(response.statusCode, 303, visibleText(response.body).slice(0, 400));
    return Number(/veranstaltungen\/(\d+)$/.exec(String(response.headers.location))?.[1]);
  }

  const guest = (name: string, email: string, extra: Record<string, string> = {}) => ({ name, email, privacy: 'on', ...extra });

  const mailsTo = async (address: string) => {
    while ((await t.app.deliverMail()) > 0) {}
    return smtp.mails.filter((m) => m.to === address);
  };

  before(async () => {
    smtp = await startSmtpServer();
    t = await startTestApp({ env: { SMTP_URL: smtp.url, GUEST_REGISTRATIONS_PER_MINUTE: '0' } });
    const db = t.app.services.db;
    await createUser(db, { email: 'koordination@bensheim.test', roles: [{ role: 'coordinator', municipalityId: await municipalityId(db, BENSHEIM) }] });
    await createUser(db, { email: 'koordination@viernheim.test', roles: [{ role: 'coordinator', municipalityId: await municipalityId(db, VIERNHEIM) }] });
    await createUser(db, { email: 'mia@example.org', displayName: 'Mia Yıldız' });
    coordinator = new TestClient(t.app.fastify);
    await coordinator.login('koordination@bensheim.test', TEST_PASSWORD);
    foreignCoordinator = new TestClient(t.app.fastify);
    await foreignCoordinator.login('koordination@viernheim.test', TEST_PASSWORD);
    mia = new TestClient(t.app.fastify);
    await mia.login('mia@example.org', TEST_PASSWORD);
    visitor = new TestClient(t.app.fastify);
  });
  after(async () => {
    await t.close();
    await smtp.close();
  });

  it('keeps what was typed when the event form has an error, and says where', async () => {
    const response = await coordinator.post(`/verwaltung/${BENSHEIM}/veranstaltungen/neu`, form({ endsAt: `${day(10)}T17:00`, mode: 'hybrid' }));
    assert.equal(response.statusCode, 422);
    const text = visibleText(response.body);
    assert.match(text, /Das Ende darf nicht vor dem Beginn liegen|Ende/);
    assert.match(text, /Link zur Online-Teilnahme/);
    assert.match(response.body, /value="Bürgerdialog Innenstadt"/);
    assert.match(response.body, /value="tr" checked/);
  });

  it('shows a published event publicly with filters, and hides an unpublished one', async () => {
    const published = await createEvent();
    const hidden = await createEvent({ title: 'Interne Vorbereitung', published: '' });
    const list = visibleText((await visitor.get('/veranstaltungen')).body);
    assert.match(list, /Bürgerdialog Innenstadt/);
    assert.doesNotMatch(list, /Interne Vorbereitung/);
    assert.equal((await visitor.get(`/veranstaltungen/${hidden}`)).statusCode, 404);
    assert.match(visibleText((await visitor.get('/veranstaltungen?sprache=tr&barrierefrei=step_free')).body), /Bürgerdialog Innenstadt/);
    assert.doesNotMatch(visibleText((await visitor.get('/veranstaltungen?sprache=ar')).body), /Bürgerdialog Innenstadt/);
    assert.doesNotMatch(visibleText((await visitor.get('/veranstaltungen?format=training')).body), /Bürgerdialog Innenstadt/);
    assert.doesNotMatch(visibleText((await visitor.get(`/veranstaltungen?bis=${day(5)}`)).body), /Bürgerdialog Innenstadt/);
    assert.match(visibleText((await visitor.get(`/veranstaltungen?von=${day(10)}&bis=${day(10)}`)).body), /Bürgerdialog Innenstadt/);
    assert.match(visibleText((await visitor.get(`/kommunen/${BENSHEIM}/veranstaltungen`)).body), /Bürgerdialog Innenstadt/);
    assert.doesNotMatch(visibleText((await visitor.get(`/kommunen/${VIERNHEIM}/veranstaltungen`)).body), /Bürgerdialog Innenstadt/);
    assert.equal((await visitor.get('/veranstaltungen?format=<script>')).statusCode, 200);
    // Another town's coordinator neither manages nor sees the registrations.
    assert.equal((await foreignCoordinator.get(`/verwaltung/${BENSHEIM}/veranstaltungen/${published}`)).statusCode, 403);
    assert.equal((await foreignCoordinator.get(`/verwaltung/${VIERNHEIM}/veranstaltungen/${published}/anmeldungen`)).statusCode, 404);
  });

  it('lists from today an event that began weeks ago and still runs, not one that has ended', async () => {
    const running = await createEvent({ title: 'Ausstellung Vielfalt im Rathaus' });
    const ended = await createEvent({ title: 'Vergangener Dialog am Markt' });
    const daysFromNow = (days: number) => new Date(Date.now() + days * 86_400_000);
    const db = t.app.services.db;
    await db
      .updateTable('events')
      .set({ starts_at: daysFromNow(-40), ends_at: daysFromNow(3) })
      .where('id', '=', running)
      .execute();
    await db
      .updateTable('events')
      .set({ starts_at: daysFromNow(-5), ends_at: daysFromNow(-2) })
      .where('id', '=', ended)
      .execute();
    for (const path of ['/veranstaltungen', `/kommunen/${BENSHEIM}/veranstaltungen`, '/veranstaltungen?sprache=tr']) {
      const text = visibleText((await visitor.get(path)).body);
      assert.match(text, /Ausstellung Vielfalt im Rathaus/, `${path} lists the running event`);
      assert.doesNotMatch(text, /Vergangener Dialog am Markt/, `${path} leaves out the ended one`);
    }
    assert.match(visibleText((await visitor.get(`/veranstaltungen?von=${day(-10)}`)).body), /Vergangener Dialog am Markt/, 'from an earlier day it is listed');
  });

  it('registers a guest, mails a confirmation with calendar file, and cancels through the link without login', async () => {
    const id = await createEvent({ title: 'Ideenwerkstatt Park' });
    const missing = await visitor.post(`/veranstaltungen/${id}/anmeldung`, { name: 'Şükrü Çelik', email: 'keine-adresse' });
    assert.equal(missing.statusCode, 422);
    assert.match(visibleText(missing.body), /E-Mail-Adresse/);
    assert.match(visibleText(missing.body), /Datenschutzhinweise gelesen/);
    assert.match(missing.body, /value="Şükrü Çelik"/);

    const ok = await visitor.post(`/veranstaltungen/${id}/anmeldung`, guest('Şükrü Çelik', 'sukru@example.org', { thirdCountry: 'yes', ageGroup: '25_54' }));
    assert.equal(ok.statusCode, 303);
    const twice = await visitor.post(`/veranstaltungen/${id}/anmeldung`, guest('Şükrü Çelik', 'SUKRU@example.org'));
    // The second registration answers like the first (events-security.test.ts); the person gets a mail instead.
    assert.equal(twice.statusCode, 303);
    assert.equal(twice.headers.location, ok.headers.location);

    const [mail] = await mailsTo('sukru@example.org');
    assert.ok(mail);
    assert.match(mail.subject, /Anmeldung bestätigt: Ideenwerkstatt Park/);
    const calendar = mail.attachments.find((a) => a.filename === 'veranstaltung.ics');
    assert.ok(calendar, 'the confirmation carries an ICS file');
    const [entry] = eventsOf(calendar.content.toString('utf8'));
    assert.equal(entry?.summary, 'Ideenwerkstatt Park');
    assert.equal(entry?.start.toISOString(), berlinLocalToInstant(`${day(10)}T18:00`)?.toISOString());

    const link = linkIn(mail.text, '/veranstaltungen/abmeldung/');
    const page = await visitor.get(link);
    assert.equal(page.statusCode, 200);
    assert.match(visibleText(page.body), /Möchten Sie sich von „Ideenwerkstatt Park“/);
    assert.equal((await visitor.get(`${link.slice(0, -3)}xyz`)).statusCode, 404, 'a tampered link is refused');
    assert.equal((await visitor.post(link)).statusCode, 303);
    assert.match(visibleText((await visitor.get(link)).body), /Sie sind von „Ideenwerkstatt Park“ abgemeldet/);
    const cancelledMail = (await mailsTo('sukru@example.org')).at(-1);
    assert.match(cancelledMail?.subject ?? '', /Abmeldung bestätigt/);
  });

  it('gives exactly the free seats to 100 people registering at once; the rest wait in order', async () => {
    const id = await createEvent({ title: 'Netzwerktreffen', capacity: '20' });
    const service = registrationService(t.app.services);
    const results = await Promise.all(Array.from({ length: 100 }, (_, i) => service.register(VISITOR, id, { name: `Person ${i}`, email: `person${i}@example.org`, locale: 'de' })));
    assert.equal(results.filter((r) => r.status === 'confirmed').length, 20);
    assert.equal(results.filter((r) => r.status === 'waiting').length, 80);
    const positions = results
      .filter((r) => r.status === 'waiting')
      .map((r) => r.position)
      .sort((a, b) => a - b);
    assert.deepEqual(
      positions,
      Array.from({ length: 80 }, (_, i) => i + 1),
    );
    const counts = await t.app.services.db
      .selectFrom('event_registrations')
      .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
      .where('event_id', '=', id)
      .groupBy('status')
      .execute();
    assert.deepEqual(Object.fromEntries(counts.map((c) => [c.status, Number(c.n)])), { confirmed: 20, waiting: 80 });
  });

  it('decides the same address sent several times at once once: one seat, the others hear that it is registered', async () => {
    const id = await createEvent({ title: 'Doppelt gesendet', capacity: '5' });
    const service = registrationService(t.app.services);
    const sent = Array.from({ length: 6 }, (_, i) =>
      service.register(VISITOR, id, { name: i % 2 ? 'Lea Zwei' : 'Lea Eins', email: i % 2 ? 'LEA.ZWEI@example.org' : 'lea.eins@example.org', locale: 'de' }),
    );
    const results = await Promise.all(sent);
    assert.deepEqual(results.map((r) => r.status).sort(), ['confirmed', 'confirmed', 'existing', 'existing', 'existing', 'existing']);
    const rows = await t.app.services.db.selectFrom('event_registrations').select(['id', 'email', 'status']).where('event_id', '=', id).execute();
    // the two addresses race each other, so which one got the lower id is chance; compare as a set
    assert.deepEqual(
      rows.map((r) => [r.email, r.status]).sort(([a], [b]) => String(a).localeCompare(String(b))),
      [
        ['lea.eins@example.org', 'confirmed'],
        ['LEA.ZWEI@example.org', 'confirmed'],
      ],
    );
    const existing = results.filter((r) => r.status === 'existing');
    assert.ok(
      existing.every((r) => rows.some((row) => row.id === r.id)),
      'each answer names the registration that holds the address',
    );
    assert.equal((await mailsTo('lea.eins@example.org')).length, 3, 'a confirmation and two notes that the address is registered');
  });

  it('promotes the first on the waiting list when someone cancels, and tells them', async () => {
    const id = await createEvent({ title: 'Sprachcafé', capacity: '1' });
    await visitor.post(`/veranstaltungen/${id}/anmeldung`, guest('Anna Erste', 'anna@example.org'));
    const second = await visitor.post(`/veranstaltungen/${id}/anmeldung`, guest('Олена Друга', 'olena@example.org'));
    assert.equal(second.statusCode, 303);
    await visitor.post(`/veranstaltungen/${id}/anmeldung`, guest('Omar Dritter', 'omar@example.org'));
    const waiting = await mailsTo('olena@example.org');
    assert.match(waiting[0]?.text ?? '', /Platz 1 der Warteliste/);
    assert.equal((await mailsTo('omar@example.org'))[0]?.text.includes('Platz 2 der Warteliste'), true);

    const [annaMail] = await mailsTo('anna@example.org');
    await visitor.post(linkIn(annaMail?.text ?? '', '/veranstaltungen/abmeldung/'));
    const promoted = (await mailsTo('olena@example.org')).at(-1);
    assert.match(promoted?.subject ?? '', /Ein Platz ist frei geworden: Sprachcafé/);
    assert.ok(promoted?.attachments.some((a) => a.filename.endsWith('.ics')));
    assert.equal((await mailsTo('omar@example.org')).length, 1, 'the second in line keeps waiting');

    // Raising the capacity gives the new seat to the next in line at once.
    const edit = await coordinator.get(`/verwaltung/${BENSHEIM}/veranstaltungen/${id}/bearbeiten`);
    assert.match(edit.body, /value="Sprachcafé"/);
    assert.equal((await coordinator.post(`/verwaltung/${BENSHEIM}/veranstaltungen/${id}/bearbeiten`, form({ title: 'Sprachcafé', capacity: '2' }))).statusCode, 303);
    assert.match((await mailsTo('omar@example.org')).at(-1)?.subject ?? '', /Ein Platz ist frei geworden/);
    const lower = await coordinator.post(`/verwaltung/${BENSHEIM}/veranstaltungen/${id}/bearbeiten`, form({ title: 'Sprachcafé', capacity: '1' }));
    assert.equal(lower.statusCode, 422);
    assert.match(visibleText(lower.body), /Es sind schon 2 Plätze vergeben/);
  });

  it('lets an account register once, see its place and cancel from the page', async () => {
    const id = await createEvent({ title: 'Vereinsabend' });
    assert.equal((await mia.post(`/veranstaltungen/${id}/anmeldung`, { organisation: 'TV Bensheim', sex: 'female' })).statusCode, 303);
    assert.match(visibleText((await mia.get(`/veranstaltungen/${id}`)).body), /Sie sind angemeldet/);
    assert.equal((await mia.post(`/veranstaltungen/${id}/anmeldung`, {})).statusCode, 303);
    assert.match(visibleText((await mia.get(`/veranstaltungen/${id}`)).body), /schon jemand für diese Veranstaltung angemeldet/);
    assert.equal((await mia.post(`/veranstaltungen/${id}/abmelden`)).statusCode, 303);
    assert.match(visibleText((await mia.get(`/veranstaltungen/${id}`)).body), /Jetzt anmelden/);
    assert.match(visibleText((await mia.get(`/veranstaltungen/${id}/anmeldung`)).body), /Verbindlich anmelden/);
    assert.equal((await visitor.post(`/veranstaltungen/${id}/abmelden`)).statusCode, 401);
  });

  it('refuses registration outside its window with a message', async () => {
    const id = await createEvent({ title: 'Später', registrationOpensAt: `${day(5)}T09:00` });
    assert.match(visibleText((await visitor.get(`/veranstaltungen/${id}`)).body), /Die Anmeldung öffnet am/);
    const early = await visitor.post(`/veranstaltungen/${id}/anmeldung`, guest('Zu Früh', 'frueh@example.org'));
    assert.equal(early.statusCode, 303);
    assert.match(visibleText((await visitor.get(`/veranstaltungen/${id}`)).body), /Die Anmeldung ist noch nicht geöffnet/);
  });

  it('tells everyone registered when the event is cancelled, with a calendar cancellation', async () => {
    const id = await createEvent({ title: 'Stadtteilfest-Planung', capacity: '1' });
    await visitor.post(`/veranstaltungen/${id}/anmeldung`, guest('Lea Platz', 'lea@example.org'));
    await visitor.post(`/veranstaltungen/${id}/anmeldung`, guest('Ben Warte', 'ben@example.org'));
    assert.equal((await coordinator.post(`/verwaltung/${BENSHEIM}/veranstaltungen/${id}/absagen`, { reason: '' })).statusCode, 422);
    assert.equal((await coordinator.post(`/verwaltung/${BENSHEIM}/veranstaltungen/${id}/absagen`, { reason: 'Der Saal ist wegen eines Wasserschadens gesperrt.' })).statusCode, 303);
    for (const address of ['lea@example.org', 'ben@example.org']) {
      const mail = (await mailsTo(address)).at(-1);
      assert.match(mail?.subject ?? '', /Abgesagt: Stadtteilfest-Planung/);
      assert.match(mail?.text ?? '', /Wasserschadens/);
      const ics = mail?.attachments[0]?.content.toString('utf8') ?? '';
      assert.match(ics, /METHOD:CANCEL/);
      assert.equal(eventsOf(ics)[0]?.status, 'CANCELLED');
    }
    const page = visibleText((await visitor.get(`/veranstaltungen/${id}`)).body);
    assert.match(page, /Diese Veranstaltung ist abgesagt/);
    assert.doesNotMatch(page, /Jetzt anmelden/);
    assert.equal((await visitor.get(`/veranstaltungen/${id}/anmeldung`)).statusCode, 303, 'no form for a cancelled event');
  });

  it('reminds confirmed people once, a day before', async () => {
    const startsAt = new Date(Date.now() + 20 * 3600_000);
    const db = t.app.services.db;
    const town = await municipalityId(db, BENSHEIM);
    const { id } = await db
      .insertInto('events')
      .values({
        municipality_id: town,
        title: 'Morgen früh',
        format: 'other',
        mode: 'online',
        online_url: 'https://video.example.org/x',
        starts_at: startsAt,
        ends_at: new Date(startsAt.getTime() + 3600_000),
        capacity: 1,
        published: true,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const service = registrationService(t.app.services);
    await service.register(VISITOR, id, { name: 'Rita Früh', email: 'rita@example.org', locale: 'de' });
    await service.register(VISITOR, id, { name: 'Wanda Warte', email: 'wanda@example.org', locale: 'en' });
    assert.equal(await service.sendReminders(new Date(startsAt.getTime() - 25 * 3600_000)), 0, 'not yet');
    assert.equal(await service.sendReminders(), 1);
    assert.equal(await service.sendReminders(), 0, 'only once');
    const reminder = (await mailsTo('rita@example.org')).at(-1);
    assert.match(reminder?.subject ?? '', /Erinnerung: Morgen früh ist morgen/);
    assert.equal((await mailsTo('wanda@example.org')).length, 1, 'the waiting person only got the waiting-list mail');
    assert.match((await mailsTo('wanda@example.org'))[0]?.subject ?? '', /Waiting list/);
  });

  it('keeps calendar times right across the change from summer to winter time', async () => {
    const summer = await createEvent({ title: 'Samstag Sommerzeit', startsAt: '2027-10-30T10:00', endsAt: '2027-10-30T12:00' });
    const winter = await createEvent({ title: 'Sonntag Winterzeit', startsAt: '2027-10-31T10:00', endsAt: '2027-10-31T12:00' });
    const first = eventsOf((await visitor.get(`/veranstaltungen/${summer}/termin.ics`)).body)[0];
    const second = eventsOf((await visitor.get(`/veranstaltungen/${winter}/termin.ics`)).body)[0];
    assert.equal(first?.start.toISOString(), '2027-10-30T08:00:00.000Z');
    assert.equal(second?.start.toISOString(), '2027-10-31T09:00:00.000Z');
    const feed = await visitor.get(`/kommunen/${BENSHEIM}/veranstaltungen.ics`);
    assert.equal(feed.statusCode, 200);
    assert.match(String(feed.headers['content-type']), /text\/calendar/);
    const titles = eventsOf(feed.body).map((e) => e.summary);
    assert.ok(titles.includes('Samstag Sommerzeit') && titles.includes('Sonntag Winterzeit'));
    assert.ok(!titles.includes('Interne Vorbereitung'), 'unpublished events stay out of the feed');
    // The form shows the time as it was typed, in Berlin time.
    assert.match((await coordinator.get(`/verwaltung/${BENSHEIM}/veranstaltungen/${winter}/bearbeiten`)).body, /value="2027-10-31T10:00"/);
  });

  it('checks people in at the door, adds walk-ins, and exports everyone', async () => {
    const id = await createEvent({ title: 'Einlass-Test', capacity: '5' });
    await visitor.post(`/veranstaltungen/${id}/anmeldung`, guest('Fatma Öztürk', 'fatma@example.org', { organisation: '=HYPERLINK("x")' }));
    await visitor.post(`/veranstaltungen/${id}/anmeldung`, guest('Jonas Becker', 'jonas@example.org'));
    const search = await coordinator.get(`/verwaltung/${BENSHEIM}/veranstaltungen/${id}/anmeldungen?suche=öztürk`);
    assert.match(visibleText(search.body), /Fatma Öztürk/);
    assert.doesNotMatch(visibleText(search.body), /Jonas Becker/);
    const registrationId = Number(/anmeldungen\/(\d+)\/anwesenheit/.exec(search.body)?.[1]);
    assert.equal((await coordinator.post(`/verwaltung/${BENSHEIM}/veranstaltungen/${id}/anmeldungen/${registrationId}/anwesenheit`, { attended: 'yes' })).statusCode, 303);
    assert.equal((await coordinator.post(`/verwaltung/${BENSHEIM}/veranstaltungen/${id}/anmeldungen/${registrationId}/anwesenheit`, { attended: 'vielleicht' })).statusCode, 400);
    const badWalkIn = await coordinator.post(`/verwaltung/${BENSHEIM}/veranstaltungen/${id}/nachmeldung`, { name: '', organisation: 'Moschee-Gemeinde' });
    assert.equal(badWalkIn.statusCode, 422);
    assert.match(badWalkIn.body, /value="Moschee-Gemeinde"/);
    assert.equal((await coordinator.post(`/verwaltung/${BENSHEIM}/veranstaltungen/${id}/nachmeldung`, { name: 'Walter Spontan', paperConsent: 'on' })).statusCode, 303);
    const overview = visibleText((await coordinator.get(`/verwaltung/${BENSHEIM}/veranstaltungen/${id}`)).body);
    assert.match(overview, /Anwesend\s*2/);

    const csv = await coordinator.get(`/verwaltung/${BENSHEIM}/veranstaltungen/${id}/export/anmeldungen.csv`);
    const rows = parse(csv.body, { bom: true, delimiter: ';' }) as string[][];
    const byName = new Map(rows.slice(1).map((r) => [r[1], r]));
    assert.equal(byName.get('Fatma Öztürk')?.[6], 'Ja');
    assert.equal(byName.get('Walter Spontan')?.[7], 'Ja');
    assert.equal(byName.get('Jonas Becker')?.[6], 'Nein');
    assert.ok(byName.get('Fatma Öztürk')?.[3]?.startsWith("'="), 'a formula is neutralised');
    const xlsx = await coordinator.get(`/verwaltung/${BENSHEIM}/veranstaltungen/${id}/export/anmeldungen.xlsx`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    assert.equal(sheet?.rowCount, 4);
    assert.equal(sheet?.getRow(1).getCell(2).value, 'Vor- und Nachname');
  });

  it('prints the signature list with every name, in Turkish, Cyrillic and Arabic letters, over several pages', async () => {
    const id = await createEvent({ title: 'Großer Bürgerdialog', capacity: '200' });
    const service = registrationService(t.app.services);
    const names = ['Şükrü Çağlar', 'Олена Коваленко', 'أحمد الخطيب'];
    for (let i = 0; i < 60; i++)
      await service.register(VISITOR, id, { name: names[i % 3] ? `${names[i % 3]} ${i}` : `Person ${i}`, email: `liste${i}@example.org`, organisation: 'Verein', locale: 'de' });
    const response = await coordinator.get(`/verwaltung/${BENSHEIM}/veranstaltungen/${id}/teilnahmeliste.pdf`);
    assert.equal(response.headers['content-type'], 'application/pdf');
    const { pages, text } = await pdfText(response.rawPayload);
    assert.ok(pages >= 2, `${pages} pages`);
    assert.match(text, /Teilnahmeliste/);
    assert.match(text, /Großer Bürgerdialog/);
    assert.match(text, /Unterschrift/);
    assert.match(text, /Şükrü Çağlar 0/);
    assert.match(text, /Олена Коваленко 1/);
    assert.match(text, /الخطيب/);
    assert.match(text, /Seite 1 von \d/);
    assert.equal((await foreignCoordinator.get(`/verwaltung/${BENSHEIM}/veranstaltungen/${id}/teilnahmeliste.pdf`)).statusCode, 403);

    const scan = await coordinator.postMultipart(
      `/verwaltung/${BENSHEIM}/veranstaltungen/${id}/unterschriftenliste`,
      {},
      { field: 'scan', filename: 'liste.pdf', contentType: 'application/pdf', data: response.rawPayload },
    );
    assert.equal(scan.statusCode, 303);
    const download = await coordinator.get(`/verwaltung/${BENSHEIM}/veranstaltungen/${id}/unterschriftenliste`);
    assert.equal(download.rawPayload.length, response.rawPayload.length);
    const wrong = await coordinator.postMultipart(
      `/verwaltung/${BENSHEIM}/veranstaltungen/${id}/unterschriftenliste`,
      {},
      { field: 'scan', filename: 'liste.txt', contentType: 'text/plain', data: Buffer.from('keine Liste') },
    );
    assert.equal(wrong.statusCode, 422);
  });

  it('copies an event without its registrations and creates its feedback form on the survey engine', async () => {
    const id = await createEvent({ title: 'Zum Kopieren' });
    await visitor.post(`/veranstaltungen/${id}/anmeldung`, guest('Kopie Test', 'kopie@example.org'));
    const copied = await coordinator.post(`/verwaltung/${BENSHEIM}/veranstaltungen/${id}/kopieren`);
    const copyId = Number(/veranstaltungen\/(\d+)\/bearbeiten$/.exec(String(copied.headers.location))?.[1]);
    assert.ok(copyId > id);
    const copy = await t.app.services.db.selectFrom('events').select(['title', 'published']).where('id', '=', copyId).executeTakeFirstOrThrow();
    assert.deepEqual(copy, { title: 'Kopie: Zum Kopieren', published: false });
    const registrations = await t.app.services.db.selectFrom('event_registrations').select('id').where('event_id', '=', copyId).execute();
    assert.equal(registrations.length, 0);

    assert.equal((await coordinator.post(`/verwaltung/${BENSHEIM}/veranstaltungen/${id}/rueckmeldung`)).statusCode, 303);
    const event = await t.app.services.db.selectFrom('events').select('feedback_survey_id').where('id', '=', id).executeTakeFirstOrThrow();
    assert.ok(event.feedback_survey_id);
    const questions = await t.app.services.db.selectFrom('survey_questions').select(['kind', 'prompt']).where('survey_id', '=', event.feedback_survey_id).orderBy('position').execute();
    assert.equal(questions[0]?.kind, 'scale');
    assert.match(questions[0]?.prompt ?? '', /hilfreich/);
    // Before the start the feedback link is not offered yet.
    assert.doesNotMatch(visibleText((await visitor.get(`/veranstaltungen/${id}`)).body), /Rückmeldung geben/);
  });
});
