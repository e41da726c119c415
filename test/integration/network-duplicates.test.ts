/**
 * Duplicates in the network: the weighted rule (normalised name similarity through pg_trgm, same
 * website, e-mail or address), the warning when an organisation is entered, "not a duplicate"
 * remembered, and the merge that moves every membership, cooperation and event link in one
 * transaction, audited — with the attacks a coordinator could try over HTTP.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Kysely } from 'kysely';
import { scoreQueuedCandidates } from '../../src/modules/network/candidates-job.ts';
import { duplicatesRepository } from '../../src/modules/network/duplicates-repository.ts';
import type { Database } from '../../src/platform/db/schema.ts';
import { pageRequest } from '../../src/platform/http/pagination.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { TestClient, visibleText } from '../support/client.ts';
import { networkFactory } from '../support/factories/network.ts';
import { createUser, municipalityId, TEST_PASSWORD } from '../support/users.ts';

const BENSHEIM = '06431002';
const VIERNHEIM = '06431020';
/** The columns an organisation row needs besides its town, name and type. */
const BLANK = { address: '', description: '', email: '', website: '', is_public: false };
const KEEP_ALL = { name: 'keep', type: 'keep', fieldsOfAction: 'keep', districtId: 'keep', address: 'keep', website: 'keep', email: 'keep', languages: 'keep', description: 'keep', isPublic: 'keep' };

