import type { Kysely } from 'kysely';
import { runStatements } from '../src/platform/db/migrate.ts';

/** Where a process happens and in which languages people can take part. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `alter table participation_processes add column languages text[] not null default '{de}'`,
    `alter table participation_processes add column district_ids integer[] not null default '{}'`,
  ]);
}
