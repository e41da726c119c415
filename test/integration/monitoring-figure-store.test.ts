/**
 * The summary of the monitoring (ADR 0020): the job's figure sets give the same figures as counting
 * live, for the programme and each town, in every period; the pages say how fresh their figures
 * are ("Stand"), keep showing the kept figures until the next count, and show what the office
 * enters by hand at once.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Kysely } from 'kysely';
import { computeFigures } from '../../src/modules/monitoring/figures.ts';
import { figuresFor, figuresOfArea, refreshFigures } from '../../src/modules/monitoring/figure-store.ts';
import { levelsOf } from '../../src/modules/monitoring/levels.ts';
import { municipalityHierarchy } from '../../src/modules/municipalities/index.ts';
import { type Period, parsePeriod, periodOptions } from '../../src/modules/monitoring/periods.ts';
import type { Database } from '../../src/platform/db/schema.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { TestClient, visibleText } from '../support/client.ts';
import { addRegistration, createEvent } from '../support/factories/events.ts';
import { createUser, municipalityId, TEST_PASSWORD } from '../support/users.ts';

const BENSHEIM = '06431002';
const VIERNHEIM = '06431020';

/** The page without its line on freshness: what must not change between counting live and reading the summary. */
const withoutFreshness = (text: string) => text.replace(/Stand der Zahlen: .*?(eben gezählt\)\.|nächsten Zählung\.)/, '');
const o1 = (text: string) => /O1 Teilnehmende aller Aktivitäten \(Personen\) (\S+)/.exec(text)?.[1];

