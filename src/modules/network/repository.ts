import { type Kysely, sql, type Transaction } from 'kysely';
import { escapeLike } from '../../platform/db/like.ts';
import type { Database, NewRow, RowUpdate } from '../../platform/db/schema.ts';
import type { PageRequest } from '../../platform/http/pagination.ts';
import type { OrganisationType } from './tables.ts';

type Db = Kysely<Database> | Transaction<Database>;

export interface OrganisationFilter {
  type?: OrganisationType;
  query?: string;
  /** The public directory: only organisations that agreed to be listed. */
  publicOnly?: boolean;
}

/** Organisations, people, memberships and cooperations of a town. Records are read by id alone; the service checks the town. */
export function networkRepository(db: Db) {
  function organisationsOf(municipalityId: number, filter: OrganisationFilter) {
    let query = db.selectFrom('network_organisations as o').where('o.municipality_id', '=', municipalityId);
    if (filter.publicOnly) query = query.where('o.is_public', '=', true);
    if (filter.type) query = query.where('o.type', '=', filter.type);
    if (filter.query) {
      const text = filter.query;
      const pattern = `%${escapeLike(text.toLowerCase())}%`;
      // German stemming finds "Verein" for "Vereine"; the substring match keeps a half-typed name findable.
      query = query.where((eb) => eb.or([eb(sql`o.search`, '@@', sql`websearch_to_tsquery('german', ${text})`), eb(sql`lower(o.name)`, 'like', pattern)]));
    }
    return query;
  }

  return {
    // ---- organisations ----
    /** One page of a town's organisations by name, each row with the total of the filtered list. */
    organisations(municipalityId: number, filter: OrganisationFilter, page: PageRequest) {
      return organisationsOf(municipalityId, filter)
        .leftJoin('districts as d', 'd.id', 'o.district_id')
        .select(['o.id', 'o.name', 'o.type', 'o.fields_of_action', 'o.address', 'o.website', 'o.email', 'o.languages', 'o.description', 'o.is_public', 'd.name as district_name'])
        .select(sql<number>`cast(count(*) over () as integer)`.as('total'))
        .orderBy('o.name')
        .orderBy('o.id')
        .limit(page.pageSize)
        .offset(page.offset)
        .execute();
    },
    /** The same page without the total, for a list whose total is already known (the unfiltered directory: the figures count it). */
    organisationsPage(municipalityId: number, filter: OrganisationFilter, page: PageRequest) {
      return organisationsOf(municipalityId, filter)
        .leftJoin('districts as d', 'd.id', 'o.district_id')
        .select(['o.id', 'o.name', 'o.type', 'o.fields_of_action', 'o.address', 'o.website', 'o.email', 'o.languages', 'o.description', 'o.is_public', 'd.name as district_name'])
        .orderBy('o.name')
        .orderBy('o.id')
        .limit(page.pageSize)
        .offset(page.offset)
        .execute();
    },
    countOrganisations(municipalityId: number, filter: OrganisationFilter) {
      return organisationsOf(municipalityId, filter)
        .select(sql<number>`cast(count(*) as integer)`.as('n'))
        .executeTakeFirstOrThrow()
        .then((r) => r.n);
    },
    organisation(id: number) {
      return db.selectFrom('network_organisations').selectAll().where('id', '=', id).executeTakeFirst();
    },
    /** Organisations of the town side by side for a merge, with their district and how many links each has. */
    mergeRecords(municipalityId: number, ids: number[]) {
      return db
        .selectFrom('network_organisations as o')
        .leftJoin('districts as d', 'd.id', 'o.district_id')
        .select(['o.id', 'o.name', 'o.type', 'o.fields_of_action', 'o.address', 'o.website', 'o.email', 'o.languages', 'o.description', 'o.is_public', 'd.name as district_name'])
        .select((eb) => [
          eb.selectFrom('network_memberships as m').select(sql<number>`cast(count(*) as integer)`.as('n')).whereRef('m.organisation_id', '=', 'o.id').as('memberships'),
          eb
            .selectFrom('network_cooperations as c')
            .select(sql<number>`cast(count(*) as integer)`.as('n'))
            .where((w) => w.or([w('c.organisation_id', '=', w.ref('o.id')), w('c.partner_id', '=', w.ref('o.id'))]))
            .as('cooperations'),
        ])
        .where('o.municipality_id', '=', municipalityId)
        .where('o.id', 'in', ids)
        .execute()
        .then((rows) => rows.map((r) => ({ ...r, memberships: Number(r.memberships ?? 0), cooperations: Number(r.cooperations ?? 0) })));
    },
    /** Every organisation of the town with its district name, for the export. */
    organisationsExport(municipalityId: number) {
      return db
        .selectFrom('network_organisations as o')
        .leftJoin('districts as d', 'd.id', 'o.district_id')
        .select(['o.id', 'o.name', 'o.type', 'o.fields_of_action', 'o.address', 'o.website', 'o.email', 'o.languages', 'o.description', 'o.is_public', 'd.name as district_name'])
        .where('o.municipality_id', '=', municipalityId)
        .orderBy('o.name')
        .orderBy('o.id')
        .execute();
    },
    organisationOptions(municipalityId: number) {
      return db.selectFrom('network_organisations').select(['id', 'name', 'type', 'municipality_id']).where('municipality_id', '=', municipalityId).orderBy('name').orderBy('id').execute();
    },
    insertOrganisation(row: NewRow<'network_organisations'>) {
      return db.insertInto('network_organisations').values(row).returning('id').executeTakeFirstOrThrow();
    },
    updateOrganisation(municipalityId: number, id: number, values: RowUpdate<'network_organisations'>) {
      return db.updateTable('network_organisations').set(values).where('municipality_id', '=', municipalityId).where('id', '=', id).execute();
    },
    deleteOrganisation(municipalityId: number, id: number) {
      return db.deleteFrom('network_organisations').where('municipality_id', '=', municipalityId).where('id', '=', id).execute();
    },
    /** How many memberships and cooperations go with an organisation when it is deleted. */
    async organisationLinks(id: number) {
      const row = await db
        .selectNoFrom((eb) => [
          eb.selectFrom('network_memberships').select(sql<number>`cast(count(*) as integer)`.as('n')).where('organisation_id', '=', id).as('memberships'),
          eb
            .selectFrom('network_cooperations')
            .select(sql<number>`cast(count(*) as integer)`.as('n'))
            .where((w) => w.or([w('organisation_id', '=', id), w('partner_id', '=', id)]))
            .as('cooperations'),
        ])
        .executeTakeFirstOrThrow();
      return { memberships: Number(row.memberships ?? 0), cooperations: Number(row.cooperations ?? 0) };
    },

    // ---- people ----
    /** People who have not revoked their consent; a revoked person appears nowhere. */
    people(municipalityId: number) {
      return db
        .selectFrom('network_people as p')
        .select(['p.id', 'p.name', 'p.user_id', 'p.consent_purpose', 'p.consent_version', 'p.consent_given_at', 'p.municipality_id'])
        .select((eb) => eb.selectFrom('network_memberships as m').select(sql<number>`cast(count(*) as integer)`.as('n')).whereRef('m.person_id', '=', 'p.id').as('membership_count'))
        .where('p.municipality_id', '=', municipalityId)
        .where('p.consent_revoked_at', 'is', null)
        .orderBy('p.name')
        .orderBy('p.id')
        .execute();
    },
    /** A person whose consent still holds; a revoked one is as good as gone. */
    person(id: number) {
      return db.selectFrom('network_people').selectAll().where('id', '=', id).where('consent_revoked_at', 'is', null).executeTakeFirst();
    },
    insertPerson(row: NewRow<'network_people'>) {
      return db.insertInto('network_people').values(row).returning('id').executeTakeFirstOrThrow();
    },
    /**
     * Revocation keeps only the fact and time of the revocation (proof that it was honoured): the
     * name and account link are cleared and the memberships deleted.
     */
    async revokePerson(municipalityId: number, id: number) {
      await db.deleteFrom('network_memberships').where('municipality_id', '=', municipalityId).where('person_id', '=', id).execute();
      await db.updateTable('network_people').set({ name: '', user_id: null, consent_revoked_at: sql<Date>`now()` }).where('municipality_id', '=', municipalityId).where('id', '=', id).execute();
    },
    /** Every person of a town with their memberships, for the CSV export. */
    peopleExport(municipalityId: number) {
      return db
        .selectFrom('network_people as p')
        .leftJoin('network_memberships as m', 'm.person_id', 'p.id')
        .leftJoin('network_organisations as o', 'o.id', 'm.organisation_id')
        .select(['p.id', 'p.name', 'p.consent_purpose', 'p.consent_version', 'p.consent_given_at', 'o.name as organisation_name', 'm.role', 'm.starts_on', 'm.ends_on'])
        .where('p.municipality_id', '=', municipalityId)
        .where('p.consent_revoked_at', 'is', null)
        .orderBy('p.name')
        .orderBy('p.id')
        .orderBy('o.name')
        .execute();
    },

    // ---- memberships ----
    memberships(municipalityId: number) {
      return db
        .selectFrom('network_memberships as m')
        .innerJoin('network_people as p', 'p.id', 'm.person_id')
        .innerJoin('network_organisations as o', 'o.id', 'm.organisation_id')
        .select(['m.id', 'm.role', 'm.starts_on', 'm.ends_on', 'm.person_id', 'm.organisation_id', 'p.name as person_name', 'o.name as organisation_name'])
        .where('m.municipality_id', '=', municipalityId)
        .where('p.consent_revoked_at', 'is', null)
        .orderBy('o.name')
        .orderBy('p.name')
        .orderBy('m.id')
        .execute();
    },
    membership(id: number) {
      return db
        .selectFrom('network_memberships as m')
        .innerJoin('network_people as p', 'p.id', 'm.person_id')
        .innerJoin('network_organisations as o', 'o.id', 'm.organisation_id')
        .select(['m.id', 'm.municipality_id', 'm.role', 'p.name as person_name', 'o.name as organisation_name'])
        .where('m.id', '=', id)
        .where('p.consent_revoked_at', 'is', null)
        .executeTakeFirst();
    },
    insertMembership(row: NewRow<'network_memberships'>) {
      return db.insertInto('network_memberships').values(row).returning('id').executeTakeFirstOrThrow();
    },
    deleteMembership(municipalityId: number, id: number) {
      return db.deleteFrom('network_memberships').where('municipality_id', '=', municipalityId).where('id', '=', id).execute();
    },

    // ---- cooperations ----
    cooperations(municipalityId: number) {
      return db
        .selectFrom('network_cooperations as c')
        .innerJoin('network_organisations as a', 'a.id', 'c.organisation_id')
        .innerJoin('network_organisations as b', 'b.id', 'c.partner_id')
        .select(['c.id', 'c.type', 'c.starts_on', 'c.ends_on', 'c.description', 'c.outputs', 'a.name as organisation_name', 'b.name as partner_name'])
        .where('c.municipality_id', '=', municipalityId)
        .orderBy('c.starts_on', 'desc')
        .orderBy('c.id', 'desc')
        .execute();
    },
    cooperation(id: number) {
      return db.selectFrom('network_cooperations').selectAll().where('id', '=', id).executeTakeFirst();
    },
    insertCooperation(row: NewRow<'network_cooperations'>) {
      return db.insertInto('network_cooperations').values(row).returning('id').executeTakeFirstOrThrow();
    },
    updateCooperation(municipalityId: number, id: number, values: RowUpdate<'network_cooperations'>) {
      return db.updateTable('network_cooperations').set(values).where('municipality_id', '=', municipalityId).where('id', '=', id).execute();
    },
    deleteCooperation(municipalityId: number, id: number) {
      return db.deleteFrom('network_cooperations').where('municipality_id', '=', municipalityId).where('id', '=', id).execute();
    },

    // ---- personal data of accounts ----
    peopleOfUser(userId: number) {
      return db
        .selectFrom('network_people as p')
        .innerJoin('municipalities as mu', 'mu.id', 'p.municipality_id')
        .select(['p.id', 'p.name', 'mu.name as municipality', 'p.consent_purpose', 'p.consent_version', 'p.consent_given_at'])
        .select((eb) =>
          eb
            .selectFrom('network_memberships as m')
            .innerJoin('network_organisations as o', 'o.id', 'm.organisation_id')
            .select(
              sql<
                Array<{ organisation: string; role: string; starts_on: string | null; ends_on: string | null }>
              >`coalesce(json_agg(json_build_object('organisation', o.name, 'role', m.role, 'starts_on', m.starts_on, 'ends_on', m.ends_on) order by o.name), '[]')`.as('j'),
            )
            .whereRef('m.person_id', '=', 'p.id')
            .as('memberships'),
        )
        .where('p.user_id', '=', userId)
        .where('p.consent_revoked_at', 'is', null)
        .orderBy('p.id')
        .execute();
    },
    /** Deleting the account ends its network entries as a revocation would: name, link and memberships go. */
    async anonymiseUser(userId: number) {
      const people = await db.selectFrom('network_people').select('id').where('user_id', '=', userId).execute();
      if (people.length === 0) return;
      const ids = people.map((p) => p.id);
      await db.deleteFrom('network_memberships').where('person_id', 'in', ids).execute();
      await db.updateTable('network_people').set({ name: '', user_id: null, consent_revoked_at: sql<Date>`coalesce(consent_revoked_at, now())` }).where('id', 'in', ids).execute();
    },
  };
}
