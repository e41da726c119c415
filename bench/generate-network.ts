import { type Kysely, sql } from 'kysely';
import type { Database } from '../src/platform/db/schema.ts';
import { scoreQueuedCandidates } from '../src/modules/network/candidates-job.ts';
import { countRows } from './count-rows.ts';

/** The share of the network that lies in the busiest town (the town with the most measures, as `busiestTown` picks it). */
export const BUSIEST_ORGANISATIONS = 10_000;

const SYLLABLES = sql.raw(`array['ka','lo','me','ra','ti','su','ne','vo','li','da','mo','ri','sa','ku','pe','no','ba','zi','ho','te']`);

/**
 * A name of its own for organisation `n` (made-up words from syllables, a kind and a place), as real
 * registers have: names that share only "Verein" or the place are not likely duplicates. Every
 * 500th organisation repeats the name of the one before it with "e. V.", so that the duplicate
 * list has real pairs to show.
 */
export function organisationName(n: ReturnType<typeof sql>) {
  const word = (k: ReturnType<typeof sql>) =>
    sql`initcap((${SYLLABLES})[1 + ${k} % 20] || (${SYLLABLES})[1 + (${k} / 20) % 20] || (${SYLLABLES})[1 + (${k} / 400) % 20] || case when ${k} >= 8000 then (${SYLLABLES})[1 + (${k} / 8000) % 20] else '' end)`;
  const base = (k: ReturnType<typeof sql>) =>
    sql`${word(k)} || ' ' || (array['Verein','Initiative','Forum','Netzwerk','Treff','Kreis','Gemeinschaft'])[1 + ${k} % 7] || ' ' || (array['Nord','Süd','Mitte','am Park','West','Ost','im Quartier'])[1 + (${k} / 7) % 7]`;
  return sql`case when ${n} % 500 = 0 then ${base(sql`(${n} - 1)`)} || ' e. V.' else ${base(n)} end`;
}

/**
 * The network of actors at Land scale, set-based: 20,000 organisations, 30,000 people with consent,
 * 60,000 memberships and 40,000 cooperations over four years (three back, one ahead of today is not
 * used: all begin between four years ago and today; a third still open, the others ending after 30 to
 * 720 days). Half of everything lies in the busiest town (10,000 organisations: the worst case of
 * the duplicate search, a town that imported a county-wide register), the other half is spread
 * evenly over the other 46 participating towns (about 217 organisations each). About a fifth are
 * migrant organisations, three in five public.
 */
