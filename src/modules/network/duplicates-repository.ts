import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database, RowUpdate } from '../../platform/db/schema.ts';
import type { PageRequest } from '../../platform/http/pagination.ts';
import { type KeyedProbe, scoreMany } from './duplicate-rule.ts';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * The duplicate rule, in the manner of CiviCRM's weighted rules: each matching criterion adds its
 * weight, and a pair at or above the threshold is a likely duplicate. A name alone must be very
 * close (similarity ≥ 0.67 of the normalised names), a shared website or e-mail alone is enough,
 * a shared address only together with a somewhat similar name (several organisations share a house).
 */
export const DUPLICATE_RULE = { name: 60, website: 40, email: 40, address: 20, threshold: 40 } as const;
/** People have only a name (and maybe an account): a close name, or the same account. */
export const PERSON_RULE = { name: 70, account: 100, threshold: 50 } as const;

/** What an organisation is compared by; the database normalises each the way its generated columns do. */
export interface OrganisationProbe {
  name: string;
  website?: string;
  email?: string;
  address?: string;
}

export interface DuplicateHit {
  id: number;
  name: string;
  type: string;
  website: string;
  email: string;
  address: string;
  score: number;
  same_website: boolean;
  same_email: boolean;
  same_address: boolean;
}

/** A person the town already has that looks like the one being entered. */
export interface PersonHit {
  id: number;
  name: string;
  user_id: number | null;
  score: number;
  same_account: boolean;
}

export interface DuplicatePair {
  first_id: number;
  first_name: string;
  second_id: number;
  second_name: string;
  score: number;
}

const score = (name: ReturnType<typeof sql>, web: ReturnType<typeof sql>, mail: ReturnType<typeof sql>, addr: ReturnType<typeof sql>) =>
  sql<number>`cast(round(${DUPLICATE_RULE.name} * ${name}) + case when ${web} then ${DUPLICATE_RULE.website} else 0 end + case when ${mail} then ${DUPLICATE_RULE.email} else 0 end + case when ${addr} then ${DUPLICATE_RULE.address} else 0 end as integer)`;

