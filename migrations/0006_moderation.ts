import type { Kysely } from 'kysely';
import { runStatements } from '../src/platform/db/migrate.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `alter table proposals add column hidden_at timestamptz`,
    `alter table proposals add column hidden_reason text not null default ''`,
    `alter table proposals add column held boolean not null default false`,
    `alter table proposal_comments add column hidden_at timestamptz`,
    `alter table proposal_comments add column hidden_reason text not null default ''`,
    `alter table proposal_comments add column held boolean not null default false`,
    `create table content_reports (
      id integer generated always as identity primary key,
      municipality_id integer not null references municipalities(id) on delete cascade,
      content_type text not null check (content_type in ('proposal', 'comment')),
      content_id integer not null,
      reporter_user_id integer references users(id) on delete set null,
      reason text not null check (reason in ('insult', 'discrimination', 'spam', 'personal_data', 'other')),
      note text not null default '',
      created_at timestamptz not null default now(),
      resolved_at timestamptz
    )`,
    `create unique index content_reports_once on content_reports (content_type, content_id, reporter_user_id)`,
    `create index content_reports_open_idx on content_reports (municipality_id) where resolved_at is null`,
    `create table municipality_blocks (
      municipality_id integer not null references municipalities(id) on delete cascade,
      user_id integer not null references users(id) on delete cascade,
      reason text not null default '',
      created_at timestamptz not null default now(),
      primary key (municipality_id, user_id)
    )`,
    `create table moderation_words (
      municipality_id integer not null references municipalities(id) on delete cascade,
      word text not null,
      primary key (municipality_id, word)
    )`,
  ]);
}
