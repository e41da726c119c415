import type { Kysely } from 'kysely';
import { runStatements } from '../src/platform/db/migrate.ts';

/**
 * Training sessions (events linked to a cohort and a module), attendance per session, practice
 * projects with the trainer's review, and the competence self-assessment before and after.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `alter table events add column cohort_id integer references cohorts(id) on delete cascade`,
    `alter table events add column module_id integer references programme_modules(id) on delete set null`,
    `create index events_cohort_idx on events (cohort_id, starts_at) where cohort_id is not null`,
    `create table session_attendance (
      event_id integer not null references events(id) on delete cascade,
      enrolment_id integer not null references enrolments(id) on delete cascade,
      attended boolean not null,
      recorded_by integer references users(id) on delete set null,
      recorded_at timestamptz not null default now(),
      primary key (event_id, enrolment_id)
    )`,
    `create index session_attendance_enrolment_idx on session_attendance (enrolment_id)`,
    `create table practice_projects (
      id integer generated always as identity primary key,
      enrolment_id integer not null unique references enrolments(id) on delete cascade,
      goal text not null,
      organisation text not null default '',
      steps text not null default '',
      result text not null default '',
      status text not null default 'draft' check (status in ('draft', 'submitted', 'changes_requested', 'approved')),
      submitted_at timestamptz,
      reviewed_at timestamptz,
      reviewed_by integer references users(id) on delete set null,
      updated_at timestamptz not null default now()
    )`,
    `create table practice_project_comments (
      id integer generated always as identity primary key,
      project_id integer not null references practice_projects(id) on delete cascade,
      author_id integer references users(id) on delete set null,
      body text not null,
      decision text check (decision in ('approved', 'changes_requested')),
      created_at timestamptz not null default now()
    )`,
    `create index practice_project_comments_project_idx on practice_project_comments (project_id, created_at)`,
    `create table competence_items (
      id integer generated always as identity primary key,
      programme_id integer not null references qualification_programmes(id) on delete cascade,
      position integer not null default 0,
      statement text not null
    )`,
    `create index competence_items_programme_idx on competence_items (programme_id, position)`,
    `create table self_assessments (
      id integer generated always as identity primary key,
      enrolment_id integer not null references enrolments(id) on delete cascade,
      phase text not null check (phase in ('before', 'after')),
      submitted_at timestamptz not null default now(),
      unique (enrolment_id, phase)
    )`,
    `create table self_assessment_answers (
      assessment_id integer not null references self_assessments(id) on delete cascade,
      item_id integer not null references competence_items(id) on delete cascade,
      score integer not null check (score between 1 and 5),
      primary key (assessment_id, item_id)
    )`,
  ]);
}
