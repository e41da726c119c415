import { sql } from 'kysely';
import { buildBulk } from '../src/modules/opendata/index.ts';
import { todayInBerlin } from '../src/platform/i18n/catalog.ts';
import { defineScenarios, type PageScenario } from './scenarios.ts';

const CARDS = 2000;
const page = (name: string, make: PageScenario['page']): PageScenario => ({ name, page: make });

/**
 * The toolkit and open data at Land scale: 2,000 published method cards over the participating
 * towns (a tenth of them about clubs, "Verein"), every measure naming one or two cards and every
 * second event one, and this year's programme report approved so the indicator values are public.
 */
export default defineScenarios({
  topic: 'toolkit',
  async generate(db) {
    await sql`
      with towns as (select municipality_id as id, row_number() over (order by municipality_id) - 1 as n from programme_participations),
      c as (select g, (array['workshop','dialogue','training_unit','campaign','event','counselling','other'])[1 + g % 7] as format from generate_series(0, ${CARDS - 1}) g)
      insert into toolkit_methods (municipality_id, status, title, summary, goal, steps, duration, group_size, target_groups, fields_of_action, format, materials, contact, languages, published_at)
      select (select id from towns where n = c.g % (select count(*) from towns)), 'published',
        case when c.g % 10 = 0 then 'Vereine öffnen sich ' || c.g else 'Methode ' || c.g || ' für Begegnung im Quartier' end,
        case when c.g % 10 = 0 then 'Ein Verein gewinnt neue Mitglieder mit Einwanderungsgeschichte (Karte ' || c.g || ').' else 'Menschen kommen ins Gespräch, lernen einander kennen und planen gemeinsam (Karte ' || c.g || ').' end,
        'Begegnung und Teilhabe stärken',
        array['Einladen', 'Kennenlernen', 'Gemeinsam planen', 'Auswerten'],
        (array['short','half_day','full_day','several_days','series'])[1 + c.g % 5],
        (array['small','medium','large','any'])[1 + c.g % 4],
        array[(array['newcomers','youth','women','seniors','families','staff','volunteers','clubs','everyone'])[1 + c.g % 9]],
        array[(array['education','work','administration','civil_society','housing','participation','anti_discrimination','health','culture'])[1 + c.g % 9], 'civil_society'],
        c.format, '', '', array['Deutsch'], now() - make_interval(days => c.g % 600)
      from c`.execute(db);
    await sql`update toolkit_methods set search =
        setweight(to_tsvector('german', title), 'A') || setweight(to_tsvector('german', summary), 'A')
        || setweight(to_tsvector('german', goal || ' ' || array_to_string(steps, ' ')), 'B')
        || setweight(to_tsvector('german', materials || ' ' || attachment_text), 'C')`.execute(db);
    await sql`
      with cards as (select id, row_number() over (order by id) - 1 as n from toolkit_methods where status = 'published'),
      total as (select count(*) as k from cards)
      insert into toolkit_method_uses (method_id, kind, object_id, municipality_id, is_public)
      select distinct c.id, 'measure', m.id, m.municipality_id, true
      from measures m
      cross join total t
      cross join lateral (values (m.id % 997), ((m.id * 7) % t.k)) as pick(n)
      join cards c on c.n = pick.n % t.k`.execute(db);
    await sql`
      with cards as (select id, row_number() over (order by id) - 1 as n from toolkit_methods where status = 'published'),
      total as (select count(*) as k from cards)
      insert into toolkit_method_uses (method_id, kind, object_id, municipality_id, is_public)
      select c.id, 'event', e.id, e.municipality_id, e.published
      from events e
      cross join total t
      join cards c on c.n = (e.id * 13) % t.k
      where e.cohort_id is null and e.id % 2 = 0`.execute(db);
    // The cards' counts, as the app writes them with each link (only public uses); without them the popular sort has nothing to sort by.
    await sql`update toolkit_methods m set use_towns = u.towns, use_count = u.uses
      from (select method_id, count(distinct municipality_id) as towns, count(*) as uses from toolkit_method_uses where kind <> 'example' and is_public group by method_id) u
      where u.method_id = m.id`.execute(db);
    await db
      .insertInto('monitoring_reports')
      .values({ municipality_id: null, period: todayInBerlin().slice(0, 4), status: 'approved', decided_at: new Date() })
      .execute();
    await sql`analyze toolkit_methods`.execute(db);
    await sql`analyze toolkit_method_uses`.execute(db);
    const count = async (table: 'toolkit_methods' | 'toolkit_method_uses') =>
      Number(
        (
          await db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    return { toolkit_methods: await count('toolkit_methods'), toolkit_method_uses: await count('toolkit_method_uses') };
  },
  scenarios: [
    page('werkzeugkoffer_suche', async () => ({ path: '/werkzeugkoffer?q=Vereine&feld=civil_society', mustContain: ['öffnen sich', '<mark>'] })),
    page('werkzeugkoffer_beliebt', async () => ({ path: '/werkzeugkoffer?feld=civil_society&format=workshop&sortierung=beliebt', mustContain: ['Mal eingesetzt in'] })),
    page('api_vorschlaege_50', async () => ({ path: '/api/v1/proposals?limit=50', mustContain: ['"data"', '"next"'] })),
    {
      name: 'bulk_zip',
      async run(ctx) {
        const started = performance.now();
        const meta = await buildBulk(ctx.services);
        const ms = performance.now() - started;
        console.log(`RESULT bulk_zip ms=${Math.round(ms)} bytes=${meta.bytes} files=${meta.files.length}`);
        return ms < 60_000 ? [] : [`FAILED bulk_zip: built in ${Math.round(ms)} ms, aim under 60 s`];
      },
    },
  ],
});
