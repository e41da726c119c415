import { type Kysely, sql } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import type { OpenDataQuery } from '../../platform/open-data.ts';

/** Published programmes and their cohorts as open data, paged by id: never trainers, applicants or participants. */
export function qualificationOpenDataRepository(db: Kysely<Database>) {
  return {
    programmes(query: OpenDataQuery) {
      return db
        .selectFrom('qualification_programmes as p')
        .select((eb) => [
          'p.id',
          'p.kind',
          'p.target_group',
          'p.title',
          'p.description',
          'p.min_attendance_percent',
          'p.requires_project',
          eb.selectFrom('programme_modules as pm').whereRef('pm.programme_id', '=', 'p.id').select(sql<number>`cast(count(*) as integer)`.as('n')).as('module_count'),
          eb.selectFrom('programme_modules as pm').whereRef('pm.programme_id', '=', 'p.id').select(sql<number>`cast(coalesce(sum(pm.hours), 0) as double precision)`.as('h')).as('total_hours'),
          'p.created_at',
        ])
        .where('p.published', '=', true)
        .$if(query.after !== undefined, (q) => q.where('p.id', '>', query.after ?? 0))
        .orderBy('p.id')
        .limit(query.limit)
        .execute();
    },
    cohorts(query: OpenDataQuery) {
      return db
        .selectFrom('cohorts as c')
        .innerJoin('qualification_programmes as p', 'p.id', 'c.programme_id')
        .leftJoin('municipalities as m', 'm.id', 'c.municipality_id')
        .select(['c.id', 'c.programme_id', 'p.title as programme_title', 'c.title', 'm.ags', 'c.region', 'c.starts_on', 'c.ends_on', 'c.capacity', 'c.applications_open'])
        .where('p.published', '=', true)
        .$if(query.municipalityId !== undefined, (q) => q.where('c.municipality_id', '=', query.municipalityId ?? 0))
        .$if(typeof query.filters.programm === 'number', (q) => q.where('c.programme_id', '=', Number(query.filters.programm)))
        .$if(query.after !== undefined, (q) => q.where('c.id', '>', query.after ?? 0))
        .orderBy('c.id')
        .limit(query.limit)
        .execute();
    },
    async modified() {
      const row = await db
        .selectFrom('cohorts')
        .select((eb) => eb.fn.max('created_at').as('at'))
        .executeTakeFirst();
      return row?.at ? new Date(row.at) : null;
    },
  };
}
