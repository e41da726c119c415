import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import type { OpenDataQuery } from '../../platform/open-data.ts';

/** The register as open data: one row per municipality with its participation, paged by id. */
export function municipalitiesOpenDataRepository(db: Kysely<Database>) {
  return {
    rows(query: OpenDataQuery) {
      const { kreis, region, teilnahme } = query.filters;
      return db
        .selectFrom('municipalities as m')
        .leftJoin('programme_participations as p', 'p.municipality_id', 'm.id')
        .select([
          'm.id',
          'm.ags',
          'm.name',
          'm.official_name',
          'm.type',
          'm.county_ags',
          'm.county_name',
          'm.region',
          'm.population',
          'm.population_date',
          'm.area_km2',
          'p.joined_on',
          'p.cohort_label',
        ])
        .$if(query.municipalityId !== undefined, (q) => q.where('m.id', '=', query.municipalityId ?? 0))
        .$if(typeof kreis === 'string', (q) => q.where('m.county_ags', '=', String(kreis)))
        .$if(typeof region === 'string', (q) => q.where('m.region', '=', String(region)))
        .$if(teilnahme === 'ja', (q) => q.where('p.municipality_id', 'is not', null))
        .$if(teilnahme === 'nein', (q) => q.where('p.municipality_id', 'is', null))
        .$if(query.after !== undefined, (q) => q.where('m.id', '>', query.after ?? 0))
        .orderBy('m.id')
        .limit(query.limit)
        .execute();
    },
    async lastModified() {
      const row = await db
        .selectFrom('programme_participations')
        .select((eb) => eb.fn.max('created_at').as('at'))
        .executeTakeFirst();
      return row?.at ? new Date(row.at) : null;
    },
  };
}
