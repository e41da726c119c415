import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import type { OpenDataQuery } from '../../platform/open-data.ts';
import type { EventFormat } from './tables.ts';

/** Published public events as open data, paged by id: never registrations, contacts or meeting links. */
export function eventsOpenDataRepository(db: Kysely<Database>) {
  return {
    rows(query: OpenDataQuery) {
      const { format, von, bis, sprache } = query.filters;
      return db
        .selectFrom('events as e')
        .innerJoin('municipalities as m', 'm.id', 'e.municipality_id')
        .leftJoin('districts as d', 'd.id', 'e.district_id')
        .select([
          'e.id',
          'm.ags',
          'e.title',
          'e.description',
          'e.format',
          'e.mode',
          'e.venue',
          'e.address',
          'd.name as district',
          'e.starts_at',
          'e.ends_at',
          'e.capacity',
          'e.languages',
          'e.accessibility',
          'e.accessibility_note',
          'e.cancelled_at',
          'e.created_at',
        ])
        .where('e.published', '=', true)
        .where('e.cohort_id', 'is', null)
        .$if(query.municipalityId !== undefined, (q) => q.where('e.municipality_id', '=', query.municipalityId ?? 0))
        .$if(typeof format === 'string', (q) => q.where('e.format', '=', format as EventFormat))
        .$if(typeof von === 'string', (q) => q.where('e.ends_at', '>=', new Date(`${String(von)}T00:00:00Z`)))
        .$if(typeof bis === 'string', (q) => q.where('e.starts_at', '<', new Date(new Date(`${String(bis)}T00:00:00Z`).getTime() + 86_400_000)))
        .$if(typeof sprache === 'string', (q) => q.where('e.languages', '@>', [String(sprache)]))
        .$if(query.after !== undefined, (q) => q.where('e.id', '>', query.after ?? 0))
        .orderBy('e.id')
        .limit(query.limit)
        .execute();
    },
    async modified(municipalityId?: number) {
      const row = await db
        .selectFrom('events')
        .select((eb) => eb.fn.max('created_at').as('at'))
        .where('published', '=', true)
        .where('cohort_id', 'is', null)
        .$if(municipalityId !== undefined, (q) => q.where('municipality_id', '=', municipalityId ?? 0))
        .executeTakeFirst();
      return row?.at ? new Date(row.at) : null;
    },
  };
}
