import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * What other modules (the toolkit) read of events: always with the town, so that a caller can
 * check that an id it was sent belongs to the town it works in. Training sessions are not offered.
 */

/** A town's events (not training sessions, published or not) for choice lists, newest first, at most `limit`. */
export function eventOptions(db: Db, municipalityId: number, limit = 100) {
  return db
    .selectFrom('events')
    .select(['id', 'title', 'starts_at', 'published'])
    .where('municipality_id', '=', municipalityId)
    .where('cohort_id', 'is', null)
    .orderBy('starts_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

/** Events by id (of any town), with their town and whether the public sees them, by start. */
export function eventsByIds(db: Db, ids: readonly number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('events')
    .select(['id', 'title', 'starts_at', 'municipality_id', 'published', 'cohort_id'])
    .where('id', 'in', [...new Set(ids)])
    .orderBy('starts_at')
    .orderBy('id')
    .execute();
}
