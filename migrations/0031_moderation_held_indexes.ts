import type { Kysely } from 'kysely';
import { runStatements } from '../src/platform/db/migrate.ts';

/**
 * The moderation queue lists what waits for a coordinator (held proposals and comments). Held rows
 * are a handful among a million comments: small partial indexes find them without reading the
 * tables (a queue took 0.4 s at Land scale, see docs/benchmark.md).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [`create index proposals_held_idx on proposals (municipality_id) where held`, `create index proposal_comments_held_idx on proposal_comments (proposal_id) where held`]);
}