describe('network duplicates and merge', () => {
  let t: TestApp;
  let db: Kysely<Database>;
  let town: number;
  let foreignTown: number;
  const ids: Record<string, number> = {};
  let coordinator: TestClient;
  let foreignCoordinator: TestClient;
  const base = `/verwaltung/${BENSHEIM}/netzwerk`;

  before(async () => {
    t = await startTestApp({ variant: 'reference' });
    db = t.app.services.db;
    town = await municipalityId(db, BENSHEIM);
    foreignTown = await municipalityId(db, VIERNHEIM);
    const f = networkFactory(db, town);
    ids.verein = await f.organisation('Verein für Nachbarschaftshilfe e.V.', { website: 'https://www.nachbarn-bensheim.de/', address: 'Hauptstraße 1' });
    ids.school = await f.organisation('Grundschule am Park', { type: 'school', email: 'info@gs-park.de', address: 'Hauptstr. 1' });
    ids.migrant = await f.organisation('Afrikanischer Elternverband', { type: 'migrant_organisation' });
    const foreign = networkFactory(db, foreignTown);
    ids.foreignTwin = await foreign.organisation('Verein Nachbarschaftshilfe');
    const own = await createUser(db, { email: 'dubletten@bensheim.test', roles: [{ role: 'coordinator', municipalityId: town }] });
    const other = await createUser(db, { email: 'dubletten@viernheim.test', roles: [{ role: 'coordinator', municipalityId: foreignTown }] });
    coordinator = new TestClient(t.app.fastify);
    await coordinator.login(own.email, TEST_PASSWORD);
    foreignCoordinator = new TestClient(t.app.fastify);
    await foreignCoordinator.login(other.email, TEST_PASSWORD);
  });
  after(() => t.close());

  describe('the rule', () => {
    it('finds a close name, the same website in another spelling and the same e-mail, but not an address alone, nor another town', async () => {
      const repo = duplicatesRepository(db);
      const byName = await repo.organisationHits(town, { name: 'Nachbarschaftshilfe-Verein' });
      assert.deepEqual(
        byName.map((h) => h.id),
        [ids.verein],
      );
      assert.ok((byName[0]?.score ?? 0) >= 40);
      const byWebsite = await repo.organisationHits(town, { name: 'Ganz anders', website: 'http://nachbarn-bensheim.de' });
      assert.deepEqual(
        byWebsite.map((h) => [h.id, h.same_website]),
        [[ids.verein, true]],
      );
      const byEmail = await repo.organisationHits(town, { name: 'Schule', email: ' INFO@gs-park.de ' });
      assert.deepEqual(
        byEmail.map((h) => h.id),
        [ids.school],
      );
      assert.deepEqual(await repo.organisationHits(town, { name: 'Fahrradwerkstatt', address: 'Hauptstrasse 1' }), []);
      assert.deepEqual(await repo.organisationHits(foreignTown, { name: 'Grundschule am Park' }), []);
    });

    it('compares names without their accents: Turkish ı, ç, ş, ğ and the Romance accents fold to the base letter, umlauts to ae/oe/ue', async () => {
      const f = networkFactory(db, town);
      const turkish = await f.organisation('Yılmaz Kültür ve Dayanışma Derneği');
      const spanish = await f.organisation('Asociación José Martí');
      const repo = duplicatesRepository(db);
      const score = async (name: string, id: number) => (await repo.organisationHits(town, { name })).find((h) => h.id === id)?.score ?? 0;
      // Typed on a German keyboard: without the folding, ı, ş and ğ each break two or three trigrams.
      assert.equal(await score('Yilmaz Kueltuer ve Dayanisma Dernegi', turkish), 60);
      assert.equal(await score('YILMAZ KÜLTÜR VE DAYANIŞMA DERNEĞİ', turkish), 60, 'capitals, dotted İ and Ş are the same name');
      assert.equal(await score('Asociacion Jose Marti', spanish), 60);
      const keys = await db.selectFrom('network_organisations').select(['id', 'name_key']).where('id', 'in', [turkish, spanish]).orderBy('id').execute();
      assert.deepEqual(
        keys.map((k) => k.name_key),
        ['yilmaz kueltuer ve dayanisma dernegi', 'asociacion jose marti'],
      );
      await db.deleteFrom('network_organisations').where('id', 'in', [turkish, spanish]).execute();
    });

    it('lists the likely pairs of a town', async () => {
      const f = networkFactory(db, town);
      ids.twin = await f.organisation('Afrikanischer Eltern-Verband e. V.', { type: 'migrant_organisation' });
      const pairs = await duplicatesRepository(db).organisationPairs(town, pageRequest(1));
      assert.deepEqual(
        pairs.items.map((p) => [p.first_id, p.second_id]),
        [[ids.migrant, ids.twin]],
      );
      assert.equal(pairs.total, 1);
      const page = visibleText((await coordinator.get(`${base}/duplikate`)).body);
      assert.match(page, /Afrikanischer Elternverband/);
      assert.match(page, /Afrikanischer Eltern-Verband e\. V\./);
    });
  });

  describe('the kept pairs', () => {
    it('are kept as organisations are written: several in one statement, a renamed one, a deleted one; scored as the rule scores an entry', async () => {
      const pairsOf = async (id: number) =>
        (
          await db
            .selectFrom('network_organisation_candidates')
            .select(['first_id', 'second_id', 'score', 'same_email'])
            .where((eb) => eb.or([eb('first_id', '=', id), eb('second_id', '=', id)]))
            .execute()
        ).map((p) => [p.first_id === id ? p.second_id : p.first_id, p.score, p.same_email]);
      // One statement, as an import writes: the two new rows find each other and the existing school.
      const [lesen, lesenTwin] = (
        await db
          .insertInto('network_organisations')
          .values([
            { ...BLANK, municipality_id: town, name: 'Lesepaten Auerbach', type: 'initiative', email: 'lesen@auerbach.example' },
            { ...BLANK, municipality_id: town, name: 'Lese-Paten Auerbach e.V.', type: 'initiative', email: 'LESEN@auerbach.example ' },
          ])
          .returning('id')
          .execute()
      ).map((r) => r.id) as [number, number];
      const rule = await duplicatesRepository(db).organisationHits(town, { name: 'Lesepaten Auerbach', email: 'lesen@auerbach.example' }, lesen);
      assert.deepEqual(
        await pairsOf(lesen),
        rule.map((h) => [h.id, h.score, h.same_email]),
        'the kept pair has the score the entry form shows',
      );
      assert.deepEqual(
        (await pairsOf(lesen)).map(([id]) => id),
        [lesenTwin],
      );

      // Renamed and another e-mail: no longer alike, the pair goes; renamed like the school, a pair with it comes.
      await db.updateTable('network_organisations').set({ name: 'Sternwarte Hochstädten', email: '' }).where('id', '=', lesenTwin).execute();
      assert.deepEqual(await pairsOf(lesen), []);
      await db.updateTable('network_organisations').set({ name: 'Grundschule am Park Auerbach' }).where('id', '=', lesenTwin).execute();
      assert.deepEqual(
        (await pairsOf(lesenTwin)).map(([id]) => id),
        [ids.school],
      );
      // A change that compares nothing (the description) leaves the pairs as they are.
      const before = await pairsOf(lesenTwin);
      await db.updateTable('network_organisations').set({ description: 'Nur die Beschreibung' }).where('id', '=', lesenTwin).execute();
      assert.deepEqual(await pairsOf(lesenTwin), before);

      await db.deleteFrom('network_organisations').where('id', 'in', [lesen, lesenTwin]).execute();
      assert.equal(
        (
          await db
            .selectFrom('network_organisation_candidates')
            .select('first_id')
            .where((eb) => eb.or([eb('first_id', 'in', [lesen, lesenTwin]), eb('second_id', 'in', [lesen, lesenTwin])]))
            .execute()
        ).length,
        0,
      );
    });

    it('are queued when one statement writes many (an import), the list says so, and the job scores them; then 50 to a page with their total', async () => {
      const many = await db
        .insertInto('network_organisations')
        .values(
          Array.from({ length: 52 }, (_, i) => ({ ...BLANK, municipality_id: town, name: `Paarverein Nummer ${i}`, type: 'club' as const, website: `https://paar-${Math.floor(i / 2)}.example` })),
        )
        .returning('id')
        .execute();
      const waiting = visibleText((await coordinator.get(`${base}/duplikate`)).body);
      assert.match(waiting, /52 Organisationen werden gerade mit den übrigen verglichen/);
      assert.doesNotMatch(waiting, /Paarverein Nummer/, 'not compared yet');
      assert.equal(await scoreQueuedCandidates(db), 52);
      assert.equal(await scoreQueuedCandidates(db), 0, 'the queue is empty');
      const first = visibleText((await coordinator.get(`${base}/duplikate`)).body);
      assert.doesNotMatch(first, /gerade mit den übrigen verglichen/);
      const total = Number(/([\d.]+) mögliche Dubletten, die wahrscheinlichsten zuerst/.exec(first)?.[1]?.replace(/\./g, ''));
      assert.ok(total > 50, `${total} pairs`);
      assert.match(first, new RegExp(`Seite 1 von ${Math.ceil(total / 50)}`));
      const second = await coordinator.get(`${base}/duplikate?seite=2`);
      assert.equal(second.statusCode, 200);
      assert.match(visibleText(second.body), new RegExp(`Seite 2 von ${Math.ceil(total / 50)}`));
      assert.equal((await coordinator.get(`${base}/duplikate?seite=abc`)).statusCode, 200, 'a page that is no number shows the first');
      await db
        .deleteFrom('network_organisations')
        .where(
          'id',
          'in',
          many.map((m) => m.id),
        )
        .execute();
    });
  });

  describe('entering an organisation', () => {
    it('shows the likely duplicates and keeps what was typed until the coordinator confirms a different one, then remembers it', async () => {
      const first = await coordinator.post(`${base}/organisationen/neu`, { name: 'Nachbarschaftshilfe Verein', type: 'club', description: 'Neu' });
      assert.equal(first.statusCode, 422);
      assert.match(visibleText(first.body), /Verein für Nachbarschaftshilfe e\.V\./);
      assert.match(first.body, /id="name-error"/);
      assert.match(first.body, /value="Nachbarschaftshilfe Verein"/);
      assert.match(first.body, /name="notDuplicate"/);
      assert.equal(await db.selectFrom('network_organisations').select('id').where('name', '=', 'Nachbarschaftshilfe Verein').executeTakeFirst(), undefined);

      const confirmed = await coordinator.post(`${base}/organisationen/neu`, { name: 'Nachbarschaftshilfe Verein', type: 'club', notDuplicate: 'on' });
      assert.equal(confirmed.statusCode, 303);
      const created = await db.selectFrom('network_organisations').select('id').where('name', '=', 'Nachbarschaftshilfe Verein').executeTakeFirstOrThrow();
      const remembered = await db.selectFrom('network_organisation_distinct').selectAll().where('municipality_id', '=', town).execute();
      assert.ok(remembered.some((r) => r.first_id === Math.min(ids.verein!, created.id) && r.second_id === Math.max(ids.verein!, created.id)));
      // The remembered pair no longer shows on its edit page nor in the list.
      const hits = await duplicatesRepository(db).organisationHits(town, { name: 'Nachbarschaftshilfe Verein' }, created.id);
      assert.ok(!hits.some((h) => h.id === ids.verein));
      const pairs = await duplicatesRepository(db).organisationPairs(town, pageRequest(1));
      assert.ok(!pairs.items.some((p) => p.first_id === Math.min(ids.verein!, created.id) && p.second_id === Math.max(ids.verein!, created.id)));
      await db.deleteFrom('network_organisations').where('id', '=', created.id).execute();
    });

    it('remembers "not a duplicate" from the list, audited, and refuses another town\'s id or the same id twice', async () => {
      const f = networkFactory(db, town);
      const a = await f.organisation('Sportfreunde Auerbach');
      const b = await f.organisation('Sportfreunde Auerbach 1920');
      assert.equal((await coordinator.post(`${base}/organisationen/${b}/kein-duplikat/${a}`)).statusCode, 303);
      assert.equal((await coordinator.post(`${base}/organisationen/${b}/kein-duplikat/${a}`)).statusCode, 303, 'again changes nothing');
      const rows = await db.selectFrom('network_organisation_distinct').selectAll().where('first_id', '=', a).execute();
      assert.deepEqual(
        rows.map((r) => [r.first_id, r.second_id]),
        [[a, b]],
      );
      assert.equal((await coordinator.post(`${base}/organisationen/${a}/kein-duplikat/${ids.foreignTwin}`)).statusCode, 404);
      assert.equal((await coordinator.post(`${base}/organisationen/${a}/kein-duplikat/${a}`)).statusCode, 404);
      assert.equal((await coordinator.post(`${base}/organisationen/${a}/kein-duplikat/999999999`)).statusCode, 404);
      assert.equal((await foreignCoordinator.post(`${base}/organisationen/${a}/kein-duplikat/${b}`)).statusCode, 403);
      assert.equal(await db.selectFrom('network_organisation_distinct').select('first_id').where('second_id', '=', ids.foreignTwin!).executeTakeFirst(), undefined);
      const audit = await db.selectFrom('audit_log').select('action').where('action', '=', 'network.organisations_distinct').where('entity_id', '=', String(a)).execute();
      assert.equal(audit.length, 2);
    });
  });

  describe('merge', () => {
    it('shows both records side by side and merges with a choice per field, moving memberships, cooperations and event links in one transaction', async () => {
      const f = networkFactory(db, town);
      const keep = await f.organisation('Türkischer Elternverein', { type: 'migrant_organisation', website: 'https://elternverein.example' });
      const other = await f.organisation('Türkischer Elternverein e.V.', { type: 'club', email: 'post@elternverein.example', description: 'Eltern helfen Eltern' });
      const person = await f.person('Ayşe Demir');
      const second = await f.person('Jonas Weber');
      await f.membership(person, keep, 'contact');
      await f.membership(person, other, 'contact'); // the same membership twice: one remains
      await f.membership(second, other, 'board_member');
      await f.cooperation(other, ids.school!, '2024-03-01');
      await f.cooperation(ids.migrant!, other, '2024-05-01');
      await f.cooperation(keep, other, '2023-01-01'); // would join the record to itself
      const page = await coordinator.get(`${base}/organisationen/${keep}/zusammenfuehren/${other}`);
      assert.equal(page.statusCode, 200);
      const text = visibleText(page.body);
      assert.match(text, /Eltern helfen Eltern/);
      assert.match(text, /post@elternverein\.example/);

      const done = await coordinator.post(`${base}/organisationen/${keep}/zusammenfuehren/${other}`, { ...KEEP_ALL, email: 'other', description: 'other' });
      assert.equal(done.statusCode, 303);
      const kept = await db.selectFrom('network_organisations').selectAll().where('id', '=', keep).executeTakeFirstOrThrow();
      assert.equal(kept.name, 'Türkischer Elternverein');
      assert.equal(kept.type, 'migrant_organisation');
      assert.equal(kept.website, 'https://elternverein.example');
      assert.equal(kept.email, 'post@elternverein.example');
      assert.equal(kept.description, 'Eltern helfen Eltern');
      assert.equal(await db.selectFrom('network_organisations').select('id').where('id', '=', other).executeTakeFirst(), undefined);
      const memberships = await db.selectFrom('network_memberships').select(['person_id', 'role']).where('organisation_id', '=', keep).orderBy('person_id').execute();
      assert.deepEqual(memberships, [
        { person_id: person, role: 'contact' },
        { person_id: second, role: 'board_member' },
      ]);
      const cooperations = await db
        .selectFrom('network_cooperations')
        .select(['organisation_id', 'partner_id'])
        .where((eb) => eb.or([eb('organisation_id', '=', keep), eb('partner_id', '=', keep)]))
        .orderBy('starts_on')
        .execute();
      assert.deepEqual(cooperations, [
        { organisation_id: keep, partner_id: ids.school },
        { organisation_id: ids.migrant, partner_id: keep },
      ]);
      const audit = await db.selectFrom('audit_log').select(['action', 'after']).where('action', '=', 'network.organisations_merged').where('entity_id', '=', String(keep)).executeTakeFirstOrThrow();
      assert.deepEqual((audit.after as { moved: unknown }).moved, { memberships: 1, cooperations: 2, cooperationsBetween: 1, events: 0 });
    });

    it("refuses a forged choice with the page again, and another town's record, the same record twice or a coordinator of another town without changing anything", async () => {
      const f = networkFactory(db, town);
      const keep = await f.organisation('Moscheegemeinde Bensheim');
      const other = await f.organisation('Moschee-Gemeinde Bensheim');
      const forged = await coordinator.post(`${base}/organisationen/${keep}/zusammenfuehren/${other}`, { ...KEEP_ALL, name: 'drop table' });
      assert.equal(forged.statusCode, 422);
      assert.match(forged.body, /id="name-error"/);
      const huge = await coordinator.post(`${base}/organisationen/${keep}/zusammenfuehren/${other}`, { ...KEEP_ALL, description: 'x'.repeat(100_000) });
      assert.equal(huge.statusCode, 400, 'a value longer than any choice is refused before the handler');
      assert.equal((await coordinator.get(`${base}/organisationen/${keep}/zusammenfuehren/${ids.foreignTwin}`)).statusCode, 404);
      assert.equal((await coordinator.post(`${base}/organisationen/${keep}/zusammenfuehren/${ids.foreignTwin}`, KEEP_ALL)).statusCode, 404);
      assert.equal((await coordinator.post(`${base}/organisationen/${ids.foreignTwin}/zusammenfuehren/${keep}`, KEEP_ALL)).statusCode, 404);
      assert.equal((await coordinator.post(`${base}/organisationen/${keep}/zusammenfuehren/${keep}`, KEEP_ALL)).statusCode, 404);
      assert.equal((await coordinator.get(`${base}/organisationen/${keep}/zusammenfuehren/abc`)).statusCode, 404);
      assert.equal((await foreignCoordinator.post(`${base}/organisationen/${keep}/zusammenfuehren/${other}`, KEEP_ALL)).statusCode, 403);
      const left = await db.selectFrom('network_organisations').select('id').where('id', 'in', [keep, other, ids.foreignTwin!]).execute();
      assert.equal(left.length, 3);
    });

    it('offers the merge from the edit page of a record with a likely duplicate', async () => {
      const page = visibleText((await coordinator.get(`${base}/organisationen/${ids.migrant}`)).body);
      assert.match(page, /Afrikanischer Eltern-Verband e\. V\./);
    });
  });
});
