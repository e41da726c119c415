/**
 * Security items of participation, each over HTTP: edits meet the word list and the block like new
 * texts (7), withheld text is rendered nowhere outside moderation (8), photos lose their metadata and
 * go with the account (9), a process's field of action is the town's own (13), blocks only for people
 * who took part in the town (14), exports of personal data are in the audit log (6).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import sharp from 'sharp';
import { startTestApp, type TestApp } from '../support/app.ts';
import { TestClient, visibleText } from '../support/client.ts';
import { createComment, createField, createProcess, createProposal, day } from '../support/factories/participation.ts';
import { createUser, municipalityId, TEST_PASSWORD } from '../support/users.ts';

const BENSHEIM = '06431002';
const VIERNHEIM = '06431020';

describe('participation security', () => {
  let t: TestApp;
  let bensheim: number;
  let viernheim: number;
  let processId: number;
  let coordinator: TestClient;
  let mia: TestClient;
  let ben: TestClient;
  let miaId: number;
  let benId: number;

  const db = () => t.app.services.db;
  const login = async (email: string) => {
    const client = new TestClient(t.app.fastify);
    await client.login(email, TEST_PASSWORD);
    return client;
  };

  before(async () => {
    t = await startTestApp({ variant: 'reference' });
    bensheim = await municipalityId(db(), BENSHEIM);
    viernheim = await municipalityId(db(), VIERNHEIM);
    await createUser(db(), { email: 'koordination@bensheim.test', roles: [{ role: 'coordinator', municipalityId: bensheim }] });
    miaId = (await createUser(db(), { email: 'mia@example.org', displayName: 'Mia' })).id;
    benId = (await createUser(db(), { email: 'ben@example.org', displayName: 'Ben' })).id;
    coordinator = await login('koordination@bensheim.test');
    mia = await login('mia@example.org');
    ben = await login('ben@example.org');
    processId = await createProcess(db(), bensheim, { title: 'Ideen für Bensheim' });
    await db().insertInto('moderation_words').values({ municipality_id: bensheim, word: 'idiot' }).execute();
  });
  after(() => t.close());

  describe('7: edits are moderated like new texts', () => {
    it('holds an edited proposal that now contains a listed word', async () => {
      const proposalId = await createProposal(db(), processId, miaId, { title: 'Bänke am Markt' });
      const edited = await mia.post(`/beteiligung/${processId}/vorschlaege/${proposalId}/bearbeiten`, { title: 'Bänke am Markt', body: 'Nur ein Idiot ist gegen Bänke am Markt.' });
      assert.equal(edited.statusCode, 303);
      const row = await db().selectFrom('proposals').select(['held', 'body']).where('id', '=', proposalId).executeTakeFirstOrThrow();
      assert.equal(row.held, true);
      assert.doesNotMatch((await new TestClient(t.app.fastify).get(`/beteiligung/${processId}/vorschlaege/${proposalId}`)).body, /Idiot/);
    });

    it('holds an edited comment that now contains a listed word', async () => {
      const proposalId = await createProposal(db(), processId, benId);
      await mia.post(`/beteiligung/${processId}/vorschlaege/${proposalId}/kommentare`, { body: 'Gute Idee.' });
      const comment = await db().selectFrom('proposal_comments').select(['id', 'held']).where('proposal_id', '=', proposalId).executeTakeFirstOrThrow();
      assert.equal(comment.held, false);
      assert.equal((await mia.post(`/beteiligung/${processId}/vorschlaege/${proposalId}/kommentare/${comment.id}`, { body: 'So ein Idiot.' })).statusCode, 303);
      const after = await db().selectFrom('proposal_comments').select('held').where('id', '=', comment.id).executeTakeFirstOrThrow();
      assert.equal(after.held, true);
    });

    it('refuses edits from a person blocked in the town', async () => {
      const lea = await createUser(db(), { email: 'lea@example.org', displayName: 'Lea' });
      const client = await login('lea@example.org');
      const proposalId = await createProposal(db(), processId, lea.id, { title: 'Leas Vorschlag' });
      const otherId = await createProposal(db(), processId, benId);
      const commentId = await createComment(db(), otherId, lea.id, { body: 'Leas Kommentar' });
      assert.equal((await coordinator.post(`/verwaltung/${BENSHEIM}/moderation/person/${lea.id}/sperren`, { reason: 'Test' })).statusCode, 303);
      const proposal = await client.post(`/beteiligung/${processId}/vorschlaege/${proposalId}/bearbeiten`, { title: 'Geänderter Titel', body: 'Ein ganz anderer Text als vorher.' });
      assert.equal(proposal.statusCode, 303);
      assert.match(visibleText((await client.get(String(proposal.headers.location))).body), /Sie sind für Beiträge in dieser Kommune gesperrt/);
      const comment = await client.post(`/beteiligung/${processId}/vorschlaege/${otherId}/kommentare/${commentId}`, { body: 'Geänderter Kommentar' });
      assert.equal(comment.statusCode, 303);
      assert.equal((await db().selectFrom('proposals').select('title').where('id', '=', proposalId).executeTakeFirstOrThrow()).title, 'Leas Vorschlag');
      assert.equal((await db().selectFrom('proposal_comments').select('body').where('id', '=', commentId).executeTakeFirstOrThrow()).body, 'Leas Kommentar');
    });
  });

  describe('8: withheld content is rendered nowhere outside moderation', () => {
    it('leaves the text of a hidden or held comment out of the reply link', async () => {
      const proposalId = await createProposal(db(), processId, miaId);
      await createComment(db(), proposalId, miaId, { body: 'Geheimer ausgeblendeter Kommentartext', hidden: true });
      await createComment(db(), proposalId, miaId, { body: 'Geheimer zurückgehaltener Kommentartext', held: true });
      const page = await ben.get(`/beteiligung/${processId}/vorschlaege/${proposalId}`);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /kommentare\/neu\?antwort=/, 'the reply links are there');
      assert.doesNotMatch(page.body, /Geheimer/);
      assert.match((await coordinator.get(`/beteiligung/${processId}/vorschlaege/${proposalId}`)).body, /Geheimer ausgeblendeter/, 'the moderation still reads it');
    });

    it('does not show the title of a hidden proposal on the comment, report and merged pages', async () => {
      const hiddenId = await createProposal(db(), processId, miaId, { title: 'Verborgener Titel', hidden: true });
      const commentId = await createComment(db(), hiddenId, miaId);
      for (const path of [`/kommentare/neu`, `/melden`, `/kommentare/${commentId}/melden`]) {
        const page = await ben.get(`/beteiligung/${processId}/vorschlaege/${hiddenId}${path}`);
        assert.equal(page.statusCode, 200, path);
        assert.doesNotMatch(page.body, /Verborgener Titel/, path);
      }
      const mergedId = await createProposal(db(), processId, benId, { title: 'Zusammengelegt' });
      await db().updateTable('proposals').set({ status: 'merged', merged_into_id: hiddenId, answered_at: new Date() }).where('id', '=', mergedId).execute();
      assert.doesNotMatch((await ben.get(`/beteiligung/${processId}/vorschlaege/${mergedId}`)).body, /Verborgener Titel/);
    });
  });

  describe('9: photos', () => {
    it('strips EXIF (GPS, camera) from an uploaded photo', async () => {
      const jpeg = await sharp({ create: { width: 16, height: 16, channels: 3, background: { r: 200, g: 120, b: 40 } } })
        .jpeg()
        .withMetadata({
          exif: { IFD0: { Make: 'Testkamera', Model: 'GeoPhone 9' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '49/1 40/1 3000/100', GPSLongitudeRef: 'E', GPSLongitude: '8/1 37/1 1200/100' } },
        })
        .toBuffer();
      const exif = (await sharp(jpeg).metadata()).exif;
      assert.ok(exif?.includes('GeoPhone'), 'the fixture carries EXIF');
      const created = await mia.postMultipart(
        `/beteiligung/${processId}/vorschlaege/neu`,
        { title: 'Spielplatz Nord', body: 'Mehr Schatten am Spielplatz Nord.', alt1: 'Spielplatz' },
        { field: 'image1', filename: 'foto.jpg', contentType: 'image/jpeg', data: jpeg },
      );
      assert.equal(created.statusCode, 303);
      const page = await mia.get(String(created.headers.location));
      const src = /<img src="([^"]+\/bilder\/\d+)"/.exec(page.body)?.[1];
      assert.ok(src);
      const served = await mia.get(src);
      assert.equal(served.statusCode, 200);
      const metadata = await sharp(served.rawPayload).metadata();
      assert.equal(metadata.format, 'jpeg');
      assert.equal(metadata.exif, undefined);
      assert.ok(!served.rawPayload.includes(Buffer.from('GeoPhone')) && !served.rawPayload.includes(Buffer.from('Exif\0')));
    });

    it('removes the photos of a person’s proposals when the account is deleted', async () => {
      await createUser(db(), { email: 'geht@example.org', displayName: 'Geht' });
      const leaving = await login('geht@example.org');
      const png = await sharp({ create: { width: 2, height: 2, channels: 3, background: 'white' } })
        .png()
        .toBuffer();
      const created = await leaving.postMultipart(
        `/beteiligung/${processId}/vorschlaege/neu`,
        { title: 'Brunnen am Markt', body: 'Ein Trinkbrunnen am Marktplatz.', alt1: 'Marktplatz' },
        { field: 'image1', filename: 'markt.png', contentType: 'image/png', data: png },
      );
      const proposalPath = String(created.headers.location);
      const proposalId = Number(proposalPath.split('/').at(-1));
      const image = await db().selectFrom('proposal_images').select(['id', 'file_id']).where('proposal_id', '=', proposalId).executeTakeFirstOrThrow();
      assert.equal((await leaving.post('/konto/loeschen', { password: TEST_PASSWORD })).statusCode, 303);
      assert.equal(await db().selectFrom('proposal_images').select('id').where('proposal_id', '=', proposalId).executeTakeFirst(), undefined);
      assert.equal(await db().selectFrom('files').select('id').where('id', '=', image.file_id).executeTakeFirst(), undefined);
      assert.equal((await ben.get(`${proposalPath}/bilder/${image.id}`)).statusCode, 404);
      assert.match(visibleText((await ben.get(proposalPath)).body), /Brunnen am Markt/, 'the text stays');
    });
  });

  describe('13: a field of action of another town is refused', () => {
    it('on a process', async () => {
      const foreignField = await createField(db(), viernheim, 'Fremdes Feld');
      const before = await db()
        .selectFrom('participation_processes')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      const created = await coordinator.post(`/verwaltung/${BENSHEIM}/beteiligung/neu`, { title: 'Neuer Prozess', fieldId: String(foreignField), ideasStart: day(0), ideasEnd: day(10) });
      assert.equal(created.statusCode, 422);
      assert.match(created.body, /id="fieldId-error"/);
      const after = await db()
        .selectFrom('participation_processes')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      assert.equal(Number(after.n), Number(before.n));
      const edited = await coordinator.post(`/verwaltung/${BENSHEIM}/beteiligung/${processId}`, {
        title: 'Ideen für Bensheim',
        published: 'on',
        fieldId: String(foreignField),
        ideasStart: day(-1),
        ideasEnd: day(30),
      });
      assert.equal(edited.statusCode, 422);
      assert.equal((await db().selectFrom('participation_processes').select('field_id').where('id', '=', processId).executeTakeFirstOrThrow()).field_id, null);
      const own = await createField(db(), bensheim, 'Eigenes Feld');
      assert.equal(
        (await coordinator.post(`/verwaltung/${BENSHEIM}/beteiligung/${processId}`, { title: 'Ideen für Bensheim', published: 'on', fieldId: String(own), ideasStart: day(-1), ideasEnd: day(30) }))
          .statusCode,
        303,
      );
    });

    it('on a proposal', async () => {
      const foreignField = await createField(db(), viernheim, 'Noch ein fremdes Feld');
      const response = await ben.post(`/beteiligung/${processId}/vorschlaege/neu`, { title: 'Feld von woanders', body: 'Ein Vorschlag mit fremdem Feld.', fieldId: String(foreignField) });
      assert.equal(response.statusCode, 422);
      assert.equal(await db().selectFrom('proposals').select('id').where('title', '=', 'Feld von woanders').executeTakeFirst(), undefined);
    });
  });

  describe('14: blocks', () => {
    it('blocks only people who took part in the town, so no account name can be read through the list', async () => {
      const stranger = await createUser(db(), { email: 'fremd@example.org', displayName: 'Unbeteiligte Person' });
      const response = await coordinator.post(`/verwaltung/${BENSHEIM}/moderation/person/${stranger.id}/sperren`, { reason: 'neugierig' });
      assert.equal(response.statusCode, 404);
      assert.equal(await db().selectFrom('municipality_blocks').select('user_id').where('user_id', '=', stranger.id).executeTakeFirst(), undefined);
      assert.doesNotMatch((await coordinator.get(`/verwaltung/${BENSHEIM}/moderation`)).body, /Unbeteiligte Person/);
      // Someone who took part elsewhere only is a stranger here as well.
      const elsewhere = await createProcess(db(), viernheim);
      const supporter = await createUser(db(), { email: 'woanders@example.org', displayName: 'Woanders' });
      await createProposal(db(), elsewhere, supporter.id);
      assert.equal((await coordinator.post(`/verwaltung/${BENSHEIM}/moderation/person/${supporter.id}/sperren`)).statusCode, 404);
      assert.equal((await coordinator.post(`/verwaltung/${BENSHEIM}/moderation/person/${stranger.id}/entsperren`)).statusCode, 404);
    });

    it('still blocks a person who only supported a proposal', async () => {
      const supporter = await createUser(db(), { email: 'unterstuetzt@example.org', displayName: 'Unterstützerin' });
      const proposalId = await createProposal(db(), processId, benId);
      const client = await login('unterstuetzt@example.org');
      assert.equal((await client.post(`/beteiligung/${processId}/vorschlaege/${proposalId}/unterstuetzen`)).statusCode, 303);
      assert.equal((await coordinator.post(`/verwaltung/${BENSHEIM}/moderation/person/${supporter.id}/sperren`)).statusCode, 303);
      assert.match(visibleText((await coordinator.get(`/verwaltung/${BENSHEIM}/moderation`)).body), /Unterstützerin/);
      assert.equal((await coordinator.post(`/verwaltung/${BENSHEIM}/moderation/person/${supporter.id}/entsperren`)).statusCode, 303);
    });
  });

  describe('6: exports of personal data', () => {
    it('writes an audit entry for each export of proposals and comments, in the same request', async () => {
      for (const kind of ['vorschlaege.csv', 'kommentare.xlsx']) {
        const response = await coordinator.get(`/verwaltung/${BENSHEIM}/beteiligung/${processId}/export/${kind}`);
        assert.equal(response.statusCode, 200);
      }
      const entries = await db().selectFrom('audit_log').select(['action', 'entity_id', 'municipality_id', 'after']).where('action', '=', 'participation.exported').orderBy('id').execute();
      assert.equal(entries.length, 2);
      assert.deepEqual(
        entries.map((e) => [e.entity_id, e.municipality_id, (e.after as { what: string }).what]),
        [
          [String(processId), bensheim, 'vorschlaege'],
          [String(processId), bensheim, 'kommentare'],
        ],
      );
    });
  });
});
