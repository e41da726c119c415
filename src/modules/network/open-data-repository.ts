import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import type { OpenDataQuery } from '../../platform/open-data.ts';
import type { OrganisationType } from './tables.ts';

/** Organisations that agreed to be listed, and cooperations between two of them, paged by id: never people or e-mail addresses. */
export function networkOpenDataRepository(db: Kysely<Database>) {
  return {
    organisations(query: OpenDataQuery) {
      return db
        .selectFrom('network_organisations as o')
        .innerJoin('municipalities as m', 'm.id', 'o.municipality_id')
        .leftJoin('districts as d', 'd.id', 'o.district_id')
        .select(['o.id', 'm.ags', 'o.name', 'o.type', 'o.fields_of_action', 'd.name as district', 'o.address', 'o.website', 'o.languages', 'o.description', 'o.updated_at'])
        .where('o.is_public', '=', true)
        .$if(query.municipalityId !== undefined, (q) => q.where('o.municipality_id', '=', query.municipalityId ?? 0))
        .$if(typeof query.filters.typ === 'string', (q) => q.where('o.type', '=', query.filters.typ as OrganisationType))
        .$if(query.after !== undefined, (q) => q.where('o.id', '>', query.after ?? 0))
        .orderBy('o.id')
        .limit(query.limit)
        .execute();
    },
    cooperations(query: OpenDataQuery) {
      return db
        .selectFrom('network_cooperations as c')
        .innerJoin('municipalities as m', 'm.id', 'c.municipality_id')
        .innerJoin('network_organisations as a', 'a.id', 'c.organisation_id')
        .innerJoin('network_organisations as b', 'b.id', 'c.partner_id')
        .select([
          'c.id',
          'm.ags',
          'c.organisation_id',
          'a.name as organisation',
          'c.partner_id',
          'b.name as partner',
          'c.type',
          'c.starts_on',
          'c.ends_on',
          'c.description',
          'c.outputs',
          'c.updated_at',
        ])
        .where('a.is_public', '=', true)
        .where('b.is_public', '=', true)
        .$if(query.municipalityId !== undefined, (q) => q.where('c.municipality_id', '=', query.municipalityId ?? 0))
        .$if(query.after !== undefined, (q) => q.where('c.id', '>', query.after ?? 0))
        .orderBy('c.id')
        .limit(query.limit)
        .execute();
    },
    async modified(municipalityId?: number) {
      const row = await db
        .selectFrom('network_organisations')
        .select((eb) => eb.fn.max('updated_at').as('at'))
        .where('is_public', '=', true)
        .$if(municipalityId !== undefined, (q) => q.where('municipality_id', '=', municipalityId ?? 0))
        .executeTakeFirst();
      return row?.at ? new Date(row.at) : null;
    },
  };
}
