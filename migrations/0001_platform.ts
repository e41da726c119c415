import type { Kysely } from 'kysely';
import { runStatements } from '../src/platform/db/migrate.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `create table users (
      id integer generated always as identity primary key,
      email text,
      password_hash text,
      display_name text not null,
      locale text not null default 'de',
      email_verified_at timestamptz,
      is_demo boolean not null default false,
      created_at timestamptz not null default now(),
      deleted_at timestamptz
    )`,
    `create unique index users_email_key on users (lower(email)) where email is not null`,
    `create table sessions (
      id_hash text primary key,
      user_id integer not null references users(id) on delete cascade,
      created_at timestamptz not null default now(),
      last_seen_at timestamptz not null default now(),
      expires_at timestamptz not null,
      user_agent text,
      revoked_at timestamptz
    )`,
    `create index sessions_user_idx on sessions (user_id)`,
    `create table auth_tokens (
      token_hash text primary key,
      user_id integer not null references users(id) on delete cascade,
      purpose text not null check (purpose in ('verify_email', 'reset_password', 'invite')),
      created_at timestamptz not null default now(),
      expires_at timestamptz not null,
      used_at timestamptz
    )`,
    `create table role_assignments (
      id integer generated always as identity primary key,
      user_id integer not null references users(id) on delete cascade,
      role text not null check (role in ('trainer', 'coordinator', 'programme_office', 'funder')),
      municipality_id integer,
      granted_by integer references users(id) on delete set null,
      created_at timestamptz not null default now(),
      check ((role = 'coordinator') = (municipality_id is not null) or role = 'trainer')
    )`,
    `create unique index role_assignments_unique on role_assignments (user_id, role, coalesce(municipality_id, 0))`,
    `create table consents (
      id integer generated always as identity primary key,
      user_id integer not null references users(id) on delete cascade,
      purpose text not null,
      version text not null,
      given_at timestamptz not null default now(),
      withdrawn_at timestamptz
    )`,
    `create table audit_log (
      id integer generated always as identity primary key,
      at timestamptz not null default now(),
      actor_user_id integer references users(id) on delete set null,
      action text not null,
      entity_type text not null,
      entity_id text,
      municipality_id integer,
      before jsonb,
      after jsonb
    )`,
    `create index audit_log_at_idx on audit_log (at desc)`,
    `create index audit_log_entity_idx on audit_log (entity_type, entity_id)`,
    `create table mail_outbox (
      id integer generated always as identity primary key,
      to_address text not null,
      subject text not null,
      text_body text not null,
      attachments jsonb not null default '[]',
      created_at timestamptz not null default now(),
      send_after timestamptz not null default now(),
      sent_at timestamptz,
      attempts integer not null default 0,
      last_error text,
      delivered_as text
    )`,
    `create index mail_outbox_pending_idx on mail_outbox (send_after) where sent_at is null`,
    `create table files (
      id integer generated always as identity primary key,
      original_name text not null,
      mime_type text not null,
      size_bytes integer not null,
      sha256 text not null,
      storage_key text not null unique,
      created_by integer references users(id) on delete set null,
      created_at timestamptz not null default now()
    )`,
    `create table rate_limits (
      key text primary key,
      hits integer not null,
      expires_at timestamptz not null
    )`,
  ]);
}
