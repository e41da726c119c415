import type { Kysely } from 'kysely';
import { runStatements } from '../src/platform/db/migrate.ts';

/** Facts about the installation itself, e.g. whether the demo data set has been loaded. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `create table installation_state (
      key text primary key,
      value jsonb not null,
      updated_at timestamptz not null default now()
    )`,
  ]);
}
