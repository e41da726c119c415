import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import type { OpenDataQuery } from '../../platform/open-data.ts';

/** Strategies and measures as open data, paged by id. Every measure and strategy version of a town is public. */
export function strategyOpenDataRepository(db: Kysely<Database>) {
  return {
    strategies(query: OpenDataQuery) {
      return db
        .selectFrom('strategy_versions as s')
        .innerJoin('municipalities as m', 'm.id', 's.municipality_id')
        .select(['s.id', 'm.ags', 'm.name as municipality', 's.title', 's.version_label', 's.adopted_on', 's.summary', 's.created_at'])
        .$if(query.municipalityId !== undefined, (q) => q.where('s.municipality_id', '=', query.municipalityId ?? 0))
        .$if(query.after !== undefined, (q) => q.where('s.id', '>', query.after ?? 0))
        .orderBy('s.id')
        .limit(query.limit)
        .execute();
    },
    async strategiesModified(municipalityId?: number) {
      const row = await db
        .selectFrom('strategy_versions')
        .select((eb) => eb.fn.max('created_at').as('at'))
        .$if(municipalityId !== undefined, (q) => q.where('municipality_id', '=', municipalityId ?? 0))
        .executeTakeFirst();
      return row?.at ? new Date(row.at) : null;
    },
    measures(query: OpenDataQuery) {
      const { handlungsfeld, status } = query.filters;
      return db
        .selectFrom('measures as x')
        .innerJoin('municipalities as m', 'm.id', 'x.municipality_id')
        .innerJoin('fields_of_action as f', 'f.id', 'x.field_id')
        .leftJoin('goals as g', 'g.id', 'x.goal_id')
        .leftJoin('districts as d', 'd.id', 'x.district_id')
        .select([
          'x.id',
          'm.ags',
          'x.field_id',
          'f.name as field_of_action',
          'g.title as goal',
          'd.name as district',
          'x.title',
          'x.description',
          'x.responsible_org',
          'x.starts_on',
          'x.ends_on',
          'x.status',
          'x.progress',
          'x.updated_at',
        ])
        .$if(query.municipalityId !== undefined, (q) => q.where('x.municipality_id', '=', query.municipalityId ?? 0))
        .$if(typeof handlungsfeld === 'number', (q) => q.where('x.field_id', '=', Number(handlungsfeld)))
        .$if(typeof status === 'string', (q) => q.where('x.status', '=', status as never))
        .$if(query.after !== undefined, (q) => q.where('x.id', '>', query.after ?? 0))
        .orderBy('x.id')
        .limit(query.limit)
        .execute();
    },
    async measuresModified(municipalityId?: number) {
      const row = await db
        .selectFrom('measures')
        .select((eb) => eb.fn.max('updated_at').as('at'))
        .$if(municipalityId !== undefined, (q) => q.where('municipality_id', '=', municipalityId ?? 0))
        .executeTakeFirst();
      return row?.at ? new Date(row.at) : null;
    },
  };
}
