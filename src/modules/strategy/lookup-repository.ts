import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * What other modules (participation) read of the strategy: fields of action and measures, always
 * with their town, so that a caller can check an id it was sent belongs to the town it works in.
 */

/** A town's fields of action (id, name) in their order. */
export function fieldsOfTown(db: Db, municipalityId: number) {
  return db.selectFrom('fields_of_action').select(['id', 'name']).where('municipality_id', '=', municipalityId).orderBy('position').orderBy('id').execute();
}

/** Fields of action by id (of any town), with their town: names for lists that carry only the id. */
export function fieldsByIds(db: Db, ids: readonly number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('fields_of_action')
    .select(['id', 'name', 'municipality_id'])
    .where('id', 'in', [...new Set(ids)])
    .execute();
}

/** Measures by id (of any town), with their town, by title. */
export function measuresByIds(db: Db, ids: readonly number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('measures')
    .select(['id', 'title', 'status', 'municipality_id'])
    .where('id', 'in', [...new Set(ids)])
    .orderBy('title')
    .orderBy('id')
    .execute();
}
