import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sendDigests } from '../../src/modules/participation/notifications.ts';
import { todayInBerlin } from '../../src/platform/i18n/catalog.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { TestClient, visibleText } from '../support/client.ts';
import { startSmtpServer } from '../support/smtp.ts';
import { createUser, municipalityId, TEST_PASSWORD } from '../support/users.ts';

const BENSHEIM = '06431002';

function day(offset: number): string {
  return new Date(new Date(`${todayInBerlin()}T12:00:00Z`).getTime() + offset * 86_400_000).toISOString().slice(0, 10);
}

describe('following and notifications', () => {
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let t: TestApp;
  let coordinator: TestClient;
  let mia: TestClient;
  let ben: TestClient;
  let processId: number;
  let proposalId: number;

  before(async () => {
    smtp = await startSmtpServer();
    t = await startTestApp({ env: { SMTP_URL: smtp.url } });
    const db = t.app.services.db;
    await createUser(db, { email: 'koordination@bensheim.test', roles: [{ role: 'coordinator', municipalityId: await municipalityId(db, BENSHEIM) }] });
    await createUser(db, { email: 'mia@example.org', displayName: 'Mia' });
    await createUser(db, { email: 'ben@example.org', displayName: 'Ben' });
    coordinator = new TestClient(t.app.fastify);
    await coordinator.login('koordination@bensheim.test', TEST_PASSWORD);
    mia = new TestClient(t.app.fastify);
    await mia.login('mia@example.org', TEST_PASSWORD);
    ben = new TestClient(t.app.fastify);
    await ben.login('ben@example.org', TEST_PASSWORD);
    const created = await coordinator.post(`/verwaltung/${BENSHEIM}/beteiligung/neu`, { title: 'Ideen', ideasStart: day(-1), ideasEnd: day(20) });
    processId = Number(/beteiligung\/(\d+)$/.exec(String(created.headers.location))?.[1]);
    await coordinator.post(`/verwaltung/${BENSHEIM}/beteiligung/${processId}`, { title: 'Ideen', published: 'on', ideasStart: day(-1), ideasEnd: day(20) });
    const proposed = await mia.post(`/beteiligung/${processId}/vorschlaege/neu`, { title: 'Bouleplatz im Park', body: 'Ein Bouleplatz bringt Generationen zusammen.' });
    proposalId = Number(/vorschlaege\/(\d+)$/.exec(String(proposed.headers.location))?.[1]);
  });
  after(async () => {
    await t.close();
    await smtp.close();
  });

  const mailsTo = async (address: string) => {
    await t.app.deliverMail();
    return smtp.mails.filter((m) => m.to === address);
  };

  it('lets people choose in /konto how they hear about things', async () => {
    const page = visibleText((await ben.get('/konto')).body);
    assert.match(page, /Benachrichtigungen/);
    assert.equal((await ben.post('/konto/benachrichtigungen', { mode: 'daily' })).statusCode, 303);
    assert.equal((await ben.post('/konto/benachrichtigungen', { mode: 'stündlich' })).statusCode, 400);
    assert.match((await ben.get('/konto')).body, /<option value="daily" selected/);
  });

  it('tells the author (who follows automatically) about a new comment, but not the commenter', async () => {
    assert.equal((await ben.post(`/beteiligung/${processId}/folgen`)).statusCode, 303);
    await ben.post(`/beteiligung/${processId}/vorschlaege/${proposalId}/kommentare`, { body: 'Ich bringe Kugeln mit.' });
    const toMia = await mailsTo('mia@example.org');
    assert.equal(toMia.length, 1);
    assert.match(toMia[0]?.subject ?? '', /Neuer Kommentar zu „Bouleplatz im Park“/);
    const comment = await t.app.services.db.selectFrom('proposal_comments').select('id').where('body', '=', 'Ich bringe Kugeln mit.').executeTakeFirstOrThrow();
    // The link opens the page of comments that holds this one (they come in pages of threads).
    assert.ok((toMia[0]?.text ?? '').includes(`/beteiligung/${processId}/vorschlaege/${proposalId}?kommentar=${comment.id}#kommentar-${comment.id}`), toMia[0]?.text);
    assert.equal((await mailsTo('ben@example.org')).length, 0);
  });

  it('tells followers about the official answer, at once or in the daily digest', async () => {
    await coordinator.post(`/verwaltung/${BENSHEIM}/vorschlaege/${proposalId}/antwort`, { status: 'in_review', text: 'Wir prüfen Standorte.' });
    const toMia = await mailsTo('mia@example.org');
    assert.equal(toMia.length, 2);
    assert.match(toMia[1]?.text ?? '', /geantwortet: wird geprüft/);
    assert.equal((await mailsTo('ben@example.org')).length, 0, 'Ben chose the daily digest');
    assert.equal(await sendDigests(t.app.services.db, 'http://vv.test'), 1);
    const digest = await mailsTo('ben@example.org');
    assert.equal(digest.length, 1);
    assert.match(digest[0]?.subject ?? '', /1 Neuigkeit/);
    assert.match(digest[0]?.text ?? '', /Bouleplatz im Park/);
    assert.equal(await sendDigests(t.app.services.db, 'http://vv.test'), 0, 'nothing is sent twice');
  });

  it('stops writing after unfollowing or choosing "gar nicht"', async () => {
    await ben.post(`/beteiligung/${processId}/folgen`);
    await mia.post('/konto/benachrichtigungen', { mode: 'off' });
    await coordinator.post(`/verwaltung/${BENSHEIM}/vorschlaege/${proposalId}/antwort`, { status: 'rejected', text: 'Kein Platz.' });
    assert.equal((await mailsTo('mia@example.org')).length, 2);
    assert.equal(await sendDigests(t.app.services.db, 'http://vv.test'), 0);
  });
});