/** Likely duplicates among a town's organisations and people, and the pairs marked "not a duplicate". */
export function duplicatesRepository(db: Db) {
  return {
    /**
     * Organisations of the town like the probe, best first; `exceptId` leaves out the record itself
     * and the ones already marked as not its duplicate. The trigram index narrows the names.
     */
    async organisationHits(municipalityId: number, probe: OrganisationProbe, exceptId?: number, limit = 10): Promise<DuplicateHit[]> {
      const nameKey = sql`network_name_key(${probe.name})`;
      const webKey = sql`network_web_key(${probe.website ?? ''})`;
      const mailKey = sql`lower(btrim(${probe.email ?? ''}))`;
      const addrKey = sql`network_address_key(${probe.address ?? ''})`;
      const sameWeb = sql<boolean>`(o.website_key <> '' and o.website_key = ${webKey})`;
      const sameMail = sql<boolean>`(o.email_key <> '' and o.email_key = ${mailKey})`;
      const sameAddr = sql<boolean>`(o.address_key <> '' and o.address_key = ${addrKey})`;
      let query = db
        .selectFrom('network_organisations as o')
        .select(['o.id', 'o.name', 'o.type', 'o.website', 'o.email', 'o.address'])
        .select(score(sql`similarity(o.name_key, ${nameKey})`, sameWeb, sameMail, sameAddr).as('score'))
        .select([sameWeb.as('same_website'), sameMail.as('same_email'), sameAddr.as('same_address')])
        .where('o.municipality_id', '=', municipalityId)
        .where(sql<boolean>`(o.name_key % ${nameKey} or ${sameWeb} or ${sameMail} or ${sameAddr})`);
      if (exceptId !== undefined) {
        query = query
          .where('o.id', '<>', exceptId)
          .where(({ not, exists, selectFrom }) =>
            not(
              exists(selectFrom('network_organisation_distinct as d').select('d.first_id').where(sql<boolean>`(d.first_id = least(o.id, ${exceptId}) and d.second_id = greatest(o.id, ${exceptId}))`)),
            ),
          );
      }
      const rows = await db.selectFrom(query.as('hits')).selectAll().where('score', '>=', DUPLICATE_RULE.threshold).orderBy('score', 'desc').orderBy('name').orderBy('id').limit(limit).execute();
      return rows as DuplicateHit[];
    },

    /**
     * The same rule for many probes at once (an import's rows). The database normalises every name,
     * website, e-mail and address with the functions of the generated columns and gives each name's
     * trigrams as pg_trgm counts them (`show_trgm`); `scoreMany` then compares them in memory. One
     * trigram lookup per row would cost seconds for 5,000 rows, a join over the trigrams too.
     */
    async organisationHitsForMany(municipalityId: number, probes: Array<OrganisationProbe & { line: number }>, limit = 3): Promise<Array<{ line: number; name_key: string; hits: DuplicateHit[] }>> {
      if (probes.length === 0) return [];
      const json = JSON.stringify(probes.map((p) => ({ line: p.line, name: p.name, website: p.website ?? '', email: p.email ?? '', address: p.address ?? '' })));
      const keyed = await sql<KeyedProbe>`
        select r.line, k.name_key, show_trgm(k.name_key) as trigrams, network_web_key(r.website) as web_key, lower(btrim(r.email)) as mail_key, network_address_key(r.address) as addr_key
        from jsonb_to_recordset(cast(${json} as jsonb)) as r(line integer, name text, website text, email text, address text)
        cross join lateral (select network_name_key(r.name) as name_key) k
        order by r.line`.execute(db);
      const town = await db
        .selectFrom('network_organisations')
        .select(['id', 'name', 'type', 'website', 'email', 'address', 'name_key', 'website_key as web_key', 'email_key as mail_key', 'address_key as addr_key'])
        .select(sql<string[]>`show_trgm(name_key)`.as('trigrams'))
        .where('municipality_id', '=', municipalityId)
        .execute();
      return scoreMany(keyed.rows, town, limit);
    },

    /**
     * Scores the likely duplicates of up to `batch` queued organisations (those a large statement
     * wrote) and takes them off the queue, in the caller's transaction. Rows another instance is
     * working on are skipped. Returns how many were scored.
     */
    async scoreQueuedBatch(batch: number): Promise<number> {
      const queued = await db.selectFrom('network_candidate_queue').select('organisation_id').orderBy('queued_at').orderBy('organisation_id').limit(batch).forUpdate().skipLocked().execute();
      const ids = queued.map((q) => q.organisation_id);
      if (!ids.length) return 0;
      await sql`select network_refresh_candidates(${sql.val(ids)}::integer[])`.execute(db);
      await db.deleteFrom('network_candidate_queue').where('organisation_id', 'in', ids).execute();
      return ids.length;
    },

    /**
     * For the rest of the caller's transaction, organisations written are queued for the job instead
     * of being compared at once: for a transaction that writes many one statement at a time.
     */
    async deferCandidates(): Promise<void> {
      await sql`select set_config('vv.network_candidates_deferred', 'on', true)`.execute(db);
    },

    /** How many of a town's organisations still wait to be compared. */
    async queuedCandidates(municipalityId: number): Promise<number> {
      const row = await db
        .selectFrom('network_candidate_queue')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('municipality_id', '=', municipalityId)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },

    /**
     * One page of the likely duplicate pairs of a town not yet marked otherwise, best first, with
     * their total. The pairs are kept by the database whenever an organisation is written (migration
     * 0039): searching them when the list is opened took 10–60 s for 10,000 organisations.
     */
    async organisationPairs(municipalityId: number, page: PageRequest): Promise<{ items: DuplicatePair[]; total: number }> {
      const open = db
        .selectFrom('network_organisation_candidates as c')
        .where('c.municipality_id', '=', municipalityId)
        .where(({ not, exists, selectFrom }) =>
          not(exists(selectFrom('network_organisation_distinct as d').select(sql`1`.as('one')).whereRef('d.first_id', '=', 'c.first_id').whereRef('d.second_id', '=', 'c.second_id'))),
        );
      const [items, count] = await Promise.all([
        open
          .innerJoin('network_organisations as a', 'a.id', 'c.first_id')
          .innerJoin('network_organisations as b', 'b.id', 'c.second_id')
          .select(['c.first_id', 'a.name as first_name', 'c.second_id', 'b.name as second_name', 'c.score'])
          .orderBy('c.score', 'desc')
          .orderBy('a.name')
          .orderBy('c.first_id')
          .orderBy('c.second_id')
          .limit(page.pageSize)
          .offset(page.offset)
          .execute(),
        open.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
      ]);
      return { items, total: Number(count.n) };
    },

    /** People of the town (consent holding) with a close name or the same account. */
    async personHits(municipalityId: number, probe: { name: string; userId?: number | null }, exceptId?: number, limit = 10): Promise<PersonHit[]> {
      const nameKey = sql`network_name_key(${probe.name})`;
      const sameAccount = probe.userId ? sql<boolean>`(p.user_id = ${probe.userId})` : sql<boolean>`false`;
      let query = db
        .selectFrom('network_people as p')
        .select(['p.id', 'p.name', 'p.user_id'])
        .select(sql<number>`cast(round(${PERSON_RULE.name} * similarity(p.name_key, ${nameKey})) + case when ${sameAccount} then ${PERSON_RULE.account} else 0 end as integer)`.as('score'))
        .select(sameAccount.as('same_account'))
        .where('p.municipality_id', '=', municipalityId)
        .where('p.consent_revoked_at', 'is', null)
        .where(sql<boolean>`(p.name_key % ${nameKey} or ${sameAccount})`);
      if (exceptId !== undefined) {
        query = query
          .where('p.id', '<>', exceptId)
          .where(({ not, exists, selectFrom }) =>
            not(exists(selectFrom('network_person_distinct as d').select('d.first_id').where(sql<boolean>`(d.first_id = least(p.id, ${exceptId}) and d.second_id = greatest(p.id, ${exceptId}))`))),
          );
      }
      const rows = await db.selectFrom(query.as('hits')).selectAll().where('score', '>=', PERSON_RULE.threshold).orderBy('score', 'desc').orderBy('name').orderBy('id').limit(limit).execute();
      return rows as PersonHit[];
    },

    /** Remembers that two organisations of the town are different ones (once; again is a no-op). */
    async markOrganisationsDistinct(municipalityId: number, a: number, b: number, decidedBy: number | null) {
      await db
        .insertInto('network_organisation_distinct')
        .values({ municipality_id: municipalityId, first_id: Math.min(a, b), second_id: Math.max(a, b), decided_by: decidedBy })
        .onConflict((oc) => oc.columns(['first_id', 'second_id']).doNothing())
        .execute();
    },
    async markPeopleDistinct(municipalityId: number, a: number, b: number, decidedBy: number | null) {
      await db
        .insertInto('network_person_distinct')
        .values({ municipality_id: municipalityId, first_id: Math.min(a, b), second_id: Math.max(a, b), decided_by: decidedBy })
        .onConflict((oc) => oc.columns(['first_id', 'second_id']).doNothing())
        .execute();
    },

    /** Both organisations of a merge, locked until the transaction ends. */
    lockOrganisations(ids: number[]) {
      return db.selectFrom('network_organisations').selectAll().where('id', 'in', ids).orderBy('id').forUpdate().execute();
    },

    /** The merged record goes (its links have moved), and the kept one takes the chosen values. */
    async finishMerge(municipalityId: number, keepId: number, otherId: number, values: Record<string, unknown>) {
      await db.deleteFrom('network_organisations').where('id', '=', otherId).where('municipality_id', '=', municipalityId).execute();
      await db
        .updateTable('network_organisations')
        .set({ ...(values as RowUpdate<'network_organisations'>), updated_at: new Date() })
        .where('id', '=', keepId)
        .where('municipality_id', '=', municipalityId)
        .execute();
    },

    /**
     * Moves everything attached to `otherId` to `keepId`: memberships, cooperations and event
     * organiser links. A link the kept record already has the same way is dropped instead of
     * doubled, and a cooperation between the two would join the record to itself, so it goes.
     */
    async moveOrganisationLinks(keepId: number, otherId: number) {
      const between = await db
        .deleteFrom('network_cooperations')
        .where((eb) => eb.or([eb.and([eb('organisation_id', '=', keepId), eb('partner_id', '=', otherId)]), eb.and([eb('organisation_id', '=', otherId), eb('partner_id', '=', keepId)])]))
        .executeTakeFirst();
      await db
        .deleteFrom('network_memberships as m')
        .where('m.organisation_id', '=', otherId)
        .where(({ exists, selectFrom }) =>
          exists(
            selectFrom('network_memberships as k')
              .select('k.id')
              .where('k.organisation_id', '=', keepId)
              .whereRef('k.person_id', '=', 'm.person_id')
              .whereRef('k.role', '=', 'm.role')
              .where(sql<boolean>`k.starts_on is not distinct from m.starts_on and k.ends_on is not distinct from m.ends_on`),
          ),
        )
        .execute();
      const memberships = await db.updateTable('network_memberships').set({ organisation_id: keepId }).where('organisation_id', '=', otherId).executeTakeFirst();
      const asOrganisation = await db.updateTable('network_cooperations').set({ organisation_id: keepId, updated_at: new Date() }).where('organisation_id', '=', otherId).executeTakeFirst();
      const asPartner = await db.updateTable('network_cooperations').set({ partner_id: keepId, updated_at: new Date() }).where('partner_id', '=', otherId).executeTakeFirst();
      await db
        .deleteFrom('network_event_organisers as e')
        .where('e.organisation_id', '=', otherId)
        .where(({ exists, selectFrom }) => exists(selectFrom('network_event_organisers as k').select('k.event_id').where('k.organisation_id', '=', keepId).whereRef('k.event_id', '=', 'e.event_id')))
        .execute();
      const events = await db.updateTable('network_event_organisers').set({ organisation_id: keepId }).where('organisation_id', '=', otherId).executeTakeFirst();
      // "Not a duplicate" decisions about the removed record carry over to the kept one.
      await sql`insert into network_organisation_distinct (municipality_id, first_id, second_id, decided_by, created_at)
        select municipality_id, least(${keepId}::integer, case when first_id = ${otherId} then second_id else first_id end), greatest(${keepId}::integer, case when first_id = ${otherId} then second_id else first_id end), decided_by, created_at
        from network_organisation_distinct
        where (first_id = ${otherId} or second_id = ${otherId}) and first_id <> ${keepId} and second_id <> ${keepId}
        on conflict do nothing`.execute(db);
      return {
        memberships: Number(memberships.numUpdatedRows),
        cooperations: Number(asOrganisation.numUpdatedRows) + Number(asPartner.numUpdatedRows),
        cooperationsBetween: Number(between.numDeletedRows),
        events: Number(events.numUpdatedRows),
      };
    },
  };
}
