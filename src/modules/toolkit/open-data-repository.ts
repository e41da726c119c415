import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import type { OpenDataQuery } from '../../platform/open-data.ts';
import type { MethodFormat } from './tables.ts';

/** Published method cards as open data, paged by id: never the contact, the author or drafts. */
export function toolkitOpenDataRepository(db: Kysely<Database>) {
  return {
    methods(query: OpenDataQuery) {
      return db
        .selectFrom('toolkit_methods as m')
        .innerJoin('municipalities as mu', 'mu.id', 'm.municipality_id')
        .select([
          'm.id',
          'mu.ags',
          'm.title',
          'm.summary',
          'm.goal',
          'm.steps',
          'm.format',
          'm.duration',
          'm.group_size',
          'm.fields_of_action',
          'm.target_groups',
          'm.languages',
          'm.licence',
          'm.version',
          'm.published_at',
          'm.updated_at',
        ])
        .where('m.status', '=', 'published')
        .$if(query.municipalityId !== undefined, (q) => q.where('m.municipality_id', '=', query.municipalityId ?? 0))
        .$if(typeof query.filters.format === 'string', (q) => q.where('m.format', '=', query.filters.format as MethodFormat))
        .$if(query.after !== undefined, (q) => q.where('m.id', '>', query.after ?? 0))
        .orderBy('m.id')
        .limit(query.limit)
        .execute();
    },
    async modified(municipalityId?: number) {
      const row = await db
        .selectFrom('toolkit_methods')
        .select((eb) => eb.fn.max('updated_at').as('at'))
        .where('status', '=', 'published')
        .$if(municipalityId !== undefined, (q) => q.where('municipality_id', '=', municipalityId ?? 0))
        .executeTakeFirst();
      return row?.at ? new Date(row.at) : null;
    },
  };
}
