import type { Kysely } from 'kysely';
import { runStatements } from '../src/platform/db/migrate.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `create table proposal_follows (
      user_id integer not null references users(id) on delete cascade,
      proposal_id integer not null references proposals(id) on delete cascade,
      created_at timestamptz not null default now(),
      primary key (user_id, proposal_id)
    )`,
    `create index proposal_follows_proposal_idx on proposal_follows (proposal_id)`,
    `create table process_follows (
      user_id integer not null references users(id) on delete cascade,
      process_id integer not null references participation_processes(id) on delete cascade,
      created_at timestamptz not null default now(),
      primary key (user_id, process_id)
    )`,
    `create index process_follows_process_idx on process_follows (process_id)`,
    `create table notification_preferences (
      user_id integer primary key references users(id) on delete cascade,
      mode text not null check (mode in ('immediate', 'daily', 'off'))
    )`,
    `create table pending_notifications (
      id integer generated always as identity primary key,
      user_id integer not null references users(id) on delete cascade,
      text text not null,
      created_at timestamptz not null default now(),
      sent_at timestamptz
    )`,
    `create index pending_notifications_open_idx on pending_notifications (user_id) where sent_at is null`,
  ]);
}
