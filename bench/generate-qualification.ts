import { type Kysely, sql } from 'kysely';
import type { Database } from '../src/platform/db/schema.ts';
import { countRows } from './count-rows.ts';

/**
 * Qualification at programme scale, set-based: 5 programmes with 6 modules and 5 self-assessment
 * items each, 50 cohorts with 30 accepted trainees each (1,500 trainees from the generated
 * accounts), 10 sessions per cohort (the first 6 held, with 85 % attendance), a practice project per
 * trainee, and the self-assessment before and after from 20 trainees per cohort.
 */
export async function generateQualification(db: Kysely<Database>): Promise<Record<string, number>> {
  const statements = [
    sql`insert into qualification_programmes (kind, target_group, title, description, published)
        select (array['diversity_manager','multiplier','multiplier','moderation','multiplier'])[p],
               (array[null,'vocational_trainers','club_boards',null,'entrepreneurs'])[p],
               'Programm ' || p, 'Benchmark-Programm ' || p, true
        from generate_series(1, 5) p`,
    sql`insert into programme_modules (programme_id, position, title, learning_goals, hours)
        select p.id, m, 'Modul ' || m, 'Lernziele ' || m, 4 from qualification_programmes p cross join generate_series(1, 6) m`,
    sql`insert into competence_items (programme_id, position, statement)
        select p.id, i, 'Aussage ' || i || ' zur Kompetenz' from qualification_programmes p cross join generate_series(1, 5) i`,
    sql`insert into cohorts (programme_id, title, municipality_id, starts_on, ends_on, capacity, applications_open)
        select p.id, 'Kohorte ' || p.id || '-' || c, pp.municipality_id, current_date - 90, current_date + 60, 30, false
        from qualification_programmes p cross join generate_series(1, 10) c
        join (select municipality_id, row_number() over (order by municipality_id) as n from programme_participations) pp on pp.n = c`,
    sql`insert into enrolments (cohort_id, user_id, motivation, status, decided_at)
        select c.id, u.id, 'Benchmark', 'approved', now() - interval '100 days'
        from (select id, row_number() over (order by id) - 1 as n from cohorts) c
        join (select id, row_number() over (order by id) - 1 as n from users order by id limit 1500) u on u.n / 30 = c.n`,
    sql`insert into events (municipality_id, title, format, mode, starts_at, ends_at, capacity, published, cohort_id, module_id)
        select c.municipality_id, c.title || ': Termin ' || s, 'training', 'in_person',
               date_trunc('day', now()) + (s * 15 - 95) * interval '1 day' + interval '9 hours',
               date_trunc('day', now()) + (s * 15 - 95) * interval '1 day' + interval '15 hours',
               30, false, c.id, (select m.id from programme_modules m where m.programme_id = c.programme_id order by m.position offset (s - 1) % 6 limit 1)
        from cohorts c cross join generate_series(1, 10) s`,
    sql`insert into session_attendance (event_id, enrolment_id, attended)
        select s.id, e.id, (e.id + s.id) % 7 <> 0
        from events s join enrolments e on e.cohort_id = s.cohort_id
        where s.cohort_id is not null and s.starts_at < now()`,
    sql`insert into practice_projects (enrolment_id, goal, organisation, steps, result, status, submitted_at)
        select e.id, 'Ziel des Projekts ' || e.id, 'Organisation ' || e.id % 40, 'Schritte', 'Ergebnis',
               (array['draft','submitted','changes_requested','approved'])[1 + e.id % 4], now()
        from enrolments e`,
    sql`insert into self_assessments (enrolment_id, phase, submitted_at)
        select e.id, ph, now() - interval '90 days'
        from (select id, row_number() over (partition by cohort_id order by id) as n from enrolments) e
        cross join (values ('before'), ('after')) v(ph)
        where e.n <= 20`,
    sql`insert into self_assessment_answers (assessment_id, item_id, score)
        select a.id, i.id, least(5, 1 + (a.enrolment_id + i.position) % 3 + case when a.phase = 'after' then 1 else 0 end)
        from self_assessments a
        join enrolments e on e.id = a.enrolment_id
        join cohorts c on c.id = e.cohort_id
        join competence_items i on i.programme_id = c.programme_id`,
    sql`analyze`,
  ];
  for (const statement of statements) await statement.execute(db);
  return countRows(db, ['cohorts', 'enrolments', 'session_attendance', 'self_assessment_answers']);
}
