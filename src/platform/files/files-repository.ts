import type { Kysely, Transaction } from 'kysely';
import type { Database, NewRow } from '../db/schema.ts';

/** The record of every stored file; the bytes live in the file store's folder. */
export function filesRepository(db: Kysely<Database> | Transaction<Database>) {
  return {
    async insert(file: NewRow<'files'>): Promise<number> {
      return (await db.insertInto('files').values(file).returning('id').executeTakeFirstOrThrow()).id;
    },
    find(id: number) {
      return db.selectFrom('files').selectAll().where('id', '=', id).executeTakeFirst();
    },
  };
}
