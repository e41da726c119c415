import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import type { AppServices } from '../../platform/module.ts';
import { duplicatesRepository } from './duplicates-repository.ts';

export const CANDIDATES_JOB = 'network.duplicate_candidates';
const BATCH = 500;

/**
 * Scores the likely duplicates of the organisations a large statement queued (an import, the demo,
 * the upgrade that introduced the kept pairs), `BATCH` at a time, each batch in its own transaction,
 * until the queue is empty or `budgetMs` has passed. Returns how many it scored.
 */
export async function scoreQueuedCandidates(db: Kysely<Database>, budgetMs = 25_000): Promise<number> {
  const started = Date.now();
  let scored = 0;
  for (;;) {
    const batch = await db.transaction().execute((trx) => duplicatesRepository(trx).scoreQueuedBatch(BATCH));
    scored += batch;
    if (batch < BATCH || Date.now() - started > budgetMs) return scored;
  }
}

/** Every minute, and at once when an import asks for it. */
export function candidatesJob(services: AppServices) {
  return { name: CANDIDATES_JOB, cron: '* * * * *', handler: async () => void (await scoreQueuedCandidates(services.db)) };
}
