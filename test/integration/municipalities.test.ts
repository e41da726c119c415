import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { parse } from 'csv-parse/sync';
import { startTestApp, type TestApp } from '../support/app.ts';
import { TestClient, visibleText } from '../support/client.ts';
import { createUser, municipalityId } from '../support/users.ts';

const BENSHEIM = '06431002';
const VIERNHEIM = '06431020';

describe('municipality register and pages', () => {
  let t: TestApp;
  let visitor: TestClient;
  before(async () => {
    t = await startTestApp({ variant: 'demo' });
    visitor = new TestClient(t.app.fastify);
  });
  after(() => t.close());

  it('lists all 421 municipalities, 25 per page', async () => {
    const response = await visitor.get('/kommunen');
    assert.equal(response.statusCode, 200);
    const text = visibleText(response.body);
    assert.match(text, /421 Treffer/);
    assert.equal((response.body.match(/<tr class="kern-table__row"/g) ?? []).length, 26, 'header row and 25 rows');
    assert.match(text, /Seite 1 von 17/);
    const last = await visitor.get('/kommunen?seite=17');
    assert.equal((last.body.match(/href="\/kommunen\/06\d{6}"/g) ?? []).length, 421 - 16 * 25);
  });

  it('filters by size class and participation: the 15 demo towns of 20,000–50,000 inhabitants', async () => {
    const response = await visitor.get('/kommunen?groesse=target&teilnahme=ja');
    assert.match(visibleText(response.body), /15 Treffer/);
    const csv = await visitor.get('/kommunen.csv?groesse=target&teilnahme=ja');
    assert.equal(csv.statusCode, 200);
    assert.match(String(csv.headers['content-type']), /text\/csv/);
    const rows = parse(csv.body.replace(/^\uFEFF/, ''), { columns: true, delimiter: ';' }) as Array<Record<string, string>>;
    assert.equal(rows.length, 15);
    for (const row of rows) {
      const population = Number(row.Einwohner);
      assert.ok(population >= 20_000 && population < 50_000, `${row.Name} has ${population} inhabitants`);
      assert.notEqual(row['Teilnahme seit'], '');
    }
    const all = await visitor.get('/kommunen.csv?groesse=target');
    assert.equal((parse(all.body.replace(/^\uFEFF/, ''), { columns: true, delimiter: ';' }) as unknown[]).length, 47, 'Hessen has 47 towns of that size');
  });

  it('searches by name, filters by county and region, and sorts', async () => {
    const search = visibleText((await visitor.get('/kommunen?q=heim')).body);
    assert.match(search, /Bensheim/);
    assert.doesNotMatch(search, /Darmstadt, Wissenschaftsstadt/);
    const county = await visitor.get('/kommunen.csv?kreis=06431');
    const countyRows = parse(county.body.replace(/^\uFEFF/, ''), { columns: true, delimiter: ';' }) as Array<Record<string, string>>;
    assert.ok(countyRows.length > 10);
    assert.ok(countyRows.every((r) => r.Kreisschlüssel === '06431'));
    const byPopulation = parse((await visitor.get('/kommunen.csv?region=Kassel&sort=-population')).body.replace(/^\uFEFF/, ''), { columns: true, delimiter: ';' }) as Array<Record<string, string>>;
    assert.equal(byPopulation[0]?.Name, 'Kassel');
    assert.ok(byPopulation.every((r) => r.Regierungsbezirk === 'Kassel'));
    const populations = byPopulation.map((r) => Number(r.Einwohner));
    assert.deepEqual(
      populations,
      [...populations].sort((a, b) => b - a),
    );
  });

  it('ignores filter values it does not know instead of failing', async () => {
    for (const query of ['groesse=riesig', 'kreis=abc', 'sort=drop%20table', 'seite=-4', 'seite=abc', 'teilnahme=vielleicht', `q=${'x'.repeat(100)}`]) {
      const response = await visitor.get(`/kommunen?${query}`);
      assert.equal(response.statusCode, 200, query);
    }
    assert.equal((await visitor.get(`/kommunen?q=${'x'.repeat(500)}`)).statusCode, 400);
  });

  it('shows a municipality with its key facts, map, participation and districts', async () => {
    const response = await visitor.get(`/kommunen/${BENSHEIM}`);
    assert.equal(response.statusCode, 200);
    const text = visibleText(response.body);
    assert.match(text, /Bensheim/);
    assert.match(text, /Landkreis Bergstraße/);
    assert.match(text, /40\.848 Einwohnerinnen und Einwohner \(Stand 31\.12\.2025\)/);
    assert.match(text, /57,83 km²/);
    assert.match(text, /nimmt teil seit 01\.03\.2025/);
    assert.match(text, /Auerbach/);
    assert.match(response.body, /<svg[^>]+role="img"/);
    assert.match(response.body, /<path d="M[\d.,LZM-]+" class="vv-map__focus"/);
  });

  it('answers a wrong municipality key with the 404 page', async () => {
    for (const ags of ['12345', '06999999', 'bensheim', '06431002x']) {
      const response = await visitor.get(`/kommunen/${ags}`);
      assert.equal(response.statusCode, 404, ags);
      assert.match(visibleText(response.body), /Seite nicht gefunden/);
    }
  });

  it('draws the map of Hessen with the participating towns filled', async () => {
    const home = await visitor.get('/');
    assert.equal(home.statusCode, 200);
    const src = /<img src="(\/karte\/hessen\.svg\?v=[0-9a-f]+)"/.exec(home.body)?.[1];
    assert.ok(src);
    assert.match(visibleText(home.body), /15 teilnehmende Kommunen/);
    const svg = await visitor.get(src.replace(/&amp;/g, '&'));
    assert.equal(svg.statusCode, 200);
    assert.match(String(svg.headers['content-type']), /image\/svg\+xml/);
    assert.equal((svg.body.match(/<path class="p"/g) ?? []).length, 15);
    assert.equal((svg.body.match(/<path class="[ap]"/g) ?? []).length, 421);
  });

  describe('districts, managed by the coordinator', () => {
    let coordinator: TestClient;
    before(async () => {
      const id = await municipalityId(t.app.services.db, BENSHEIM);
      await createUser(t.app.services.db, { email: 'koordination@bensheim.test', roles: [{ role: 'coordinator', municipalityId: id }] });
      coordinator = new TestClient(t.app.fastify);
      await coordinator.login('koordination@bensheim.test', 'test-passwort-1234');
    });

    it('adds, renames and deletes a district, each step in the audit log', async () => {
      const added = await coordinator.post(`/verwaltung/${BENSHEIM}/ortsteile`, { name: 'Hochstädten', description: 'im Osten' });
      assert.equal(added.statusCode, 303);
      const list = await coordinator.get(`/verwaltung/${BENSHEIM}/ortsteile`);
      const id = new RegExp(`/verwaltung/${BENSHEIM}/ortsteile/(\\d+)">[^<]*<span class="vv-visually-hidden">: Hochstädten`).exec(list.body)?.[1];
      assert.ok(id, 'the new district is listed with an edit link');
      assert.equal((await coordinator.post(`/verwaltung/${BENSHEIM}/ortsteile/${id}`, { name: 'Hochstädten-Ost', description: '' })).statusCode, 303);
      assert.match(visibleText((await visitor.get(`/kommunen/${BENSHEIM}`)).body), /Hochstädten-Ost/);
      const confirm = await coordinator.get(`/verwaltung/${BENSHEIM}/ortsteile/${id}/loeschen`);
      assert.match(visibleText(confirm.body), /Wirklich löschen\?/);
      assert.equal((await coordinator.post(`/verwaltung/${BENSHEIM}/ortsteile/${id}/loeschen`)).statusCode, 303);
      assert.doesNotMatch(visibleText((await visitor.get(`/kommunen/${BENSHEIM}`)).body), /Hochstädten/);
      const audit = await t.app.services.db.selectFrom('audit_log').select('action').where('entity_type', '=', 'district').where('entity_id', '=', id).orderBy('id').execute();
      assert.deepEqual(
        audit.map((a) => a.action),
        ['district.created', 'district.updated', 'district.deleted'],
      );
    });

    it('keeps the typed values and explains a missing or duplicate name', async () => {
      const empty = await coordinator.post(`/verwaltung/${BENSHEIM}/ortsteile`, { name: '', description: 'Beschreibung bleibt' });
      assert.equal(empty.statusCode, 422);
      assert.match(empty.body, /id="name-error"/);
      assert.match(empty.body, />Beschreibung bleibt<\/textarea>/);
      const duplicate = await coordinator.post(`/verwaltung/${BENSHEIM}/ortsteile`, { name: 'auerbach' });
      assert.equal(duplicate.statusCode, 422);
      assert.match(visibleText(duplicate.body), /Einen Ortsteil mit diesem Namen gibt es schon/);
    });

    it('shows script in a name as text', async () => {
      await coordinator.post(`/verwaltung/${BENSHEIM}/ortsteile`, { name: '<script>alert(1)</script>' });
      const page = await visitor.get(`/kommunen/${BENSHEIM}`);
      assert.doesNotMatch(page.body, /<script>alert\(1\)<\/script>/);
      assert.match(page.body, /&lt;script>alert\(1\)&lt;\/script>/);
    });

    it('never lets the coordinator manage another town', async () => {
      assert.equal((await coordinator.get(`/verwaltung/${VIERNHEIM}/ortsteile`)).statusCode, 403);
      assert.equal((await coordinator.post(`/verwaltung/${VIERNHEIM}/ortsteile`, { name: 'Fremd' })).statusCode, 403);
      const viernheimDistrict = await t.app.services.db
        .selectFrom('districts')
        .innerJoin('municipalities', 'municipalities.id', 'districts.municipality_id')
        .select('districts.id')
        .where('municipalities.ags', '=', VIERNHEIM)
        .executeTakeFirstOrThrow();
      assert.equal((await coordinator.get(`/verwaltung/${BENSHEIM}/ortsteile/${viernheimDistrict.id}`)).statusCode, 404, 'a foreign id under the own town is not found');
      assert.equal((await coordinator.post(`/verwaltung/${BENSHEIM}/ortsteile/${viernheimDistrict.id}/loeschen`)).statusCode, 404);
      assert.equal((await visitor.get(`/verwaltung/${BENSHEIM}/ortsteile`)).statusCode, 302, 'visitors are sent to the login');
    });
  });

  it('renders the legal and information pages without missing texts', async () => {
    for (const path of ['/impressum', '/datenschutz', '/barrierefreiheit', '/quellen', '/opendata']) {
      const response = await visitor.get(path);
      assert.equal(response.statusCode, 200, path);
      assert.doesNotMatch(visibleText(response.body), /\bsite\.[a-z_]+\./, `${path} shows a raw catalog key`);
    }
    assert.match(visibleText((await visitor.get('/quellen')).body), /© GeoBasis-DE \/ BKG \(2026\), dl-de\/by-2-0/);
    const old = await visitor.get('/api');
    assert.equal(old.statusCode, 301, 'the old address of the open-data page still leads there');
    assert.equal(old.headers.location, '/opendata');
    const api = (await visitor.get('/opendata')).body;
    assert.match(api, /href="\/opendata\/measures\.csv"/, 'the implementation state of the measures is offered as a file');
    assert.match(visibleText(api), /\/opendata\/measures\.csv\?ags=06431002/, 'with an example of one town');
  });
});
