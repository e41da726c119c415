import type { Kysely } from 'kysely';
import { runStatements } from '../src/platform/db/migrate.ts';

/**
 * A second factor (TOTP) with one-time recovery codes, and sessions that wait for it after the
 * password; old rate-limit windows are found by their expiry.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `alter table users add column totp_secret text`,
    `alter table users add column totp_enabled_at timestamptz`,
    `alter table users add column totp_last_step integer`,
    `create table recovery_codes (
      id integer generated always as identity primary key,
      user_id integer not null references users(id) on delete cascade,
      code_hash text not null,
      used_at timestamptz
    )`,
    `create index recovery_codes_user_idx on recovery_codes (user_id)`,
    `alter table sessions add column second_factor_pending boolean not null default false`,
    `create index rate_limits_expires_idx on rate_limits (expires_at)`,
  ]);
}