describe('monitoring figure summary', () => {
  let t: TestApp;
  let db: Kysely<Database>;
  let office: TestClient;
  let coordinator: TestClient;
  let towns: number[];

  async function people(town: number, count: number, prefix: string, startsAt: string, mode: 'in_person' | 'online' = 'in_person') {
    const event = await createEvent(db, { municipalityId: town, startsAt: new Date(startsAt) });
    if (mode === 'online') await db.updateTable('events').set({ mode }).where('id', '=', event).execute();
    for (let i = 0; i < count; i++) {
      const id = await addRegistration(db, event, { email: `${prefix}${i}@example.org`, attended: true });
      await db
        .updateTable('event_registrations')
        .set({ third_country: i % 3 === 0 ? 'yes' : 'no', sex: i % 2 ? 'female' : 'male', age_group: i % 4 ? '25_54' : 'not_stated' })
        .where('id', '=', id)
        .execute();
    }
  }

  before(async () => {
    t = await startTestApp({ variant: 'reference' });
    db = t.app.services.db;
    towns = [await municipalityId(db, BENSHEIM), await municipalityId(db, VIERNHEIM)];
    for (const town of towns) await db.insertInto('programme_participations').values({ municipality_id: town, joined_on: '2025-01-01', cohort_label: '2025' }).execute();
    const [bensheim, viernheim] = towns as [number, number];
    await people(bensheim, 9, 'anna', '2025-02-10T16:00:00Z');
    await people(bensheim, 6, 'anna', '2025-08-10T16:00:00Z', 'online'); // six of the same people again, later in the year
    await people(viernheim, 7, 'bert', '2025-05-10T16:00:00Z');
    await people(viernheim, 3, 'anna', '2026-03-10T16:00:00Z'); // three of Bensheim's people in another town the year after
    const users = {
      office: await createUser(db, { email: 'buero@example.org', roles: [{ role: 'programme_office' }] }),
      coordinator: await createUser(db, { email: 'koordination@bensheim.test', roles: [{ role: 'coordinator', municipalityId: bensheim }] }),
    };
    office = new TestClient(t.app.fastify);
    await office.login(users.office.email, TEST_PASSWORD);
    coordinator = new TestClient(t.app.fastify);
    await coordinator.login(users.coordinator.email, TEST_PASSWORD);
    // the first page after signing in shows the flash message
    await office.get('/konto');
    await coordinator.get('/konto');
  });
  after(() => t.close());

  it('keeps the same figures as counting live, for the programme, each region, county and town in every period', async () => {
    const periods = periodOptions().map((code) => parsePeriod(code) as Period);
    const areas = levelsOf(await municipalityHierarchy(db)).filter((level) => level.kind === 'region' || level.kind === 'county');
    assert.deepEqual(
      areas.map((area) => [area.code, area.townIds.length]),
      [
        ['rb:Darmstadt', 2],
        ['kreis:06431', 2],
      ],
    );
    const live = new Map<string, unknown>();
    const plain = (set: Awaited<ReturnType<typeof figuresFor>>) => ({
      figures: set.figures.map((f) => [f.indicator.code, f.value, f.numerator, f.denominator, f.origin, f.target]),
      trend: set.trend.map((p) => [p.period.code, p.value]),
      participants: set.participants,
      towns: [...set.towns].map(([id, values]) => [id, [...values].sort(([a], [b]) => a.localeCompare(b))]),
    });
    for (const period of periods) {
      const counted = await computeFigures(t.app.services, period, { each: towns });
      live.set(`${period.code}|land`, plain(counted.whole));
      for (const town of towns) {
        // a town counted on its own, as the page did before the summary existed
        live.set(`${period.code}|${town}`, plain((await computeFigures(t.app.services, period, { towns: [town], each: [town] })).whole));
        assert.deepEqual(
          plain(counted.byTown.get(town) as NonNullable<ReturnType<typeof counted.byTown.get>>),
          live.get(`${period.code}|${town}`),
          `${period.code}: a town in the Land's pass as on its own`,
        );
      }
      for (const area of areas) live.set(`${period.code}|${area.code}`, plain((await computeFigures(t.app.services, period, { towns: area.townIds, each: area.townIds })).whole));
    }
    const refreshed = await refreshFigures(t.app.services, 'all');
    assert.equal(refreshed.periods.length, periods.length);
    for (const period of periods) {
      const land = await figuresFor(t.app.services, period);
      assert.equal(land.stored, true);
      assert.deepEqual(plain(land), live.get(`${period.code}|land`), `${period.code}: the programme`);
      for (const town of towns) {
        const set = await figuresFor(t.app.services, period, town);
        assert.equal(set.stored, true);
        assert.deepEqual(plain(set), live.get(`${period.code}|${town}`), `${period.code}: town ${town}`);
      }
      for (const area of areas) {
        const set = await figuresOfArea(t.app.services, period, area);
        assert.equal(set.stored, true, `${period.code}: ${area.code} is kept`);
        assert.deepEqual(plain(set), live.get(`${period.code}|${area.code}`), `${period.code}: ${area.code}`);
      }
    }
    const year = live.get('2025|land') as ReturnType<typeof plain>;
    assert.equal(year.participants.all?.counts.total, 16, 'nine in Bensheim (six of them twice) and seven in Viernheim');
    assert.equal((live.get('2026|land') as ReturnType<typeof plain>).participants.all?.counts['history.returning'], 3, 'three took part before, in another town');
  });

  it('shows how fresh the figures are, the same pages from the summary, and the kept figures until the next count', async () => {
    await db.deleteFrom('monitoring_figure_sets').execute();
    const pages = [
      '/monitoring?zeitraum=2025',
      `/verwaltung/${BENSHEIM}/monitoring?zeitraum=2025`,
      '/monitoring?zeitraum=2025&ebene=kommune:06431020',
      '/monitoring?zeitraum=2025&ebene=kreis:06431',
      '/monitoring?zeitraum=2025&ebene=rb:Darmstadt',
    ];
    const before: string[] = [];
    for (const path of pages) {
      const client = path.startsWith('/verwaltung') ? coordinator : office;
      const res = await client.get(path);
      assert.equal(res.statusCode, 200, path);
      const text = visibleText(res.body);
      assert.match(text, /Stand der Zahlen: \d\d\.\d\d\.\d{4}, \d\d:\d\d \(eben gezählt\)/, `${path} counted live says so`);
      before.push(text);
    }
    await refreshFigures(t.app.services, 'all');
    for (const [i, path] of pages.entries()) {
      const client = path.startsWith('/verwaltung') ? coordinator : office;
      const text = visibleText((await client.get(path)).body);
      assert.match(text, /Stand der Zahlen: \d\d\.\d\d\.\d{4}, \d\d:\d\d\. Sie werden stündlich neu gezählt/, `${path} from the summary says when it was counted`);
      assert.equal(withoutFreshness(text), withoutFreshness(before[i] as string), `${path} shows the same figures`);
    }
    assert.equal(o1(visibleText((await office.get('/monitoring?zeitraum=2025')).body)), '16');

    // a new participant counts from the next count on; the page says how old its figures are
    await people(towns[0] as number, 1, 'neu', '2025-10-01T16:00:00Z');
    assert.equal(o1(visibleText((await office.get('/monitoring?zeitraum=2025')).body)), '16');
    await refreshFigures(t.app.services, 'current', '2025-10-02');
    assert.equal(o1(visibleText((await office.get('/monitoring?zeitraum=2025')).body)), '17');

    // the report of the period takes its figures and their time from the same summary
    const report = visibleText((await coordinator.get(`/verwaltung/${BENSHEIM}/monitoring/berichte/2025`)).body);
    assert.match(report, /Stand der Daten: \d\d\.\d\d\.\d{4}, \d\d:\d\d/);
  });
});
