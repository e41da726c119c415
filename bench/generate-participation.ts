import { type Kysely, sql } from 'kysely';
import type { Database } from '../src/platform/db/schema.ts';
import { countRows } from './count-rows.ts';

/**
 * Participation at Land scale, set-based: one open process per participating town, 50,000
 * proposals, 2,000,000 supports (40 per proposal, each from a different account), 1,000,000
 * comments (one proposal with 200), 200 surveys with three questions and 100,000 responses.
 */
export async function generateParticipation(db: Kysely<Database>): Promise<Record<string, number>> {
  const statements = [
    sql`insert into participation_processes (municipality_id, title, description, published)
        select municipality_id, 'Ideen für ' || m.name, 'Beteiligungsverfahren ' || m.name, true
        from programme_participations p join municipalities m on m.id = p.municipality_id`,
    sql`insert into process_phases (process_id, kind, starts_on, ends_on)
        select id, 'ideas', current_date - 30, current_date + 60 from participation_processes`,
    sql`insert into proposals (process_id, municipality_id, author_user_id, title, body, support_count, comment_count, created_at)
        select pp.id, pp.municipality_id, (select min(id) from users) + g % 300000,
               (array['Verein','Spielplatz','Sprachcafé','Stadtfest','Bücherei','Sportplatz','Nachbarschaft','Markt'])[1 + g % 8] || ' ' || g,
               'Vorschlag Nummer ' || g || ': mehr Begegnung im Quartier, Vereine und Nachbarschaften stärken.',
               40, case when g = 0 then 200 else 20 end, now() - (g % 400) * interval '1 day'
        from generate_series(0, 49999) g
        join (select id, municipality_id, row_number() over (order by id) - 1 as n from participation_processes) pp on pp.n = g % 47`,
    sql`insert into proposal_supports (proposal_id, user_id)
        select p.id, (select min(id) from users) + ((g / 50000) * 7000 + p.n % 7000)
        from generate_series(0, 1999999) g
        join (select id, row_number() over (order by id) - 1 as n from proposals) p on p.n = g % 50000`,
    sql`insert into proposal_comments (proposal_id, parent_id, depth, author_user_id, body, created_at)
        select p.id, null, 0, (select min(id) from users) + g % 300000, 'Kommentar ' || g || ' zum Vorschlag', now() - (g % 300) * interval '1 hour'
        from generate_series(0, 999999) g
        join (select id, row_number() over (order by id) - 1 as n from proposals) p
          on p.n = case when g < 200 then 0 else 1 + (g - 200) % 49999 end`,
    sql`insert into surveys (municipality_id, title, description, anonymous, opens_on, closes_on, published)
        select pp.municipality_id, 'Umfrage ' || g, '', true, current_date - 30, current_date + 30, true
        from generate_series(0, 199) g
        join (select municipality_id, row_number() over (order by municipality_id) - 1 as n from programme_participations) pp on pp.n = g % 47`,
    sql`insert into survey_questions (survey_id, position, kind, prompt, help, required, options)
        select s.id, q.pos, q.kind, q.prompt, '', true, q.options::jsonb
        from surveys s cross join (values (1, 'single', 'Wie lange wohnen Sie hier?', '["unter 5 Jahre","5 bis 20 Jahre","über 20 Jahre"]'),
                                          (2, 'scale', 'Wie wohl fühlen Sie sich?', '["gar nicht","sehr"]'),
                                          (3, 'number', 'Wie viele Nachbarn kennen Sie?', '[]')) as q(pos, kind, prompt, options)`,
    sql`insert into survey_responses (survey_id, user_id)
        select s.id, null from generate_series(0, 99999) g
        join (select id, row_number() over (order by id) - 1 as n from surveys) s on s.n = g % 200`,
    sql`insert into survey_answers (response_id, question_id, choice, number)
        select r.id, q.id,
               case q.kind when 'single' then r.id % 3 when 'scale' then 1 + r.id % 5 end,
               case q.kind when 'number' then r.id % 40 end
        from survey_responses r join survey_questions q on q.survey_id = r.survey_id`,
  ];
  for (const statement of statements) await statement.execute(db);
  await sql`vacuum analyze`.execute(db);
  return countRows(db, ['participation_processes', 'proposals', 'proposal_supports', 'proposal_comments', 'surveys', 'survey_responses', 'survey_answers']);
}
