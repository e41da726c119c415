import type { Kysely } from 'kysely';
import { runStatements } from '../src/platform/db/migrate.ts';

/** Training programmes with modules, cohorts with trainers, and applications to a cohort. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `create table qualification_programmes (
      id integer generated always as identity primary key,
      kind text not null check (kind in ('diversity_manager', 'multiplier', 'moderation')),
      target_group text check (target_group in ('vocational_trainers', 'club_boards', 'entrepreneurs', 'local_politicians', 'other')),
      title text not null,
      description text not null default '',
      min_attendance_percent integer not null default 80 check (min_attendance_percent between 0 and 100),
      requires_project boolean not null default true,
      published boolean not null default false,
      created_at timestamptz not null default now()
    )`,
    `create table programme_modules (
      id integer generated always as identity primary key,
      programme_id integer not null references qualification_programmes(id) on delete cascade,
      position integer not null default 0,
      title text not null,
      learning_goals text not null default '',
      hours numeric(5,1) not null check (hours > 0)
    )`,
    `create index programme_modules_programme_idx on programme_modules (programme_id, position)`,
    `create table cohorts (
      id integer generated always as identity primary key,
      programme_id integer not null references qualification_programmes(id) on delete cascade,
      title text not null,
      municipality_id integer references municipalities(id) on delete set null,
      region text not null default '',
      starts_on date not null,
      ends_on date not null,
      capacity integer not null check (capacity between 1 and 1000),
      applications_open boolean not null default true,
      created_at timestamptz not null default now(),
      check (ends_on >= starts_on)
    )`,
    `create index cohorts_programme_idx on cohorts (programme_id, starts_on)`,
    `create table cohort_trainers (
      cohort_id integer not null references cohorts(id) on delete cascade,
      user_id integer not null references users(id) on delete cascade,
      primary key (cohort_id, user_id)
    )`,
    `create table enrolments (
      id integer generated always as identity primary key,
      cohort_id integer not null references cohorts(id) on delete cascade,
      user_id integer references users(id) on delete set null,
      motivation text not null,
      status text not null default 'applied' check (status in ('applied', 'approved', 'rejected', 'withdrawn')),
      decision_note text not null default '',
      decided_at timestamptz,
      decided_by integer references users(id) on delete set null,
      created_at timestamptz not null default now()
    )`,
    `create unique index enrolments_once on enrolments (cohort_id, user_id) where user_id is not null`,
    `create index enrolments_cohort_idx on enrolments (cohort_id, status)`,
  ]);
}
