import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import sharp from 'sharp';
import type { UserActor } from '../../src/platform/access/actor.ts';
import { participationService } from '../../src/modules/participation/service.ts';
import { todayInBerlin } from '../../src/platform/i18n/catalog.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { TestClient, visibleText } from '../support/client.ts';
import { createUser, municipalityId, TEST_PASSWORD } from '../support/users.ts';

const BENSHEIM = '06431002';

function day(offset: number): string {
  return new Date(new Date(`${todayInBerlin()}T12:00:00Z`).getTime() + offset * 86_400_000).toISOString().slice(0, 10);
}

function actor(userId: number): UserActor {
  return { kind: 'user', userId, displayName: 'x', email: 'x', emailVerified: true, isDemo: false, grants: [] };
}

describe('participation: processes, proposals, supports, comments, answers', () => {
  let t: TestApp;
  let coordinator: TestClient;
  let mia: TestClient;
  let visitor: TestClient;
  let processId: number;
  let proposalId: number;
  let measureId: number;

  const phases = (ideasFrom: number, ideasTo: number) => ({
    informationStart: day(ideasFrom - 10),
    informationEnd: day(ideasFrom - 1),
    ideasStart: day(ideasFrom),
    ideasEnd: day(ideasTo),
    evaluationStart: day(ideasTo + 1),
    evaluationEnd: day(ideasTo + 30),
  });

  before(async () => {
    t = await startTestApp({ variant: 'reference' });
    const db = t.app.services.db;
    const bensheim = await municipalityId(db, BENSHEIM);
    await db.insertInto('programme_participations').values({ municipality_id: bensheim, joined_on: '2026-01-01', cohort_label: '' }).execute();
    const field = await db.insertInto('fields_of_action').values({ municipality_id: bensheim, name: 'Zusammenleben', description: '', position: 1 }).returning('id').executeTakeFirstOrThrow();
    measureId = (
      await db
        .insertInto('measures')
        .values({
          municipality_id: bensheim,
          field_id: field.id,
          goal_id: null,
          district_id: null,
          title: 'Vereinsbörse auf dem Marktplatz',
          description: '',
          responsible_org: 'Stadt',
          starts_on: null,
          ends_on: null,
          status: 'planned',
          progress: 0,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    await createUser(db, { email: 'koordination@bensheim.test', roles: [{ role: 'coordinator', municipalityId: bensheim }] });
    await createUser(db, { email: 'koordination@viernheim.test', roles: [{ role: 'coordinator', municipalityId: await municipalityId(db, '06431020') }] });
    await createUser(db, { email: 'mia@example.org', displayName: 'Mia Mitmach' });
    coordinator = new TestClient(t.app.fastify);
    await coordinator.login('koordination@bensheim.test', TEST_PASSWORD);
    mia = new TestClient(t.app.fastify);
    await mia.login('mia@example.org', TEST_PASSWORD);
    visitor = new TestClient(t.app.fastify);
  });
  after(() => t.close());

  it('creates a process with phases that is visible only once published', async () => {
    const incomplete = await coordinator.post(`/verwaltung/${BENSHEIM}/beteiligung/neu`, { title: 'Ideen für Bensheim', ideasStart: day(-1) });
    assert.equal(incomplete.statusCode, 422);
    assert.match(incomplete.body, /id="ideasEnd-error"/);
    const created = await coordinator.post(`/verwaltung/${BENSHEIM}/beteiligung/neu`, { title: 'Ideen für Bensheim', description: 'Was braucht die Stadt?', ...phases(-1, 10) });
    assert.equal(created.statusCode, 303);
    processId = Number(/beteiligung\/(\d+)$/.exec(String(created.headers.location))?.[1]);
    assert.equal((await visitor.get(`/beteiligung/${processId}`)).statusCode, 404, 'unpublished processes stay hidden');
    assert.equal((await coordinator.get(`/beteiligung/${processId}`)).statusCode, 200);
    await coordinator.post(`/verwaltung/${BENSHEIM}/beteiligung/${processId}`, { title: 'Ideen für Bensheim', description: 'Was braucht die Stadt?', published: 'on', ...phases(-1, 10) });
    const page = visibleText((await visitor.get(`/beteiligung/${processId}`)).body);
    assert.match(page, /Ideen sammeln \(läuft gerade\)/);
    assert.match(visibleText((await visitor.get('/beteiligung')).body), /Ideen für Bensheim/);
  });

  it('names the districts and languages of a process, only those of the town', async () => {
    const db = t.app.services.db;
    const bensheim = await municipalityId(db, BENSHEIM);
    const auerbach = await db.insertInto('districts').values({ municipality_id: bensheim, name: 'Auerbach', description: '' }).returning('id').executeTakeFirstOrThrow();
    const foreign = await db
      .insertInto('districts')
      .values({ municipality_id: await municipalityId(db, '06431020'), name: 'Fremd', description: '' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const url = `/verwaltung/${BENSHEIM}/beteiligung/${processId}`;
    const wrong = await coordinator.post(url, { title: 'Ideen für Bensheim', published: 'on', ...phases(-1, 10), districtIds: [String(foreign.id)], languages: ['de', 'tr'] });
    assert.equal(wrong.statusCode, 422);
    assert.match(wrong.body, /id="districtIds-error"/);
    assert.match(wrong.body, /id="languages-tr" name="languages" value="tr" checked/, 'the choice is kept');
    assert.equal((await coordinator.post(url, { title: 'Ideen für Bensheim', published: 'on', ...phases(-1, 10), districtIds: [String(auerbach.id)], languages: ['de', 'tr', 'ar'] })).statusCode, 303);
    const page = await visitor.get(`/beteiligung/${processId}`);
    assert.match(visibleText(page.body), /Wo Auerbach Sprachen, in denen man sich beteiligen kann Deutsch ?, Türkisch ?, Arabisch/);
    assert.match(page.body, /<span lang="ar">, Arabisch<\/span>/);
  });

  it('lets a verified participant propose; the form keeps what was typed on errors', async () => {
    const short = await mia.post(`/beteiligung/${processId}/vorschlaege/neu`, { title: 'Vereinsbörse', body: 'kurz' });
    assert.equal(short.statusCode, 422);
    assert.match(short.body, /id="body-error"/);
    assert.match(short.body, /value="Vereinsbörse"/);
    const created = await mia.post(`/beteiligung/${processId}/vorschlaege/neu`, { title: 'Vereinsbörse', body: 'Die Vereine stellen sich jedes Jahr auf dem Marktplatz vor.' });
    assert.equal(created.statusCode, 303);
    proposalId = Number(/vorschlaege\/(\d+)$/.exec(String(created.headers.location))?.[1]);
    assert.match(visibleText((await visitor.get(`/beteiligung/${processId}/vorschlaege/${proposalId}`)).body), /Mia Mitmach/);
  });

  it('takes up to three images, each with a description, and refuses other files', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360606060000000050001a5f645400000000049454e44ae426082', 'hex');
    const url = `/beteiligung/${processId}/vorschlaege/neu`;
    const fields = { title: 'Boule am Fluss', body: 'Ein Bouleplatz an der Wiese am Fluss.' };
    const noAlt = await mia.postMultipart(url, fields, { field: 'image1', filename: 'wiese.png', contentType: 'image/png', data: png });
    assert.equal(noAlt.statusCode, 422);
    assert.match(noAlt.body, /id="alt1-error"/);
    assert.match(noAlt.body, /value="Boule am Fluss"/);
    const wrongType = await mia.postMultipart(url, { ...fields, alt1: 'Text' }, { field: 'image1', filename: 'notiz.png', contentType: 'image/png', data: Buffer.from('kein Bild') });
    assert.equal(wrongType.statusCode, 422);
    assert.match(visibleText(wrongType.body), /Dieser Dateityp ist nicht erlaubt/);
    const ok = await mia.postMultipart(url, { ...fields, alt1: 'Leere Wiese am Fluss' }, { field: 'image1', filename: 'wiese.png', contentType: 'image/png', data: png });
    assert.equal(ok.statusCode, 303);
    const page = await visitor.get(String(ok.headers.location));
    const src = /<img src="([^"]+\/bilder\/\d+)" alt="Leere Wiese am Fluss"/.exec(page.body)?.[1];
    assert.ok(src, 'the image is shown with its description');
    const image = await visitor.get(src);
    assert.equal(image.statusCode, 200);
    assert.equal(image.headers['content-type'], 'image/png');
    // Re-encoded without metadata (see participation-security.test.ts): the same picture, not the same bytes.
    const served = await sharp(image.rawPayload).metadata();
    assert.deepEqual([served.format, served.width, served.height], ['png', 1, 1]);
  });

  it('lets a proposal name a place from the process list or a point clicked on the town map', async () => {
    const url = `/verwaltung/${BENSHEIM}/beteiligung/${processId}`;
    const tooLong = await coordinator.post(url, { title: 'Ideen für Bensheim', published: 'on', ...phases(-1, 10), places: 'x'.repeat(120) });
    assert.equal(tooLong.statusCode, 422);
    assert.match(tooLong.body, /id="places-error"/);
    assert.equal((await coordinator.post(url, { title: 'Ideen für Bensheim', published: 'on', ...phases(-1, 10), places: 'Marktplatz\nBahnhof\nMarktplatz' })).statusCode, 303);
    const form = await mia.get(`/beteiligung/${processId}/vorschlaege/neu`);
    assert.match(form.body, /<option value="Bahnhof"/);
    assert.match(form.body, /<input type="image" name="karte"/);
    const mapSvg = await visitor.get(`/beteiligung/${processId}/karte.svg`);
    assert.match(String(mapSvg.headers['content-type']), /image\/svg\+xml/);
    assert.match(mapSvg.body, /<path d="M/);

    const proposalForm = { title: 'Bank am Bahnhof', body: 'Eine Sitzbank mit Schatten am Bahnhofsvorplatz.', place: 'Bahnhof' };
    // A click in the map's corner lies outside the town: the form says so and keeps the text.
    const outside = await mia.post(`/beteiligung/${processId}/vorschlaege/neu`, { ...proposalForm, 'karte.x': '2', 'karte.y': '3' });
    assert.equal(outside.statusCode, 422);
    assert.match(visibleText(outside.body), /außerhalb der Gemeinde/);
    assert.match(outside.body, /value="Bank am Bahnhof"/);
    // The middle of the map lies in Bensheim: the form comes back with the point marked, nothing is saved yet.
    const picked = await mia.post(`/beteiligung/${processId}/vorschlaege/neu`, { ...proposalForm, 'karte.x': '160', 'karte.y': '160' });
    assert.equal(picked.statusCode, 200);
    const latitude = /name="latitude" value="([\d.]+)"/.exec(picked.body)?.[1];
    const longitude = /name="longitude" value="([\d.]+)"/.exec(picked.body)?.[1];
    assert.ok(latitude && longitude, 'the point is kept in the form');
    assert.ok(Number(latitude) > 49.6 && Number(latitude) < 49.8 && Number(longitude) > 8.5 && Number(longitude) < 8.8, `${latitude}, ${longitude} lies in Bensheim`);
    assert.match(picked.body, new RegExp(`karte.svg\\?punkt=${latitude},${longitude}`));
    const wrongPlace = await mia.post(`/beteiligung/${processId}/vorschlaege/neu`, { ...proposalForm, place: 'Mond' });
    assert.equal(wrongPlace.statusCode, 422);
    assert.match(wrongPlace.body, /id="place-error"/);
    const tampered = await mia.post(`/beteiligung/${processId}/vorschlaege/neu`, { ...proposalForm, latitude: '52.52', longitude: '13.40', keepPoint: 'on' });
    assert.equal(tampered.statusCode, 422, 'a point outside the town sent in the hidden fields is refused');
    // Enter in a text field "clicks" the image button at 0,0: an ordinary submission.
    const created = await mia.post(`/beteiligung/${processId}/vorschlaege/neu`, { ...proposalForm, latitude, longitude, keepPoint: 'on', 'karte.x': '0', 'karte.y': '0' });
    assert.equal(created.statusCode, 303);
    const page = await visitor.get(String(created.headers.location));
    const text = visibleText(page.body);
    assert.match(text, /Ort: Bahnhof · 49[.,]\d+° N, 8[.,]\d+° O/);
    assert.match(page.body, /openstreetmap\.org\/\?mlat=/);
    assert.match(page.body, /<img src="\/beteiligung\/\d+\/karte\.svg\?punkt=[\d.]+,[\d.]+" alt="Karte mit dem Ort des Vorschlags: Bahnhof"/);
  });

  it('shows the image of a process with its description', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360606060000000050001a5f645400000000049454e44ae426082', 'hex');
    const url = `/verwaltung/${BENSHEIM}/beteiligung/${processId}/bild`;
    const noAlt = await coordinator.postMultipart(url, {}, { field: 'image', filename: 'markt.png', contentType: 'image/png', data: png });
    assert.equal(noAlt.statusCode, 422);
    assert.match(noAlt.body, /id="alt-error"/);
    assert.equal((await coordinator.postMultipart(url, { alt: 'Marktplatz mit Ständen' }, { field: 'image', filename: 'markt.png', contentType: 'image/png', data: png })).statusCode, 303);
    const page = await visitor.get(`/beteiligung/${processId}`);
    assert.match(page.body, new RegExp(`<img class="vv-event-image" src="/beteiligung/${processId}/bild" alt="Marktplatz mit Ständen"`));
    const image = await visitor.get(`/beteiligung/${processId}/bild`);
    assert.equal(image.headers['content-type'], 'image/png');
    const foreign = new TestClient(t.app.fastify);
    await foreign.login('koordination@viernheim.test', TEST_PASSWORD);
    assert.equal((await foreign.postMultipart(url, { alt: 'fremd' }, { field: 'image', filename: 'markt.png', contentType: 'image/png', data: png })).statusCode, 403);
  });

  it('refuses an unverified account with a message', async () => {
    await t.app.services.db.insertInto('users').values({ email: 'neu@example.org', password_hash: null, display_name: 'Neu', email_verified_at: null, deleted_at: null }).execute();
    const neu = await t.app.services.db.selectFrom('users').select('id').where('email', '=', 'neu@example.org').executeTakeFirstOrThrow();
    const service = participationService(t.app.services);
    await assert.rejects(
      () => service.support({ ...actor(neu.id), emailVerified: false }, proposalId),
      (e: { messageKey?: string }) => e.messageKey === 'participation.errors.verified_required',
    );
  });

  it('finds proposals with German stemming', async () => {
    assert.match(visibleText((await visitor.get(`/beteiligung/${processId}?q=Verein`)).body), /Vereinsbörse/);
    assert.match(visibleText((await visitor.get(`/beteiligung/${processId}?q=Marktplätze`)).body), /1 Treffer/);
    assert.match(visibleText((await visitor.get(`/beteiligung/${processId}?q=Schwimmbad`)).body), /Keine Treffer/);
  });

  it('counts 200 supports of 200 accounts sent at once exactly 200 times', async () => {
    const db = t.app.services.db;
    const users = await db
      .insertInto('users')
      .values(Array.from({ length: 200 }, (_, i) => ({ email: `u${i}@support.test`, password_hash: null, display_name: `U${i}`, email_verified_at: new Date(), deleted_at: null })))
      .returning('id')
      .execute();
    const service = participationService(t.app.services);
    await Promise.all(users.map((u) => service.support(actor(u.id), proposalId)));
    const row = await db.selectFrom('proposals').select('support_count').where('id', '=', proposalId).executeTakeFirstOrThrow();
    const rows = await db
      .selectFrom('proposal_supports')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('proposal_id', '=', proposalId)
      .executeTakeFirstOrThrow();
    assert.equal(row.support_count, 200);
    assert.equal(Number(rows.n), 200);
  });

  it('counts the same account supporting twice at once only once, and lets it withdraw', async () => {
    const mine = await t.app.services.db.selectFrom('users').select('id').where('email', '=', 'mia@example.org').executeTakeFirstOrThrow();
    const service = participationService(t.app.services);
    const results = await Promise.all([service.support(actor(mine.id), proposalId), service.support(actor(mine.id), proposalId)]);
    assert.deepEqual(results.sort(), [false, true]);
    assert.equal((await t.app.services.db.selectFrom('proposals').select('support_count').where('id', '=', proposalId).executeTakeFirstOrThrow()).support_count, 201);
    await mia.post(`/beteiligung/${processId}/vorschlaege/${proposalId}/zuruecknehmen`);
    assert.equal((await t.app.services.db.selectFrom('proposals').select('support_count').where('id', '=', proposalId).executeTakeFirstOrThrow()).support_count, 200);
  });

  it('no longer lets the author edit once supported', async () => {
    const response = await mia.post(`/beteiligung/${processId}/vorschlaege/${proposalId}/bearbeiten`, { title: 'Geändert', body: 'Ein ganz anderer Text als vorher.' });
    assert.equal(response.statusCode, 303);
    const page = visibleText((await mia.get(String(response.headers.location))).body);
    assert.match(page, /lässt sich deshalb nicht mehr ändern/);
    assert.match(page, /Vereinsbörse/);
  });

  it('threads comments three levels deep and shows markup as text', async () => {
    const base = `/beteiligung/${processId}/vorschlaege/${proposalId}`;
    await mia.post(`${base}/kommentare`, { body: 'Erste Ebene <script>alert(1)</script>' });
    const db = t.app.services.db;
    const first = await db.selectFrom('proposal_comments').select('id').where('proposal_id', '=', proposalId).orderBy('id', 'desc').executeTakeFirstOrThrow();
    await coordinator.post(`${base}/kommentare`, { body: 'Zweite Ebene', parentId: String(first.id) });
    const second = await db.selectFrom('proposal_comments').select('id').orderBy('id', 'desc').executeTakeFirstOrThrow();
    await mia.post(`${base}/kommentare`, { body: 'Dritte Ebene', parentId: String(second.id) });
    const third = await db.selectFrom('proposal_comments').select('id').orderBy('id', 'desc').executeTakeFirstOrThrow();
    await coordinator.post(`${base}/kommentare`, { body: 'Vierte Antwort', parentId: String(third.id) });
    const depths = await db.selectFrom('proposal_comments').select(['body', 'depth']).where('proposal_id', '=', proposalId).orderBy('id').execute();
    assert.deepEqual(
      depths.map((d) => d.depth),
      [0, 1, 2, 2],
    );
    const page = await visitor.get(base);
    assert.doesNotMatch(page.body, /<script>alert\(1\)/);
    assert.match(visibleText(page.body), /Erste Ebene <script>alert\(1\)<\/script>/);
    assert.match(visibleText(page.body), /4 Kommentare/);
  });

  it('refuses supports and comments outside their phase with a message', async () => {
    const moved = await coordinator.post(`/verwaltung/${BENSHEIM}/beteiligung/${processId}`, { title: 'Ideen für Bensheim', published: 'on', ...phases(-20, -2) });
    assert.equal(moved.statusCode, 303, `the phases moved into the past: ${(moved.body.match(/id="[a-zA-Z]+-error"/g) ?? []).join()}`);
    const before = (await t.app.services.db.selectFrom('proposals').select('support_count').where('id', '=', proposalId).executeTakeFirstOrThrow()).support_count;
    const response = await mia.post(`/beteiligung/${processId}/vorschlaege/${proposalId}/unterstuetzen`);
    assert.equal(response.statusCode, 303);
    assert.match(visibleText((await mia.get(String(response.headers.location))).body), /Unterstützen ist in der aktuellen Phase nicht möglich/);
    assert.equal((await t.app.services.db.selectFrom('proposals').select('support_count').where('id', '=', proposalId).executeTakeFirstOrThrow()).support_count, before);
    const proposing = await mia.post(`/beteiligung/${processId}/vorschlaege/neu`, { title: 'Zu spät', body: 'Dieser Vorschlag kommt nach dem Ende.' });
    assert.match(visibleText((await mia.get(String(proposing.headers.location))).body), /Vorschläge können in der aktuellen Phase nicht eingereicht werden/);
  });

  it('answers officially: a rejection needs a reason, an acceptance links measures shown on the implementation page', async () => {
    const answer = `/verwaltung/${BENSHEIM}/vorschlaege/${proposalId}/antwort`;
    const rejected = await coordinator.post(answer, { status: 'rejected', text: '' });
    assert.equal(rejected.statusCode, 422);
    assert.match(rejected.body, /id="text-error"/);
    const noMeasure = await coordinator.post(answer, { status: 'accepted', text: 'Gute Idee' });
    assert.equal(noMeasure.statusCode, 422);
    const accepted = await coordinator.post(answer, { status: 'accepted', text: 'Wir setzen das 2027 um.', measureIds: String(measureId) });
    assert.equal(accepted.statusCode, 303);
    const proposalPage = visibleText((await visitor.get(`/beteiligung/${processId}/vorschlaege/${proposalId}`)).body);
    assert.match(proposalPage, /angenommen/);
    assert.match(proposalPage, /Wir setzen das 2027 um\./);
    assert.match(proposalPage, /Vereinsbörse auf dem Marktplatz/);
    const implementation = visibleText((await visitor.get(`/kommunen/${BENSHEIM}/umsetzung`)).body);
    assert.match(implementation, /Entstanden aus Vorschlägen Vereinsbörse/);
  });

  it('enters an offline contribution and exports proposals and comments as CSV and XLSX, formulas neutralised', async () => {
    const missing = await coordinator.post(`/verwaltung/${BENSHEIM}/beteiligung/${processId}/offline`, { title: 'Vom Papierbogen', body: 'Mehr Bänke am Marktplatz, bitte.' });
    assert.equal(missing.statusCode, 422);
    assert.match(missing.body, /id="source-error"/);
    const saved = await coordinator.post(`/verwaltung/${BENSHEIM}/beteiligung/${processId}/offline`, {
      source: 'Ideenwerkstatt Bürgerhaus',
      title: '=HYPERLINK("http://böse.example")',
      body: 'Mehr Bänke am Marktplatz, bitte.',
    });
    assert.equal(saved.statusCode, 303);
    const page = visibleText((await visitor.get(String(saved.headers.location))).body);
    assert.match(page, /offline eingegangen/);
    assert.match(page, /Offline eingegangen: Ideenwerkstatt Bürgerhaus/);

    const csv = await coordinator.get(`/verwaltung/${BENSHEIM}/beteiligung/${processId}/export/vorschlaege.csv`);
    assert.equal(csv.statusCode, 200);
    const rows = parse(csv.body.replace(/^\uFEFF/, ''), { columns: true, delimiter: ';' }) as Array<Record<string, string>>;
    const offline = rows.find((r) => r.Titel?.includes('HYPERLINK'));
    assert.equal(offline?.Titel, `'=HYPERLINK("http://böse.example")`);
    assert.equal(offline?.Von, 'offline eingegangen');

    const xlsx = await coordinator.get(`/verwaltung/${BENSHEIM}/beteiligung/${processId}/export/kommentare.xlsx`);
    assert.equal(xlsx.statusCode, 200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    assert.ok(sheet);
    assert.equal(sheet.getRow(1).getCell(4).value, 'Text');
    const bodies = sheet.getColumn(4).values.slice(2);
    assert.ok(bodies.includes('Erste Ebene <script>alert(1)</script>'));
    assert.equal(sheet.rowCount, 5, 'header and four comments');
    assert.equal((await visitor.get(`/verwaltung/${BENSHEIM}/beteiligung/${processId}/export/kommentare.xlsx`)).statusCode, 302);
    assert.equal((await coordinator.get(`/verwaltung/${BENSHEIM}/beteiligung/${processId}/export/alles.pdf`)).statusCode, 404);
  });

  it('keeps other towns from answering', async () => {
    const foreign = new TestClient(t.app.fastify);
    await foreign.login('koordination@viernheim.test', TEST_PASSWORD);
    assert.equal((await foreign.post(`/verwaltung/${BENSHEIM}/vorschlaege/${proposalId}/antwort`, { status: 'rejected', text: 'nein' })).statusCode, 403);
    assert.equal((await foreign.post(`/verwaltung/06431020/vorschlaege/${proposalId}/antwort`, { status: 'rejected', text: 'nein' })).statusCode, 404);
  });

  it('keeps proposals and comments of a deleted account as "gelöschtes Konto"', async () => {
    assert.equal((await mia.post('/konto/loeschen', { password: TEST_PASSWORD })).statusCode, 303);
    const page = visibleText((await visitor.get(`/beteiligung/${processId}/vorschlaege/${proposalId}`)).body);
    assert.match(page, /gelöschtes Konto/);
    assert.doesNotMatch(page, /Mia Mitmach/);
    assert.match(page, /Die Vereine stellen sich jedes Jahr auf dem Marktplatz vor\./);
  });
});
