import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import type { MethodUseKind, MethodUser } from '../../platform/method-links.ts';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * Where cards were used: the toolkit's link table of (card, kind of record, record id, town). The
 * records themselves belong to strategy, events and qualification, which write their links through
 * the `methodLinks` hook (platform/method-links.ts); no foreign key crosses the modules.
 */
export function useRepository(db: Db) {
  return {
    publishedChoices() {
      return db
        .selectFrom('toolkit_methods as m')
        .innerJoin('municipalities as mu', 'mu.id', 'm.municipality_id')
        .select(['m.id', 'm.title', 'mu.name as town'])
        .where('m.status', '=', 'published')
        .orderBy('m.title')
        .orderBy('m.id')
        .execute();
    },
    async published(ids: number[]): Promise<number[]> {
      if (!ids.length) return [];
      const rows = await db
        .selectFrom('toolkit_methods')
        .select('id')
        .where('id', 'in', [...new Set(ids)])
        .where('status', '=', 'published')
        .execute();
      return rows.map((r) => r.id);
    },
    async named(kind: MethodUseKind, objectId: number): Promise<number[]> {
      const rows = await db.selectFrom('toolkit_method_uses').select('method_id').where('kind', '=', kind).where('object_id', '=', objectId).orderBy('method_id').execute();
      return rows.map((r) => r.method_id);
    },
    async replace(user: MethodUser, methodIds: number[]): Promise<void> {
      await db.deleteFrom('toolkit_method_uses').where('kind', '=', user.kind).where('object_id', '=', user.objectId).execute();
      const ids = [...new Set(methodIds)];
      if (ids.length)
        await db
          .insertInto('toolkit_method_uses')
          .values(ids.map((method_id) => ({ method_id, kind: user.kind, object_id: user.objectId, municipality_id: user.municipalityId })))
          .execute();
    },
    async forget(kind: MethodUseKind, objectId: number): Promise<void> {
      await db.deleteFrom('toolkit_method_uses').where('kind', '=', kind).where('object_id', '=', objectId).execute();
    },
    /** The records that name a card (at most 500, newest link first), for its public page. */
    usesOfMethod(methodId: number) {
      return db
        .selectFrom('toolkit_method_uses as u')
        .leftJoin('municipalities as mu', 'mu.id', 'u.municipality_id')
        .select(['u.kind', 'u.object_id', 'u.municipality_id', 'mu.ags', 'mu.name as town'])
        .where('u.method_id', '=', methodId)
        .where('u.kind', '<>', 'example')
        .orderBy('u.created_at', 'desc')
        .orderBy('u.object_id', 'desc')
        .limit(500)
        .execute();
    },
  };
}
