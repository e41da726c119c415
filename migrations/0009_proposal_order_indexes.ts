import type { Kysely } from 'kysely';
import { runStatements } from '../src/platform/db/migrate.ts';

/** Indexes in exactly the order the proposal list sorts, so a page stops after 20 rows instead of sorting a whole process. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `drop index if exists proposals_process_idx`,
    `drop index if exists proposals_process_support_idx`,
    `create index proposals_process_newest_idx on proposals (process_id, created_at desc, id desc)`,
    `create index proposals_process_support_idx on proposals (process_id, support_count desc, created_at desc, id desc)`,
    `create index proposals_process_comments_idx on proposals (process_id, comment_count desc, created_at desc, id desc)`,
  ]);
}
