/**
 * The network module: the figures computed in the database on a reference date, the deterministic
 * picture, German full-text search in the public directory, consent revocation, the forms of the
 * workspace, and access: 403 for a coordinator of another town, 404 for another town's ids.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Kysely } from 'kysely';
import { networkFiguresRepository } from '../../src/modules/network/figures-repository.ts';
import { layoutNetwork } from '../../src/modules/network/graph.ts';
import { networkPicture } from '../../src/modules/network/picture.ts';
import type { Database } from '../../src/platform/db/schema.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { TestClient, visibleText } from '../support/client.ts';
import { networkFactory } from '../support/factories/network.ts';
import { createUser, municipalityId, TEST_PASSWORD } from '../support/users.ts';

const BENSHEIM = '06431002';
const VIERNHEIM = '06431020';

describe('network', () => {
  let t: TestApp;
  let db: Kysely<Database>;
  let town: number;
  let foreignTown: number;
  const ids: Record<string, number> = {};
  let coordinator: TestClient;
  let foreignCoordinator: TestClient;
  let visitor: TestClient;
  let linkedUser: { id: number; email: string };

  before(async () => {
    t = await startTestApp({ variant: 'reference' });
    db = t.app.services.db;
    town = await municipalityId(db, BENSHEIM);
    foreignTown = await municipalityId(db, VIERNHEIM);
    const f = networkFactory(db, town);
    ids.verein = await f.organisation('Verein für Nachbarschaftshilfe', { type: 'club', description: 'Hilfe unter Nachbarn' });
    ids.school = await f.organisation('Grundschule am Park', { type: 'school' });
    ids.migrant = await f.organisation('Afrikanischer Elternverband', { type: 'migrant_organisation' });
    ids.hidden = await f.organisation('Stille Initiative', { type: 'initiative', isPublic: false });
    ids.alone = await f.organisation('Einzelgänger GmbH', { type: 'company' });
    // Active on 2021-06-30: verein–school (open), verein–migrant (until 2021-12-31), hidden–school (open).
    await f.cooperation(ids.verein, ids.school, '2020-01-15');
    await f.cooperation(ids.migrant, ids.verein, '2021-03-01', '2021-12-31');
    await f.cooperation(ids.hidden, ids.school, '2021-05-01');
    // Ended before the reference date; counts for the quarter it began in only.
    await f.cooperation(ids.school, ids.migrant, '2019-08-01', '2020-06-30');
    const foreign = networkFactory(db, foreignTown);
    ids.foreignOrg = await foreign.organisation('Fremder Verein Viernheim');
    ids.foreignOrg2 = await foreign.organisation('Zweiter fremder Verein');
    ids.foreignCoop = await foreign.cooperation(ids.foreignOrg, ids.foreignOrg2, '2021-01-01');
    ids.foreignPerson = await foreign.person('Fremde Person');
    ids.foreignMembership = await foreign.membership(ids.foreignPerson, ids.foreignOrg);

    const own = await createUser(db, { email: 'koordination@bensheim.test', roles: [{ role: 'coordinator', municipalityId: town }] });
    const other = await createUser(db, { email: 'koordination@viernheim.test', roles: [{ role: 'coordinator', municipalityId: foreignTown }] });
    linkedUser = await createUser(db, { email: 'kontakt@example.org' });
    coordinator = new TestClient(t.app.fastify);
    await coordinator.login(own.email, TEST_PASSWORD);
    foreignCoordinator = new TestClient(t.app.fastify);
    await foreignCoordinator.login(other.email, TEST_PASSWORD);
    visitor = new TestClient(t.app.fastify);
  });
  after(() => t.close());

  describe('figures on a reference date', () => {
    it('counts organisations, active cooperations, density, isolated ones, the migrant share and new mixed cooperations', async () => {
      const figures = await networkFiguresRepository(db).figures({ municipalityId: town, publicOnly: false }, '2021-06-30', '2020-07-01');
      assert.equal(figures.organisations, 5);
      assert.equal(figures.activeCooperations, 3);
      assert.equal(figures.links, 3);
      assert.equal(figures.density, (2 * 3) / (5 * 4));
      assert.equal(figures.isolated, 1);
      assert.equal(figures.withMigrantOrganisation, 1);
      assert.equal(figures.migrantShare, 1 / 3);
      // Only verein–migrant began in the period and joins a migrant with an established organisation.
      assert.equal(figures.newMixed, 1);
    });

    it('counts only public organisations and the cooperations among them for the public page', async () => {
      const figures = await networkFiguresRepository(db).figures({ municipalityId: town, publicOnly: true }, '2021-06-30', '2020-07-01');
      assert.equal(figures.organisations, 4);
      assert.equal(figures.activeCooperations, 2);
      assert.equal(figures.density, (2 * 2) / (4 * 3));
      assert.equal(figures.migrantShare, 1 / 2);
    });

    it('computes activity from the dates: after an end date the cooperation no longer counts', async () => {
      const figures = await networkFiguresRepository(db).figures({ municipalityId: town, publicOnly: false }, '2022-01-01', '2021-01-01');
      assert.equal(figures.activeCooperations, 2);
      assert.equal(figures.migrantShare, 0);
    });

    it('gives each organisation its number of partners, and the quarters from the first cooperation on', async () => {
      const repo = networkFiguresRepository(db);
      const nodes = await repo.nodes({ municipalityId: town, publicOnly: false }, '2021-06-30');
      const degree = Object.fromEntries(nodes.map((n) => [n.name, n.degree]));
      assert.deepEqual(degree, { 'Afrikanischer Elternverband': 1, 'Einzelgänger GmbH': 0, 'Grundschule am Park': 2, 'Stille Initiative': 1, 'Verein für Nachbarschaftshilfe': 2 });
      const quarters = await repo.quarters({ municipalityId: town, publicOnly: false }, '2021-06-30');
      assert.equal(quarters[0]?.quarter_start, '2019-07-01');
      assert.equal(quarters.at(-1)?.quarter_start, '2021-04-01');
      assert.equal(quarters.length, 8);
      const q2019 = quarters[0];
      assert.equal(q2019?.started, 1);
      assert.equal(q2019?.new_mixed, 1);
      assert.equal(quarters.at(-1)?.active, 3);
    });
  });

  describe('the picture', () => {
    it('is the same SVG for the same data, with an accessible name and the same content as a table', async () => {
      const scope = { municipalityId: town, publicOnly: false };
      const first = await networkPicture(db, scope, '2021-06-30', '2020-07-01');
      const second = await networkPicture(db, scope, '2021-06-30', '2020-07-01');
      assert.deepEqual(first.picture, second.picture);
      const pageA = (await coordinator.get(`/verwaltung/${BENSHEIM}/netzwerk?stand=2021-06-30`)).body;
      const pageB = (await coordinator.get(`/verwaltung/${BENSHEIM}/netzwerk?stand=2021-06-30`)).body;
      const svg = (html: string) => html.match(/<svg[^>]*role="img"[\s\S]*?<\/svg>/)?.[0];
      assert.ok(svg(pageA));
      assert.equal(svg(pageA), svg(pageB));
      assert.match(svg(pageA) ?? '', /<title id="network-graph-title">[^<]*5 Organisationen, 3 Verbindungen<\/title>/);
      // Migrant organisations are squares, the others circles.
      assert.equal((svg(pageA)?.match(/<rect/g) ?? []).length, 1);
      assert.equal((svg(pageA)?.match(/<circle/g) ?? []).length, 4);
      assert.match(pageA, /Organisationen und ihre Partner/);
    });

    it('lays out nodes inside the picture and keeps the same places when run again', () => {
      const nodes = [1, 2, 3].map((id) => ({ id, name: `O${id}`, type: 'club' as const, degree: 1 }));
      const edges = [{ source: 1, target: 2, cooperations: 1 }];
      const a = layoutNetwork(nodes, edges);
      assert.deepEqual(a, layoutNetwork(nodes, edges));
      for (const n of a.nodes) assert.ok(n.x >= 0 && n.x <= 640 && n.y >= 0 && n.y <= 480, `${n.x},${n.y}`);
    });
  });

  describe('public directory', () => {
    it('finds "Verein" when searching for "Vereine" (German stemming), and lists only public organisations', async () => {
      const response = await visitor.get(`/kommunen/${BENSHEIM}/netzwerk?q=Vereine`);
      assert.equal(response.statusCode, 200);
      const text = visibleText(response.body);
      // The list comes before the figures; only the one organisation with "Verein" in its name is in it.
      assert.match(text, /1 Organisation Verein für Nachbarschaftshilfe Verein Hilfe unter Nachbarn Stand am/);
      const all = visibleText((await visitor.get(`/kommunen/${BENSHEIM}/netzwerk`)).body);
      assert.doesNotMatch(all, /Stille Initiative/);
      assert.match(all, /4 Organisationen/);
    });

    it('filters by type and pages in SQL', async () => {
      const text = visibleText((await visitor.get(`/kommunen/${BENSHEIM}/netzwerk?typ=school`)).body);
      assert.match(text, /1 Organisation\b/);
      assert.match(text, /Grundschule am Park/);
      const rest = (await visitor.get(`/kommunen/${BENSHEIM}/netzwerk?typ=unbekannt&seite=abc`)).statusCode;
      assert.equal(rest, 200);
    });

    it('shows the figures for the chosen date in every language', async () => {
      const response = await visitor.get(`/kommunen/${BENSHEIM}/netzwerk?stand=2021-06-30&von=2020-07-01`);
      assert.match(visibleText(response.body), /Kennzahlen am 30\.06\.2021/);
      for (const lang of ['en', 'tr', 'ar', 'uk', 'ru', 'fa', 'de-x-leicht']) {
        const page = await visitor.get(`/kommunen/${BENSHEIM}/netzwerk`, { cookie: `lang=${lang}` });
        assert.equal(page.statusCode, 200, lang);
      }
    });
  });

  describe('workspace', () => {
    it('creates an organisation, shows errors next to fields with the typed values, edits and deletes it after asking', async () => {
      const base = `/verwaltung/${BENSHEIM}/netzwerk/organisationen`;
      const bad = await coordinator.post(`${base}/neu`, { name: 'Kulturverein Neu', type: 'club', website: 'kein-link', email: 'x' });
      assert.equal(bad.statusCode, 422);
      assert.match(bad.body, /id="website-error"/);
      assert.match(bad.body, /id="email-error"/);
      assert.match(bad.body, /value="Kulturverein Neu"/);
      const created = await coordinator.post(`${base}/neu`, { name: 'Kulturverein Neu', type: 'club', fieldsOfAction: 'Kultur, Sprache, Kultur', isPublic: 'on' });
      assert.equal(created.statusCode, 303);
      const row = await db.selectFrom('network_organisations').selectAll().where('name', '=', 'Kulturverein Neu').executeTakeFirstOrThrow();
      assert.deepEqual(row.fields_of_action, ['Kultur', 'Sprache']);
      assert.equal(row.is_public, true);
      assert.equal((await coordinator.post(`${base}/${row.id}`, { name: 'Kulturverein Neu e. V.', type: 'club' })).statusCode, 303);
      const edited = await db.selectFrom('network_organisations').select(['name', 'is_public']).where('id', '=', row.id).executeTakeFirstOrThrow();
      assert.deepEqual(edited, { name: 'Kulturverein Neu e. V.', is_public: false });
      assert.equal((await coordinator.get(`${base}/${row.id}/loeschen`)).statusCode, 200);
      assert.ok(await db.selectFrom('network_organisations').select('id').where('id', '=', row.id).executeTakeFirst(), 'asking deletes nothing');
      assert.equal((await coordinator.post(`${base}/${row.id}/loeschen`)).statusCode, 303);
      assert.equal(await db.selectFrom('network_organisations').select('id').where('id', '=', row.id).executeTakeFirst(), undefined);
      const actions = (await db.selectFrom('audit_log').select('action').where('entity_type', '=', 'network_organisation').where('entity_id', '=', String(row.id)).orderBy('id').execute()).map(
        (a) => a.action,
      );
      assert.deepEqual(actions, ['network.organisation_created', 'network.organisation_updated', 'network.organisation_deleted']);
    });

    it('lists organisations with search and type filter, paged', async () => {
      const page = visibleText((await coordinator.get(`/verwaltung/${BENSHEIM}/netzwerk/organisationen?q=Stille`)).body);
      assert.match(page, /Stille Initiative/);
      assert.doesNotMatch(page, /Grundschule am Park/);
    });

    it('adds a person with consent, a membership and a cooperation, refusing ids and pairs that do not fit', async () => {
      const people = `/verwaltung/${BENSHEIM}/netzwerk/personen`;
      assert.equal(
        (await coordinator.post(people, { name: 'Amina Okafor', consentPurpose: 'Kontakt', consentVersion: '2024-1', consentGivenOn: '2024-02-01', userEmail: linkedUser.email })).statusCode,
        303,
      );
      const person = await db.selectFrom('network_people').selectAll().where('name', '=', 'Amina Okafor').executeTakeFirstOrThrow();
      assert.equal(person.user_id, linkedUser.id);
      const noAccount = await coordinator.post(people, { name: 'Ohne Konto', consentPurpose: 'Kontakt', consentVersion: '1', consentGivenOn: '2024-02-01', userEmail: 'niemand@example.org' });
      assert.equal(noAccount.statusCode, 422);
      assert.match(noAccount.body, /id="userEmail-error"/);

      const memberships = `/verwaltung/${BENSHEIM}/netzwerk/mitgliedschaften`;
      assert.equal((await coordinator.post(memberships, { personId: String(person.id), organisationId: String(ids.migrant), role: 'board_member' })).statusCode, 303);
      const foreignOrg = await coordinator.post(memberships, { personId: String(person.id), organisationId: String(ids.foreignOrg), role: 'member' });
      assert.equal(foreignOrg.statusCode, 422);
      assert.match(foreignOrg.body, /id="organisationId-error"/);

      const cooperations = `/verwaltung/${BENSHEIM}/netzwerk/kooperationen`;
      const same = await coordinator.post(cooperations, { organisationId: String(ids.alone), partnerId: String(ids.alone), type: 'event', startsOn: '2022-01-01' });
      assert.equal(same.statusCode, 422);
      const backwards = await coordinator.post(cooperations, { organisationId: String(ids.alone), partnerId: String(ids.school), type: 'event', startsOn: '2022-01-01', endsOn: '2021-01-01' });
      assert.equal(backwards.statusCode, 422);
      assert.match(backwards.body, /id="endsOn-error"/);
      assert.equal((await coordinator.post(cooperations, { organisationId: String(ids.alone), partnerId: String(ids.school), type: 'event', startsOn: '2030-01-01' })).statusCode, 303);
    });

    it('exports a linked person with the account and anonymises them when the account is deleted', async () => {
      const client = new TestClient(t.app.fastify);
      await client.login(linkedUser.email, TEST_PASSWORD);
      const exported = JSON.parse((await client.get('/konto/export')).body) as { networkPeople: Array<{ name: string; memberships: Array<{ role: string }> }> };
      assert.equal(exported.networkPeople[0]?.name, 'Amina Okafor');
      assert.equal(exported.networkPeople[0]?.memberships[0]?.role, 'board_member');
      assert.equal((await client.post('/konto/loeschen', { password: TEST_PASSWORD })).statusCode, 303);
      const person = await db.selectFrom('network_people').selectAll().where('user_id', 'is', null).where('consent_revoked_at', 'is not', null).execute();
      assert.ok(person.some((p) => p.name === ''));
      assert.doesNotMatch((await coordinator.get(`/verwaltung/${BENSHEIM}/netzwerk/personen`)).body, /Amina Okafor/);
    });

    it('removes a person from every view and the export once consent is revoked', async () => {
      const f = networkFactory(db, town);
      const id = await f.person('Jonas Widerruf');
      await f.membership(id, ids.school);
      const people = `/verwaltung/${BENSHEIM}/netzwerk/personen`;
      assert.match((await coordinator.get(`${people}.csv`)).body, /Jonas Widerruf/);
      assert.equal((await coordinator.get(`${people}/${id}/widerrufen`)).statusCode, 200);
      assert.equal((await coordinator.post(`${people}/${id}/widerrufen`)).statusCode, 303);
      for (const path of [people, `${people}.csv`, `/verwaltung/${BENSHEIM}/netzwerk/mitgliedschaften`]) assert.doesNotMatch((await coordinator.get(path)).body, /Jonas Widerruf/, path);
      assert.equal((await coordinator.get(`${people}/${id}/widerrufen`)).statusCode, 404);
      const row = await db.selectFrom('network_people').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      assert.equal(row.name, '');
      assert.ok(row.consent_revoked_at);
      assert.equal(
        (await db.selectFrom('audit_log').select('action').where('entity_type', '=', 'network_person').where('entity_id', '=', String(id)).executeTakeFirstOrThrow()).action,
        'network.consent_revoked',
      );
    });
  });

  describe('access', () => {
    it('answers a coordinator of another town with 403 on every network page of the town', async () => {
      for (const path of ['', '/organisationen', '/organisationen/neu', '/personen', '/personen.csv', '/mitgliedschaften', '/kooperationen']) {
        assert.equal((await foreignCoordinator.get(`/verwaltung/${BENSHEIM}/netzwerk${path}`)).statusCode, 403, path);
      }
      assert.equal((await foreignCoordinator.post(`/verwaltung/${BENSHEIM}/netzwerk/organisationen/${ids.school}/loeschen`)).statusCode, 403);
      assert.ok(await db.selectFrom('network_organisations').select('id').where('id', '=', ids.school).executeTakeFirst());
    });

    it("answers 404 for another town's records under the own town's address and changes nothing", async () => {
      const base = `/verwaltung/${BENSHEIM}/netzwerk`;
      for (const path of [
        `/organisationen/${ids.foreignOrg}`,
        `/organisationen/${ids.foreignOrg}/loeschen`,
        `/kooperationen/${ids.foreignCoop}`,
        `/kooperationen/${ids.foreignCoop}/loeschen`,
        `/personen/${ids.foreignPerson}/widerrufen`,
        `/mitgliedschaften/${ids.foreignMembership}/loeschen`,
      ]) {
        assert.equal((await coordinator.get(`${base}${path}`)).statusCode, 404, `GET ${path}`);
      }
      assert.equal((await coordinator.post(`${base}/organisationen/${ids.foreignOrg}/loeschen`)).statusCode, 404);
      assert.equal((await coordinator.post(`${base}/personen/${ids.foreignPerson}/widerrufen`)).statusCode, 404);
      assert.equal(
        (await coordinator.post(`${base}/kooperationen/${ids.foreignCoop}`, { organisationId: String(ids.school), partnerId: String(ids.verein), type: 'event', startsOn: '2022-01-01' })).statusCode,
        404,
      );
      assert.ok(await db.selectFrom('network_organisations').select('id').where('id', '=', ids.foreignOrg).executeTakeFirst());
      const person = await db.selectFrom('network_people').select(['name', 'consent_revoked_at']).where('id', '=', ids.foreignPerson).executeTakeFirstOrThrow();
      assert.deepEqual(person, { name: 'Fremde Person', consent_revoked_at: null });
      const coop = await db.selectFrom('network_cooperations').select(['organisation_id', 'type']).where('id', '=', ids.foreignCoop).executeTakeFirstOrThrow();
      assert.deepEqual(coop, { organisation_id: ids.foreignOrg, type: 'project' });
    });

    it('sends a visitor to sign in', async () => {
      const response = await visitor.get(`/verwaltung/${BENSHEIM}/netzwerk`);
      assert.ok([302, 303, 401].includes(response.statusCode));
    });
  });
});
