import { type Kysely, sql } from 'kysely';
import type { Database } from '../src/platform/db/schema.ts';
import { countRows } from './count-rows.ts';

/**
 * A Land-scale data set, made by set-based SQL in a few seconds: the 47 towns of 20,000–50,000
 * inhabitants take part, with 200 fields of action, 400 goals, 5,000 measures, 50,000 updates,
 * about 140 districts and 300,000 accounts.
 */
export async function generateLandScale(db: Kysely<Database>): Promise<Record<string, number>> {
  const statements = [
    sql`insert into programme_participations (municipality_id, joined_on, cohort_label)
        select id, date '2025-01-01' + (id % 3) * interval '6 months', 'Kohorte ' || (2025 + id % 2)
        from municipalities where population between 20000 and 50000`,
    sql`insert into districts (municipality_id, name, description)
        select p.municipality_id, 'Ortsteil ' || g, '' from programme_participations p cross join generate_series(1, 3) g`,
    sql`insert into fields_of_action (municipality_id, name, description, position)
        select p.municipality_id, 'Handlungsfeld ' || g, 'Beschreibung ' || g, g / 47
        from generate_series(0, 199) g
        join (select municipality_id, row_number() over (order by municipality_id) - 1 as n from programme_participations) p on p.n = g % 47`,
    sql`insert into goals (field_id, title, description, position)
        select f.id, 'Ziel ' || g || ' in ' || f.name, '', g from fields_of_action f cross join generate_series(1, 2) g`,
    sql`insert into measures (municipality_id, field_id, goal_id, district_id, title, description, responsible_org, starts_on, ends_on, status, progress)
        select f.municipality_id, f.id,
               (select id from goals where field_id = f.id order by id limit 1 offset (g % 2)),
               case when g % 3 = 0 then (select id from districts d where d.municipality_id = f.municipality_id order by id limit 1) end,
               'Maßnahme ' || g, 'Beschreibung der Maßnahme ' || g, 'Träger ' || (g % 40),
               date '2025-01-01' + (g % 365), date '2026-01-01' + (g % 500),
               (array['planned','running','done','paused','dropped'])[1 + g % 5], (g * 7) % 101
        from generate_series(0, 4999) g
        join (select id, municipality_id, row_number() over (order by id) - 1 as n from fields_of_action) f on f.n = g % 200`,
    sql`insert into measure_updates (measure_id, author_user_id, text, status, progress, created_at)
        select m.id, null, 'Zwischenstand ' || g, m.status, m.progress, timestamptz '2025-02-01' + (g % 600) * interval '1 day'
        from generate_series(0, 49999) g
        join (select id, status, progress, row_number() over (order by id) - 1 as n from measures) m on m.n = g % 5000`,
    sql`insert into users (email, password_hash, display_name, locale, email_verified_at)
        select 'user' || g || '@bench.invalid', null, 'Person ' || g, 'de', now() from generate_series(1, 300000) g`,
    sql`insert into role_assignments (user_id, role, municipality_id)
        select u.id, 'coordinator', p.municipality_id
        from (select municipality_id, row_number() over (order by municipality_id) as n from programme_participations) p
        join users u on u.email = 'user' || p.n || '@bench.invalid'`,
  ];
  for (const statement of statements) await statement.execute(db);
  await sql`analyze`.execute(db);
  return countRows(db, ['municipalities', 'programme_participations', 'districts', 'fields_of_action', 'goals', 'measures', 'measure_updates', 'users']);
}
