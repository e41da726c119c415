import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { todayInBerlin } from '../../src/platform/i18n/catalog.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { TestClient, visibleText } from '../support/client.ts';
import { createUser, municipalityId, TEST_PASSWORD } from '../support/users.ts';

const BENSHEIM = '06431002';

function day(offset: number): string {
  return new Date(new Date(`${todayInBerlin()}T12:00:00Z`).getTime() + offset * 86_400_000).toISOString().slice(0, 10);
}

describe('moderation: reports, hiding, held words, blocks', () => {
  let t: TestApp;
  let coordinator: TestClient;
  let mia: TestClient;
  let ben: TestClient;
  let visitor: TestClient;
  let processId: number;
  let proposalId: number;
  let miaId: number;

  before(async () => {
    t = await startTestApp({ variant: 'reference' });
    const db = t.app.services.db;
    const bensheim = await municipalityId(db, BENSHEIM);
    await createUser(db, { email: 'koordination@bensheim.test', roles: [{ role: 'coordinator', municipalityId: bensheim }] });
    await createUser(db, { email: 'koordination@viernheim.test', roles: [{ role: 'coordinator', municipalityId: await municipalityId(db, '06431020') }] });
    miaId = (await createUser(db, { email: 'mia@example.org', displayName: 'Mia' })).id;
    await createUser(db, { email: 'ben@example.org', displayName: 'Ben' });
    coordinator = new TestClient(t.app.fastify);
    await coordinator.login('koordination@bensheim.test', TEST_PASSWORD);
    mia = new TestClient(t.app.fastify);
    await mia.login('mia@example.org', TEST_PASSWORD);
    ben = new TestClient(t.app.fastify);
    await ben.login('ben@example.org', TEST_PASSWORD);
    visitor = new TestClient(t.app.fastify);
    const created = await coordinator.post(`/verwaltung/${BENSHEIM}/beteiligung/neu`, { title: 'Ideen für Bensheim', ideasStart: day(-1), ideasEnd: day(20) });
    processId = Number(/beteiligung\/(\d+)$/.exec(String(created.headers.location))?.[1]);
    await coordinator.post(`/verwaltung/${BENSHEIM}/beteiligung/${processId}`, { title: 'Ideen für Bensheim', published: 'on', ideasStart: day(-1), ideasEnd: day(20) });
    const proposed = await mia.post(`/beteiligung/${processId}/vorschlaege/neu`, { title: 'Geheimer Grillplatz', body: 'Ein Grillplatz am Fluss mit Telefonnummer 0123 456789 von Herrn X.' });
    proposalId = Number(/vorschlaege\/(\d+)$/.exec(String(proposed.headers.location))?.[1]);
  });
  after(() => t.close());

  it('takes one report per person and shows it in the queue', async () => {
    const url = `/beteiligung/${processId}/vorschlaege/${proposalId}/melden`;
    const missing = await ben.post(url, { note: 'ohne Grund' });
    assert.equal(missing.statusCode, 422);
    assert.match(missing.body, />ohne Grund<\/textarea>/);
    assert.equal((await ben.post(url, { reason: 'personal_data', note: 'Telefonnummer' })).statusCode, 303);
    assert.equal((await ben.post(url, { reason: 'spam' })).statusCode, 303);
    const reports = await t.app.services.db.selectFrom('content_reports').select('reason').execute();
    assert.deepEqual(
      reports.map((r) => r.reason),
      ['personal_data'],
    );
    const queue = visibleText((await coordinator.get(`/verwaltung/${BENSHEIM}/moderation`)).body);
    assert.match(queue, /1 gemeldeter Beitrag/);
    assert.match(queue, /Geheimer Grillplatz/);
    assert.match(queue, /1 Meldung: persönliche Daten anderer – Telefonnummer/);
  });

  it('hides a contribution: the public sees the note with the reason, not the text, and search does not find it', async () => {
    assert.equal((await coordinator.post(`/verwaltung/${BENSHEIM}/moderation/vorschlag/${proposalId}/ausblenden`, { reason: 'personal_data' })).statusCode, 303);
    const page = await visitor.get(`/beteiligung/${processId}/vorschlaege/${proposalId}`);
    const text = visibleText(page.body);
    assert.match(text, /Dieser Beitrag wurde von der Moderation ausgeblendet\. Grund: persönliche Daten anderer\./);
    assert.doesNotMatch(page.body, /Telefonnummer|Grillplatz/);
    assert.doesNotMatch((await visitor.get(`/beteiligung/${processId}`)).body, /Grillplatz/);
    assert.match(visibleText((await visitor.get(`/beteiligung/${processId}?q=Grillplatz`)).body), /Keine Treffer/);
    assert.match(visibleText((await coordinator.get(`/beteiligung/${processId}/vorschlaege/${proposalId}`)).body), /Telefonnummer/, 'the moderation still reads it');
    assert.match(visibleText((await coordinator.get(`/verwaltung/${BENSHEIM}/moderation`)).body), /Keine offenen Meldungen/);
    const audit = await t.app.services.db.selectFrom('audit_log').select(['action', 'after']).where('action', '=', 'moderation.hidden').executeTakeFirstOrThrow();
    assert.deepEqual(audit.after, { reason: 'personal_data' });
    assert.equal((await coordinator.post(`/verwaltung/${BENSHEIM}/moderation/vorschlag/${proposalId}/freigeben`)).statusCode, 303);
    assert.match(visibleText((await visitor.get(`/beteiligung/${processId}/vorschlaege/${proposalId}`)).body), /Geheimer Grillplatz/);
  });

  it('holds contributions with a listed word until released', async () => {
    assert.equal((await coordinator.post(`/verwaltung/${BENSHEIM}/moderation/woerter`, { words: 'Mistkerl\nIdiot' })).statusCode, 303);
    await ben.post(`/beteiligung/${processId}/vorschlaege/${proposalId}/kommentare`, { body: 'So ein IDIOT-Vorschlag!' });
    await ben.post(`/beteiligung/${processId}/vorschlaege/${proposalId}/kommentare`, { body: 'Idiotensicher umsetzbar.' });
    const page = visibleText((await visitor.get(`/beteiligung/${processId}/vorschlaege/${proposalId}`)).body);
    assert.match(page, /Dieser Beitrag wird von der Moderation geprüft/);
    assert.doesNotMatch(page, /IDIOT-Vorschlag/);
    assert.match(page, /Idiotensicher umsetzbar/, 'a longer word that merely contains a listed one is not held');
    const held = await t.app.services.db.selectFrom('proposal_comments').select('id').where('held', '=', true).executeTakeFirstOrThrow();
    assert.match(visibleText((await coordinator.get(`/verwaltung/${BENSHEIM}/moderation`)).body), /1 Beitrag zur Prüfung zurückgehalten/);
    await coordinator.post(`/verwaltung/${BENSHEIM}/moderation/kommentar/${held.id}/freigeben`);
    assert.match(visibleText((await visitor.get(`/beteiligung/${processId}/vorschlaege/${proposalId}`)).body), /IDIOT-Vorschlag/);
  });

  it('leads from a reported comment in the queue to the page of comments that shows it', async () => {
    const comment = await t.app.services.db.selectFrom('proposal_comments').select('id').where('body', '=', 'Idiotensicher umsetzbar.').executeTakeFirstOrThrow();
    const shown = `/beteiligung/${processId}/vorschlaege/${proposalId}?kommentar=${comment.id}#kommentar-${comment.id}`;
    const reported = await mia.post(`/beteiligung/${processId}/vorschlaege/${proposalId}/kommentare/${comment.id}/melden`, { reason: 'insult' });
    assert.equal(reported.statusCode, 303);
    assert.equal(String(reported.headers.location), shown, 'the reporter returns to the comment');
    const queue = await coordinator.get(`/verwaltung/${BENSHEIM}/moderation`);
    assert.ok(queue.body.includes(`href="${shown}"`), 'the queue links to the comment, not just the proposal');
    assert.match((await coordinator.get(shown.split('#')[0] ?? '')).body, new RegExp(`id="kommentar-${comment.id}"`));
    assert.equal((await coordinator.post(`/verwaltung/${BENSHEIM}/moderation/kommentar/${comment.id}/abweisen`)).statusCode, 303);
  });

  it('blocks a person for the town and lifts the block', async () => {
    assert.equal((await coordinator.post(`/verwaltung/${BENSHEIM}/moderation/person/${miaId}/sperren`, { reason: 'wiederholt persönliche Daten' })).statusCode, 303);
    const refused = await mia.post(`/beteiligung/${processId}/vorschlaege/neu`, { title: 'Noch ein Vorschlag', body: 'Ein weiterer Vorschlag von Mia.' });
    assert.equal(refused.statusCode, 303);
    assert.match(visibleText((await mia.get(String(refused.headers.location))).body), /Sie sind für Beiträge in dieser Kommune gesperrt/);
    await coordinator.post(`/verwaltung/${BENSHEIM}/moderation/person/${miaId}/entsperren`);
    assert.equal((await mia.post(`/beteiligung/${processId}/vorschlaege/neu`, { title: 'Noch ein Vorschlag', body: 'Ein weiterer Vorschlag von Mia.' })).statusCode, 303);
    assert.equal(await t.app.services.db.selectFrom('proposals').select('id').where('title', '=', 'Noch ein Vorschlag').executeTakeFirst().then(Boolean), true);
  });

  it('keeps other towns out of the moderation', async () => {
    const foreign = new TestClient(t.app.fastify);
    await foreign.login('koordination@viernheim.test', TEST_PASSWORD);
    assert.equal((await foreign.get(`/verwaltung/${BENSHEIM}/moderation`)).statusCode, 403);
    assert.equal((await foreign.post(`/verwaltung/${BENSHEIM}/moderation/vorschlag/${proposalId}/ausblenden`, { reason: 'spam' })).statusCode, 403);
    assert.equal((await foreign.post(`/verwaltung/06431020/moderation/vorschlag/${proposalId}/ausblenden`, { reason: 'spam' })).statusCode, 404);
    assert.equal((await mia.get(`/verwaltung/${BENSHEIM}/moderation`)).statusCode, 403);
  });
});
