import type { Kysely } from 'kysely';
import { runStatements } from '../src/platform/db/migrate.ts';

/** Certificates with a public verification code; what they certify is kept as issued. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `create table certificates (
      id integer generated always as identity primary key,
      enrolment_id integer not null unique references enrolments(id) on delete cascade,
      code text not null unique,
      holder_name text not null,
      programme_title text not null,
      total_hours numeric(6,1) not null,
      issued_on date not null,
      revoked_at timestamptz,
      revoke_reason text not null default '',
      created_by integer references users(id) on delete set null,
      created_at timestamptz not null default now()
    )`,
  ]);
}
