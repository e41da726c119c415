import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import { PERSON_RULE } from './duplicates-repository.ts';

type Db = Kysely<Database> | Transaction<Database>;

export interface PersonPair {
  first_id: number;
  first_name: string;
  second_id: number;
  second_name: string;
  score: number;
}

/** A person of a merge as the page compares them: only people whose consent holds, with their account's e-mail and memberships. */
export interface PersonMergeRecord {
  id: number;
  name: string;
  user_id: number | null;
  user_email: string | null;
  consent_purpose: string;
  consent_version: string;
  consent_given_at: Date;
  memberships: number;
}

/** Likely duplicate people of a town, and the merge of two of them: the people's side of `duplicatesRepository`. */
export function peopleDuplicatesRepository(db: Db) {
  return {
    /** Pairs of people (consent holding) with a close name or the same account, not yet marked as different, best first. */
    async pairs(municipalityId: number, limit = 100): Promise<PersonPair[]> {
      const sameAccount = sql<boolean>`(a.user_id is not null and a.user_id = b.user_id)`;
      const pairs = db
        .selectFrom('network_people as a')
        .innerJoin('network_people as b', (join) =>
          join.onRef('b.municipality_id', '=', 'a.municipality_id').onRef('a.id', '<', 'b.id').on('b.consent_revoked_at', 'is', null).on(sql<boolean>`(a.name_key % b.name_key or ${sameAccount})`),
        )
        .select(['a.id as first_id', 'a.name as first_name', 'b.id as second_id', 'b.name as second_name'])
        .select(sql<number>`cast(round(${PERSON_RULE.name} * similarity(a.name_key, b.name_key)) + case when ${sameAccount} then ${PERSON_RULE.account} else 0 end as integer)`.as('score'))
        .where('a.municipality_id', '=', municipalityId)
        .where('a.consent_revoked_at', 'is', null)
        .where(({ not, exists, selectFrom }) => not(exists(selectFrom('network_person_distinct as d').select('d.first_id').whereRef('d.first_id', '=', 'a.id').whereRef('d.second_id', '=', 'b.id'))));
      const rows = await db
        .selectFrom(pairs.as('pairs'))
        .selectAll()
        .where('score', '>=', PERSON_RULE.threshold)
        .orderBy('score', 'desc')
        .orderBy('first_name')
        .orderBy('first_id')
        .orderBy('second_id')
        .limit(limit)
        .execute();
      return rows as PersonPair[];
    },

    /** Both people of a merge page, of the town and with consent holding (a revoked person is gone). */
    async mergeRecords(municipalityId: number, ids: number[]): Promise<PersonMergeRecord[]> {
      const rows = await db
        .selectFrom('network_people as p')
        .leftJoin('users as u', 'u.id', 'p.user_id')
        .select(['p.id', 'p.name', 'p.user_id', 'u.email as user_email', 'p.consent_purpose', 'p.consent_version', 'p.consent_given_at'])
        .select((eb) => eb.selectFrom('network_memberships as m').select(sql<number>`cast(count(*) as integer)`.as('n')).whereRef('m.person_id', '=', 'p.id').as('memberships'))
        .where('p.municipality_id', '=', municipalityId)
        .where('p.consent_revoked_at', 'is', null)
        .where('p.id', 'in', ids)
        .execute();
      return rows.map((r) => ({ ...r, memberships: Number(r.memberships ?? 0) }));
    },

    /** Both people of a merge, locked until the transaction ends; a revoked person is not among them. */
    lock(ids: number[]) {
      return db.selectFrom('network_people').selectAll().where('id', 'in', ids).where('consent_revoked_at', 'is', null).orderBy('id').forUpdate().execute();
    },

    /**
     * Moves the memberships and "not a duplicate" decisions of `otherId` to `keepId`. A membership the
     * kept person already has (same organisation, role and dates) is dropped instead of doubled.
     */
    async moveLinks(keepId: number, otherId: number): Promise<{ memberships: number; dropped: number }> {
      const dropped = await db
        .deleteFrom('network_memberships as m')
        .where('m.person_id', '=', otherId)
        .where(({ exists, selectFrom }) =>
          exists(
            selectFrom('network_memberships as k')
              .select('k.id')
              .where('k.person_id', '=', keepId)
              .whereRef('k.organisation_id', '=', 'm.organisation_id')
              .whereRef('k.role', '=', 'm.role')
              .where(sql<boolean>`k.starts_on is not distinct from m.starts_on and k.ends_on is not distinct from m.ends_on`),
          ),
        )
        .executeTakeFirst();
      const moved = await db.updateTable('network_memberships').set({ person_id: keepId }).where('person_id', '=', otherId).executeTakeFirst();
      await sql`insert into network_person_distinct (municipality_id, first_id, second_id, decided_by, created_at)
        select municipality_id, least(${keepId}::integer, case when first_id = ${otherId} then second_id else first_id end), greatest(${keepId}::integer, case when first_id = ${otherId} then second_id else first_id end), decided_by, created_at
        from network_person_distinct
        where (first_id = ${otherId} or second_id = ${otherId}) and first_id <> ${keepId} and second_id <> ${keepId}
        on conflict do nothing`.execute(db);
      return { memberships: Number(moved.numUpdatedRows), dropped: Number(dropped.numDeletedRows) };
    },

    /** The merged person goes (their links have moved), and the kept one takes the chosen values. */
    async finish(municipalityId: number, keepId: number, otherId: number, values: { name: string; user_id: number | null; consent_purpose: string; consent_version: string; consent_given_at: Date }) {
      await db.deleteFrom('network_people').where('id', '=', otherId).where('municipality_id', '=', municipalityId).execute();
      await db.updateTable('network_people').set(values).where('id', '=', keepId).where('municipality_id', '=', municipalityId).execute();
    },
  };
}