export async function generateNetwork(db: Kysely<Database>): Promise<Record<string, number>> {
  const statements = [
    sql`create temporary table bench_network_towns on commit drop as
        with busiest as (
          select municipality_id from measures group by municipality_id
          order by count(*) desc, (select ags from municipalities m where m.id = municipality_id) limit 1
        ),
        others as (
          select municipality_id, row_number() over (order by municipality_id) - 1 as k
          from programme_participations where municipality_id not in (select municipality_id from busiest)
        )
        select municipality_id, -1 as k from busiest union all select municipality_id, k from others`,
    sql`create temporary table bench_network_orgs (n integer primary key, municipality_id integer not null) on commit drop`,
    sql`insert into bench_network_orgs
        select n, case when n <= ${BUSIEST_ORGANISATIONS} then (select municipality_id from bench_network_towns where k = -1)
                       else (select municipality_id from bench_network_towns where k = (n % (select count(*) - 1 from bench_network_towns))) end
        from generate_series(1, 20000) n`,
    sql`insert into network_organisations (municipality_id, name, type, fields_of_action, district_id, address, website, email, languages, description, is_public)
        select b.municipality_id,
               ${organisationName(sql`b.n`)},
               case when b.n % 5 = 0 then 'migrant_organisation'
                    else (array['administration','club','company','education_provider','school','religious_community','political_group','welfare_organisation','initiative','other'])[1 + (b.n / 5) % 10] end,
               case b.n % 3 when 0 then '{Bildung,Sprache}'::text[] when 1 then '{Sport}'::text[] else '{}'::text[] end,
               (select d.id from districts d where d.municipality_id = b.municipality_id order by d.id offset b.n % 3 limit 1),
               'Hauptstraße ' || b.n, case when b.n % 2 = 0 then 'https://org-' || b.n || '.example' else '' end,
               case when b.n % 3 = 0 then 'kontakt@org-' || b.n || '.example' else '' end,
               case b.n % 4 when 0 then '{Deutsch,Türkisch}'::text[] when 1 then '{Deutsch,Arabisch}'::text[] else '{Deutsch}'::text[] end,
               'Organisation Nummer ' || b.n || ' im lokalen Netzwerk', b.n % 5 < 3
        from bench_network_orgs b order by b.n`,
    sql`create temporary table bench_network_town_orgs on commit drop as
        select id, municipality_id, row_number() over (partition by municipality_id order by id) - 1 as ord, count(*) over (partition by municipality_id) as cnt
        from network_organisations`,
    sql`create index on bench_network_town_orgs (municipality_id, ord)`,
    // People: three per two organisations, in the organisations' towns.
    sql`insert into network_people (municipality_id, name, consent_purpose, consent_version, consent_given_at)
        select o.municipality_id,
               (array['Aylin','Jonas','Mariam','Peter','Olena','Hassan','Sabine','Dimitri','Fatma','Lukas'])[1 + g % 10] || ' '
                 || (array['Yılmaz','Becker','Haddad','Schmidt','Kovalenko','Rahimi','Wagner','Demir','Weber','Okafor','Rossi'])[1 + (g / 10) % 11] || ' ' || g,
               'Kontakt im lokalen Netzwerk', '2025-01', now() - (g % 1000) * interval '1 day'
        from generate_series(0, 29999) g
        join bench_network_town_orgs o on o.id = (select min(id) from network_organisations) + g * 2 / 3`,
    // Memberships: two per person, in two organisations of their town.
    sql`insert into network_memberships (municipality_id, person_id, organisation_id, role, starts_on, ends_on)
        select p.municipality_id, p.id, o.id,
               (array['contact','multiplier','diversity_manager','board_member','member','other'])[1 + (p.id + r) % 6],
               current_date - (p.id % 1400), case when (p.id + r) % 4 = 0 then current_date - (p.id % 1400) + 400 end
        from (select id, municipality_id, row_number() over (partition by municipality_id order by id) as k from network_people) p
        cross join generate_series(0, 1) r
        join bench_network_town_orgs t on t.municipality_id = p.municipality_id and t.ord = 0
        join bench_network_town_orgs o on o.municipality_id = p.municipality_id and o.ord = (p.k * 7 + r * (1 + p.k % 13)) % t.cnt`,
    // Cooperations: two per organisation of every town, between an organisation and another of its town, begun over four years.
    sql`insert into network_cooperations (municipality_id, organisation_id, partner_id, type, starts_on, ends_on, description, outputs)
        select a.municipality_id, a.id, b.id,
               (array['project','event','agreement','working_group','referral','sponsorship','other'])[1 + (a.ord + r) % 7],
               current_date - ((a.id * 37 + r * 11) % 1461),
               case when (a.id + r) % 3 = 0 then null else current_date - ((a.id * 37 + r * 11) % 1461) + 30 + (a.id * 13 + r) % 690 end,
               'Zusammenarbeit ' || a.id || '-' || r, ''
        from bench_network_town_orgs a
        cross join generate_series(0, 1) r
        join bench_network_town_orgs b on b.municipality_id = a.municipality_id
          and b.ord = (a.ord + 1 + (a.ord * 7919 + r * 104729) % (a.cnt - 1)) % a.cnt`,
    sql`vacuum analyze network_organisations`,
    sql`vacuum analyze network_people`,
    sql`vacuum analyze network_memberships`,
    sql`vacuum analyze network_cooperations`,
  ];
  await db.connection().execute(async (connection) => {
    await sql`begin`.execute(connection);
    for (const statement of statements.slice(0, -4)) await statement.execute(connection);
    await sql`commit`.execute(connection);
    for (const statement of statements.slice(-4)) await statement.execute(connection);
  });
  // The insert queued every organisation for the duplicate comparison; the job would take it in batches, the bench does it now.
  const started = performance.now();
  await scoreQueuedCandidates(db, Number.POSITIVE_INFINITY);
  const candidateSeconds = Math.round((performance.now() - started) / 100) / 10;
  await sql`vacuum analyze network_organisation_candidates`.execute(db);
  return {
    ...(await countRows(db, ['network_organisations', 'network_people', 'network_memberships', 'network_cooperations', 'network_organisation_candidates'])),
    candidate_scoring_seconds: candidateSeconds,
  };
}
