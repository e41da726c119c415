import type { Kysely } from 'kysely';
import { runStatements } from '../src/platform/db/migrate.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `create table participation_processes (
      id integer generated always as identity primary key,
      municipality_id integer not null references municipalities(id) on delete cascade,
      title text not null,
      description text not null default '',
      field_id integer references fields_of_action(id) on delete set null,
      published boolean not null default false,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`,
    `create index participation_processes_municipality_idx on participation_processes (municipality_id, published)`,
    `create table process_phases (
      id integer generated always as identity primary key,
      process_id integer not null references participation_processes(id) on delete cascade,
      kind text not null check (kind in ('information', 'ideas', 'discussion', 'evaluation', 'implementation', 'reporting')),
      starts_on date not null,
      ends_on date not null,
      check (ends_on >= starts_on),
      unique (process_id, kind)
    )`,
    `create table proposals (
      id integer generated always as identity primary key,
      process_id integer not null references participation_processes(id) on delete cascade,
      municipality_id integer not null references municipalities(id) on delete cascade,
      author_user_id integer references users(id) on delete set null,
      title text not null,
      body text not null,
      field_id integer references fields_of_action(id) on delete set null,
      district_id integer references districts(id) on delete set null,
      offline boolean not null default false,
      offline_source text not null default '',
      status text not null default 'open' check (status in ('open', 'in_review', 'accepted', 'rejected', 'merged')),
      answer_text text not null default '',
      merged_into_id integer references proposals(id) on delete set null,
      answered_at timestamptz,
      support_count integer not null default 0 check (support_count >= 0),
      comment_count integer not null default 0 check (comment_count >= 0),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      search tsvector generated always as (setweight(to_tsvector('german', title), 'A') || setweight(to_tsvector('german', body), 'B')) stored
    )`,
    `create index proposals_process_idx on proposals (process_id, created_at desc)`,
    `create index proposals_process_support_idx on proposals (process_id, support_count desc)`,
    `create index proposals_search_idx on proposals using gin (search)`,
    `create table proposal_supports (
      proposal_id integer not null references proposals(id) on delete cascade,
      user_id integer not null references users(id) on delete cascade,
      created_at timestamptz not null default now(),
      primary key (proposal_id, user_id)
    )`,
    `create table proposal_comments (
      id integer generated always as identity primary key,
      proposal_id integer not null references proposals(id) on delete cascade,
      parent_id integer references proposal_comments(id) on delete cascade,
      depth integer not null default 0 check (depth between 0 and 2),
      author_user_id integer references users(id) on delete set null,
      body text not null,
      created_at timestamptz not null default now(),
      edited_at timestamptz
    )`,
    `create index proposal_comments_proposal_idx on proposal_comments (proposal_id, created_at)`,
    `create table proposal_measures (
      proposal_id integer not null references proposals(id) on delete cascade,
      measure_id integer not null references measures(id) on delete cascade,
      primary key (proposal_id, measure_id)
    )`,
    `create index proposal_measures_measure_idx on proposal_measures (measure_id)`,
  ]);
}
