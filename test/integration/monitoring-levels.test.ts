/**
 * Levels and the choropleth over HTTP: the programme dashboard at Land, Regierungsbezirk, Kreis and
 * Kommune from the AGS hierarchy; the map of Hessen by indicator (an SVG with a title) with its
 * legend and the same numbers in a table. The funder's views below the Land take every person
 * figure from the Land-wide protection, so that no small number appears at any level.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Kysely } from 'kysely';
import type { Database } from '../../src/platform/db/schema.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { TestClient, visibleText } from '../support/client.ts';
import { addRegistration, createEvent } from '../support/factories/events.ts';
import { createUser, municipalityId, TEST_PASSWORD } from '../support/users.ts';

const BENSHEIM = '06431002';
const VIERNHEIM = '06431020';
const KASSEL = '06611000';

describe('monitoring levels and map', () => {
  let t: TestApp;
  let db: Kysely<Database>;
  let office: TestClient;
  let funder: TestClient;

  async function people(ags: string, count: number, prefix: string) {
    const town = await municipalityId(db, ags);
    await db.insertInto('programme_participations').values({ municipality_id: town, joined_on: '2025-01-01', cohort_label: '2025' }).execute();
    const event = await createEvent(db, { municipalityId: town, startsAt: new Date('2025-04-10T16:00:00Z') });
    for (let i = 0; i < count; i++) {
      const id = await addRegistration(db, event, { email: `${prefix}${i}@example.org`, attended: true });
      await db
        .updateTable('event_registrations')
        .set({ third_country: i < 2 ? 'yes' : 'no', sex: i % 2 ? 'female' : 'male' })
        .where('id', '=', id)
        .execute();
    }
  }

  before(async () => {
    t = await startTestApp({ variant: 'reference' });
    db = t.app.services.db;
    await people(BENSHEIM, 12, 'bensheim');
    await people(VIERNHEIM, 3, 'viernheim');
    await people(KASSEL, 6, 'kassel');
    const users = {
      office: await createUser(db, { email: 'buero@example.org', roles: [{ role: 'programme_office' }] }),
      funder: await createUser(db, { email: 'foerderer@example.org', roles: [{ role: 'funder' }] }),
    };
    office = new TestClient(t.app.fastify);
    await office.login(users.office.email, TEST_PASSWORD);
    funder = new TestClient(t.app.fastify);
    await funder.login(users.funder.email, TEST_PASSWORD);
  });
  after(() => t.close());

  const o1 = (text: string) => /O1 Teilnehmende aller Aktivitäten \(Personen\) (\S+)/.exec(text)?.[1];

  it('offers Land, Regierungsbezirke, Kreise and Kommunen with participating towns, and counts each level', async () => {
    const land = await office.get('/monitoring?zeitraum=2025');
    assert.equal(land.statusCode, 200);
    for (const option of ['value="land"', 'value="rb:Darmstadt"', 'value="rb:Kassel"', 'value="kreis:06431"', `value="kommune:${VIERNHEIM}"`]) assert.ok(land.body.includes(option), option);
    assert.ok(!land.body.includes('value="kommune:06411000"'), 'a town outside the programme is no level');
    assert.equal(o1(visibleText(land.body)), '21');
    const county = visibleText((await office.get('/monitoring?zeitraum=2025&ebene=kreis:06431')).body);
    assert.equal(o1(county), '15');
    assert.match(county, /Ebene: Bergstraße \(2 beteiligte Kommunen\)/);
    assert.match(county, /Nach Geschlecht .*Summe der Kommunen\s*7\s*8\s*0\s*0\s*15/, "the county's sums");
    const countyTowns = visibleText((await office.get('/monitoring/teilnehmende?zeitraum=2025&ebene=kreis:06431')).body);
    assert.match(countyTowns, /Nach Geschlecht .*Viernheim\s*1\s*2\s*0\s*0\s*3/, 'the office sees small numbers, per town of the county');
    assert.doesNotMatch(countyTowns, /Nach Geschlecht.*Kassel/s);
    assert.equal((await office.get('/monitoring/teilnehmende?zeitraum=2025&ebene=kaputt')).statusCode, 404);
    assert.equal(o1(visibleText((await office.get('/monitoring?zeitraum=2025&ebene=rb:Kassel')).body)), '6');
    assert.equal(o1(visibleText((await office.get(`/monitoring?zeitraum=2025&ebene=kommune:${VIERNHEIM}`)).body)), '3');
    assert.equal((await office.get('/monitoring?zeitraum=2025&ebene=kaputt')).statusCode, 404);
    assert.equal((await office.get('/monitoring?zeitraum=2025&ebene=kommune:06411000')).statusCode, 404);
    const chart = await office.get('/monitoring/verlauf.svg?zeitraum=2025&ebene=kreis:06431');
    assert.equal(chart.statusCode, 200);
  });

  it('draws the choropleth by indicator with a title, a legend and the same numbers in a table', async () => {
    const page = await office.get('/monitoring?zeitraum=2025&indikator=O1');
    const text = visibleText(page.body);
    assert.match(text, /Karte: O1 Teilnehmende aller Aktivitäten/);
    assert.match(text, /Werte von O1 je Kommune, 2025 Kommune Wert Bensheim 12 Kassel 6 Viernheim 3/);
    assert.match(text, /Legende \(Personen\)/);
    assert.match(
      page.body,
      /<img src="\/monitoring\/karte\.svg\?zeitraum=2025&amp;ebene=land&amp;indikator=O1"[^>]*alt="Karte von Hessen: O1 Teilnehmende aller Aktivitäten \(Personen\) je beteiligter Kommune, 2025/,
    );
    const svg = await office.get('/monitoring/karte.svg?zeitraum=2025&ebene=land&indikator=O1');
    assert.equal(svg.statusCode, 200);
    assert.match(svg.headers['content-type'] as string, /image\/svg\+xml/);
    assert.match(svg.body, /<title>Karte von Hessen: O1/);
    assert.ok((svg.body.match(/<path fill="#/g) ?? []).length === 3, 'three towns filled by class');
    assert.ok((svg.body.match(/<path class="o"/g) ?? []).length > 400, 'the rest of Hessen drawn pale');
    const share = visibleText((await office.get('/monitoring?zeitraum=2025&indikator=O2')).body);
    assert.match(share, /Werte von O2 je Kommune, 2025 Kommune Wert Bensheim 16,7 Kassel 33,3 Viernheim 66,7/);
    assert.equal((await office.get('/monitoring?zeitraum=2025&indikator=ZZ')).statusCode, 404);
    assert.equal((await office.get('/monitoring/karte.svg?zeitraum=2025&indikator=ZZ')).statusCode, 404);
  });

  it('shows the funder no small number at any level, in the page, the map or the chart', async () => {
    assert.equal((await funder.get('/monitoring/karte.svg?zeitraum=2025')).statusCode, 404, 'nothing before approval');
    assert.equal((await office.post('/monitoring/berichte/2025', { decision: 'approved' })).statusCode, 303);
    const land = visibleText((await funder.get('/monitoring?zeitraum=2025')).body);
    assert.match(land, /Werte von O1 je Kommune, 2025 Kommune Wert Bensheim 12 Kassel x Viernheim x/, 'the map takes the protected row totals');
    const county = visibleText((await funder.get('/monitoring?zeitraum=2025&ebene=kreis:06431')).body);
    assert.equal(o1(county), 'x', 'a county total could be differenced against its towns');
    assert.match(county, /nur für das ganze Land/);
    const town = visibleText((await funder.get(`/monitoring?zeitraum=2025&ebene=kommune:${BENSHEIM}`)).body);
    assert.equal(o1(town), '12', "a town's participants as its protected row total");
    const small = visibleText((await funder.get(`/monitoring?zeitraum=2025&ebene=kommune:${VIERNHEIM}`)).body);
    assert.equal(o1(small), 'x');
    const perTown = await Promise.all(['land', 'kreis:06431', 'rb:Kassel'].map(async (level) => visibleText((await funder.get(`/monitoring/teilnehmende?zeitraum=2025&ebene=${level}`)).body)));
    assert.match(perTown[0] as string, /Bensheim/);
    for (const text of [land, county, town, small, ...perTown]) {
      const amif = text.slice(text.indexOf('Teilnehmendenstatistik (AMIF)'));
      for (const match of amif.matchAll(/(?:Bensheim|Viernheim|Kassel)((?:\s+(?:\d+|x))+)/g)) {
        for (const cell of (match[1] as string).trim().split(/\s+/)) assert.ok(cell === 'x' || cell === '0' || Number(cell) >= 5, `a small cell in ${match[0]}`);
      }
    }
    const svg = await funder.get('/monitoring/karte.svg?zeitraum=2025&ebene=land&indikator=O1');
    assert.equal(svg.statusCode, 200);
    assert.equal((svg.body.match(/<path class="w"/g) ?? []).length, 2, 'withheld towns in grey');
    assert.equal((await funder.get('/monitoring/verlauf.svg?zeitraum=2025&ebene=kreis:06431')).statusCode, 404);
    assert.equal((await funder.get('/monitoring/verlauf.svg?zeitraum=2025')).statusCode, 200);
  });
});
