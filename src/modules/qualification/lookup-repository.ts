import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** Training modules by id with their programme and whether the public sees it (what the toolkit lists under a card). */
export function programmeModulesByIds(db: Db, ids: readonly number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('programme_modules as m')
    .innerJoin('qualification_programmes as p', 'p.id', 'm.programme_id')
    .select(['m.id', 'm.title', 'm.programme_id', 'p.title as programme', 'p.published'])
    .where('m.id', 'in', [...new Set(ids)])
    .orderBy('p.title')
    .orderBy('m.position')
    .orderBy('m.id')
    .execute();
}
