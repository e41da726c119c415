import { type Kysely, sql } from 'kysely';
import type { Database } from '../src/platform/db/schema.ts';
import { countRows } from './count-rows.ts';

/**
 * What the staff pages show at Land scale, set-based, on top of the common data set: two years of
 * audit log (500,000 entries by the towns' coordinators: measures, events, moderation, accounts),
 * a moderation queue in every town (40 reported proposals, 20 reported comments, 10 held comments
 * and 5 held proposals; 400 reports already dealt with), and a trainer for every cohort.
 */
export async function generateSignedIn(db: Kysely<Database>): Promise<Record<string, number>> {
  const statements = [
    sql`insert into audit_log (at, actor_user_id, action, entity_type, entity_id, municipality_id, before, after)
        select now() - (g % 730) * interval '1 day' - (g % 1440) * interval '1 minute',
               r.user_id, a.action, a.entity_type, (g % 5000)::text, r.municipality_id,
               case when g % 4 = 0 then jsonb_build_object('status', 'planned', 'progress', g % 100) end,
               case when g % 4 = 0 then jsonb_build_object('status', 'running', 'progress', g % 100 + 1) end
        from generate_series(0, 499999) g
        join (select user_id, municipality_id, row_number() over (order by municipality_id) - 1 as n from role_assignments where role = 'coordinator') r on r.n = g % 47
        join (select action, entity_type, row_number() over () - 1 as n
              from (values ('measure.progress_reported', 'measure'), ('measure.updated', 'measure'), ('event.created', 'event'),
                           ('event.registration_cancelled', 'event_registration'), ('event.checked_in', 'event_registration'),
                           ('moderation.hidden', 'proposal'), ('proposal.answered', 'proposal'), ('survey.answers_exported', 'survey'),
                           ('event.registrations_exported', 'event'), ('user.invited', 'user')) as v(action, entity_type)) a on a.n = g % 10`,
    // Reports from the accounts after the coordinators (user48 …), one to three per contribution.
    sql`insert into content_reports (municipality_id, content_type, content_id, reporter_user_id, reason, note, created_at, resolved_at)
        select p.municipality_id, 'proposal', p.id, u.id, (array['insult','discrimination','spam','personal_data','other'])[1 + (p.id + r) % 5],
               case when r = 0 then 'Bitte prüfen' else '' end, now() - (p.n * 3 + r) * interval '1 hour', null
        from (select id, municipality_id, row_number() over (partition by municipality_id order by id) as n from proposals) p
        cross join generate_series(0, 2) r
        join users u on u.email = 'user' || (1000 + r) || '@bench.invalid'
        where p.n <= 40 and r <= p.n % 3`,
    sql`insert into content_reports (municipality_id, content_type, content_id, reporter_user_id, reason, note, created_at, resolved_at)
        select c.municipality_id, 'comment', c.id, u.id, 'insult', '', now() - c.n * interval '1 hour', null
        from (select c.id, p.municipality_id, row_number() over (partition by p.municipality_id order by c.id) as n
              from proposal_comments c join proposals p on p.id = c.proposal_id where c.proposal_id in (select max(id) from proposals group by municipality_id)) c
        join users u on u.email = 'user1003@bench.invalid'
        where c.n <= 20`,
    sql`insert into content_reports (municipality_id, content_type, content_id, reporter_user_id, reason, note, created_at, resolved_at)
        select p.municipality_id, 'proposal', p.id, u.id, 'spam', '', now() - interval '30 days', now() - interval '29 days'
        from (select id, municipality_id, row_number() over (partition by municipality_id order by id desc) as n from proposals) p
        join users u on u.email = 'user1004@bench.invalid'
        where p.n <= 400`,
    sql`update proposal_comments set held = true
        where id in (select id from (select c.id, row_number() over (partition by p.municipality_id order by c.id desc) as n
                                     from proposal_comments c join proposals p on p.id = c.proposal_id
                                     where c.proposal_id in (select min(id) + 1 from proposals group by municipality_id)) x where n <= 10)`,
    sql`update proposals set held = true
        where id in (select id from (select id, row_number() over (partition by municipality_id order by id desc) as n from proposals) x where n between 401 and 405)`,
    // Every cohort gets a trainer of its own (the accounts after the reporters).
    sql`insert into cohort_trainers (cohort_id, user_id)
        select c.id, u.id from (select id, row_number() over (order by id) as n from cohorts) c
        join users u on u.email = 'user' || (2000 + c.n) || '@bench.invalid'`,
    sql`insert into role_assignments (user_id, role, municipality_id)
        select user_id, 'trainer', null from cohort_trainers`,
    sql`vacuum analyze audit_log`,
    sql`vacuum analyze content_reports`,
    sql`vacuum analyze proposals`,
    sql`vacuum analyze proposal_comments`,
  ];
  for (const statement of statements) await statement.execute(db);
  return countRows(db, ['audit_log', 'content_reports', 'cohort_trainers']);
}
