import { type Kysely, sql } from 'kysely';
import type { Database } from '../src/platform/db/schema.ts';
import { countRows } from './count-rows.ts';

/**
 * Events at Land scale, set-based: 20,000 events over the 47 participating towns from a year back
 * to a year ahead, 500,000 registrations (25 per event, the first event of each town with 200),
 * one event with room left for the registration run, and its town's busiest list for the PDF.
 */
export async function generateEvents(db: Kysely<Database>): Promise<Record<string, number>> {
  const statements = [
    sql`insert into events (municipality_id, title, description, format, mode, venue, address, starts_at, ends_at, capacity, languages, accessibility, published)
        select pp.municipality_id,
               (array['Bürgerdialog','Ideenwerkstatt','Innovationszirkel','Netzwerktreffen','Schulung','Sprachcafé'])[1 + g % 6] || ' ' || g,
               'Veranstaltung Nummer ' || g,
               (array['dialogue','idea_workshop','innovation_circle','network_meeting','training','other'])[1 + g % 6],
               (array['in_person','online','hybrid'])[1 + g % 3],
               'Bürgerhaus ' || g % 20, 'Marktplatz ' || g % 50,
               date_trunc('hour', now()) + ((g % 730) - 365) * interval '1 day' + (g % 10) * interval '1 hour',
               date_trunc('hour', now()) + ((g % 730) - 365) * interval '1 day' + (g % 10 + 2) * interval '1 hour',
               case when g < 47 then 250 else 40 end,
               case g % 4 when 0 then '{de,tr}'::text[] when 1 then '{de,ar}'::text[] when 2 then '{de}'::text[] else '{de,uk,ru}'::text[] end,
               case g % 3 when 0 then '{step_free}'::text[] when 1 then '{step_free,childcare}'::text[] else '{}'::text[] end,
               true
        from generate_series(0, 19999) g
        join (select municipality_id, row_number() over (order by municipality_id) - 1 as n from programme_participations) pp on pp.n = g % 47`,
    // 47 events with 200 people each, the others with 25 each: 9,400 + 19,953 × 25 ≈ 508,000.
    sql`insert into event_registrations (event_id, name, email, organisation, home_town, status, attended, created_at)
        select e.id,
               (array['Ayşe Yılmaz','Jonas Becker','Олена Коваленко','Mehmet Demir','سارا حداد','Lukas Wagner'])[1 + r % 6] || ' ' || r,
               'gast' || e.id || '-' || r || '@bench.invalid', 'Verein ' || r % 30, 'Kommune ' || r % 47,
               case when r < e.capacity then 'confirmed' else 'waiting' end, r % 3 = 0, now() - r * interval '1 minute'
        from events e
        cross join lateral generate_series(0, case when e.capacity = 250 then 199 else 24 end) r`,
    sql`vacuum analyze events`,
    sql`vacuum analyze event_registrations`,
  ];
  for (const statement of statements) await statement.execute(db);
  return countRows(db, ['events', 'event_registrations']);
}
