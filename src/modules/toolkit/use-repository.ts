import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import { escapeLike } from '../../platform/db/like.ts';
import type { MethodCard, MethodUseKind, MethodUser } from '../../platform/method-links.ts';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * Where cards were used: the toolkit's link table of (card, kind of record, record id, town). The
 * records themselves belong to strategy, events and qualification, which write their links through
 * the `methodLinks` hook (platform/method-links.ts); no foreign key crosses the modules.
 */
export function useRepository(db: Db) {
  /**
   * Writes the cards' counts (towns, uses) again from the link table, for the cards whose links
   * changed. Only public uses count: the counts are shown to everyone, and a use by a draft event
   * would tell that the event exists.
   */
  async function recount(methodIds: number[]): Promise<void> {
    const ids = [...new Set(methodIds)];
    if (!ids.length) return;
    // The update below counts up the search's uses version (migration 0042) in its row. Taking that
    // row first makes every writer of use counts wait there before it holds any card, so two of them
    // (one transaction may recount twice: replace, then publish) cannot each hold what the other needs.
    await sql`select singleton from toolkit_search_state for update`.execute(db);
    // Lock the cards (in id order): the count below then runs with a snapshot taken after any
    // other transaction that changed their links has committed, so concurrent links are all counted.
    await sql`select id from toolkit_methods where id = any(${ids}::int[]) order by id for update`.execute(db);
    await sql`update toolkit_methods m set
        use_towns = (select count(distinct u.municipality_id) from toolkit_method_uses u where u.method_id = m.id and u.kind <> 'example' and u.is_public),
        use_count = (select count(*) from toolkit_method_uses u where u.method_id = m.id and u.kind <> 'example' and u.is_public)
      where m.id = any(${ids}::int[])`.execute(db);
  }

  return {
    /** The picker's cards: the ticked ones still published, and one page of the others that match the text (German search, or a part of the title or town). */
    async choices(q: { selected: number[]; text: string; offset: number; limit: number }): Promise<{ selected: MethodCard[]; found: MethodCard[]; total: number }> {
      const base = () => db.selectFrom('toolkit_methods as m').innerJoin('municipalities as mu', 'mu.id', 'm.municipality_id').where('m.status', '=', 'published');
      const selected = q.selected.length ? await base().select(['m.id', 'm.title', 'mu.name as town']).where('m.id', 'in', q.selected).orderBy('m.title').orderBy('m.id').execute() : [];
      let others = base().select(['m.id', 'm.title', 'mu.name as town']).select(sql<number>`cast(count(*) over () as integer)`.as('total'));
      if (q.selected.length) others = others.where('m.id', 'not in', q.selected);
      if (q.text) {
        const part = `%${escapeLike(q.text)}%`;
        others = others.where((eb) => eb.or([sql<boolean>`m.search @@ websearch_to_tsquery('german', ${q.text})`, eb('m.title', 'ilike', part), eb('mu.name', 'ilike', part)]));
      }
      const found = await others.orderBy('m.title').orderBy('m.id').limit(q.limit).offset(q.offset).execute();
      return { selected, found: found.map(({ total: _, ...card }) => card), total: found[0]?.total ?? 0 };
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
      const removed = await db.deleteFrom('toolkit_method_uses').where('kind', '=', user.kind).where('object_id', '=', user.objectId).returning('method_id').execute();
      const ids = [...new Set(methodIds)];
      if (ids.length)
        await db
          .insertInto('toolkit_method_uses')
          .values(ids.map((method_id) => ({ method_id, kind: user.kind, object_id: user.objectId, municipality_id: user.municipalityId, is_public: user.isPublic })))
          .execute();
      await recount([...removed.map((r) => r.method_id), ...ids]);
    },
    async setPublic(kind: MethodUseKind, objectIds: number[], isPublic: boolean): Promise<void> {
      if (!objectIds.length) return;
      const changed = await db
        .updateTable('toolkit_method_uses')
        .set({ is_public: isPublic })
        .where('kind', '=', kind)
        .where('object_id', 'in', [...new Set(objectIds)])
        .where('is_public', '<>', isPublic)
        .returning('method_id')
        .execute();
      await recount(changed.map((r) => r.method_id));
    },
    async forget(kind: MethodUseKind, objectId: number): Promise<void> {
      const removed = await db.deleteFrom('toolkit_method_uses').where('kind', '=', kind).where('object_id', '=', objectId).returning('method_id').execute();
      await recount(removed.map((r) => r.method_id));
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
