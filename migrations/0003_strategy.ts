import type { Kysely } from 'kysely';
import { runStatements } from '../src/platform/db/migrate.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `create table strategy_versions (
      id integer generated always as identity primary key,
      municipality_id integer not null references municipalities(id) on delete cascade,
      title text not null,
      version_label text not null,
      adopted_on date,
      summary text not null default '',
      document_file_id integer references files(id) on delete set null,
      created_at timestamptz not null default now()
    )`,
    `create index strategy_versions_municipality_idx on strategy_versions (municipality_id, adopted_on desc)`,
    `create table fields_of_action (
      id integer generated always as identity primary key,
      municipality_id integer not null references municipalities(id) on delete cascade,
      name text not null,
      description text not null default '',
      position integer not null default 0,
      created_at timestamptz not null default now()
    )`,
    `create index fields_of_action_municipality_idx on fields_of_action (municipality_id, position)`,
    `create table goals (
      id integer generated always as identity primary key,
      field_id integer not null references fields_of_action(id) on delete cascade,
      title text not null,
      description text not null default '',
      position integer not null default 0,
      created_at timestamptz not null default now()
    )`,
    `create index goals_field_idx on goals (field_id, position)`,
    `create table measures (
      id integer generated always as identity primary key,
      municipality_id integer not null references municipalities(id) on delete cascade,
      field_id integer not null references fields_of_action(id) on delete restrict,
      goal_id integer references goals(id) on delete set null,
      district_id integer references districts(id) on delete set null,
      title text not null,
      description text not null default '',
      responsible_org text not null default '',
      starts_on date,
      ends_on date,
      status text not null check (status in ('planned', 'running', 'done', 'paused', 'dropped')),
      progress integer not null check (progress between 0 and 100),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check (ends_on is null or starts_on is null or ends_on >= starts_on)
    )`,
    `create index measures_municipality_idx on measures (municipality_id, field_id, status)`,
    `create table measure_updates (
      id integer generated always as identity primary key,
      measure_id integer not null references measures(id) on delete cascade,
      author_user_id integer references users(id) on delete set null,
      text text not null,
      status text not null check (status in ('planned', 'running', 'done', 'paused', 'dropped')),
      progress integer not null check (progress between 0 and 100),
      created_at timestamptz not null default now()
    )`,
    `create index measure_updates_measure_idx on measure_updates (measure_id, created_at desc)`,
  ]);
}
