import type { Kysely } from 'kysely';
import { runStatements } from '../src/platform/db/migrate.ts';

/** What trained multipliers pass on: their own reports of activities and the people they reached. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `create table multiplier_activities (
      id integer generated always as identity primary key,
      user_id integer references users(id) on delete set null,
      occurred_on date not null,
      description text not null,
      target_group text not null check (target_group in ('vocational_trainers', 'club_boards', 'entrepreneurs', 'local_politicians', 'other')),
      people_reached integer not null check (people_reached between 1 and 100000),
      municipality_id integer references municipalities(id) on delete set null,
      created_at timestamptz not null default now()
    )`,
    `create index multiplier_activities_user_idx on multiplier_activities (user_id, occurred_on desc)`,
    `create index multiplier_activities_group_idx on multiplier_activities (target_group)`,
  ]);
}
