import { type Kysely, sql } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import type { FactSource } from '../../platform/facts.ts';

/**
 * The compute engine: composes the facts the modules declare (platform/facts.ts) and aggregates
 * them in SQL for a period, a set of towns and a breakdown. It never names another module's table:
 * each source's rows are a subquery.
 */
export interface FactFilter {
  /** First and last day of the period, `YYYY-MM-DD`, both included. */
  from: string;
  to: string;
  /** The towns counted (a level is a set of towns from the AGS hierarchy); all when absent. */
  municipalityIds?: readonly number[];
  districtId?: number;
  /** Only rows whose dimension holds one of these values, e.g. `{ format: ['dialogue'] }`. */
  dimensions?: Readonly<Record<string, readonly string[]>>;
}

export interface AggregateRow {
  municipality_id: number | null;
  key: string | null;
  value: number;
}

/** count(distinct person) for persons; records once per `r:` key, else each row; values summed. */
function measure(source: FactSource) {
  switch (source.kind) {
    case 'persons':
      return sql<string>`count(distinct f.person_key)`;
    case 'records':
      return sql<string>`count(distinct f.person_key) + count(*) filter (where f.person_key is null)`;
    default:
      return sql<string>`coalesce(sum(f.value), 0)`;
  }
}

export function engineRepository(db: Kysely<Database>) {
  function filtered(source: FactSource, filter: FactFilter) {
    let query = db.selectFrom(source.rows(db).as('f')).where('f.day', '>=', filter.from).where('f.day', '<=', filter.to);
    if (filter.municipalityIds) {
      if (filter.municipalityIds.length === 0) query = query.where(sql<boolean>`false`);
      else query = query.where('f.municipality_id', 'in', [...filter.municipalityIds]);
    }
    if (filter.districtId !== undefined) query = query.where('f.district_id', '=', filter.districtId);
    for (const [dimension, values] of Object.entries(filter.dimensions ?? {})) {
      if (!(dimension in source.dimensions)) throw new Error(`monitoring: ${source.id} has no dimension ${dimension}`);
      query = values.length === 0 ? query.where(sql<boolean>`false`) : query.where(sql<boolean>`${sql.ref(`f.${dimension}`)}::text in (${sql.join(values.map((v) => sql`${v}`))})`);
    }
    return query;
  }

  return {
    /**
     * One figure of a source, optionally per town and/or per value of one declared dimension. A
     * person counted in several towns counts once in each town and once in a total without towns.
     */
    async aggregate(source: FactSource, filter: FactFilter, options: { byTown?: boolean; by?: string } = {}): Promise<AggregateRow[]> {
      if (options.by !== undefined && !(options.by in source.dimensions)) throw new Error(`monitoring: ${source.id} has no dimension ${options.by}`);
      const townColumn = options.byTown ? sql<number>`f.municipality_id` : sql<number | null>`null::int`;
      const keyColumn = options.by !== undefined ? sql<string>`${sql.ref(`f.${options.by}`)}::text` : sql<string | null>`null::text`;
      const groups = [...(options.byTown ? [sql`f.municipality_id`] : []), ...(options.by !== undefined ? [sql.ref(`f.${options.by}`)] : [])];
      let query = filtered(source, filter).select([townColumn.as('municipality_id'), keyColumn.as('key'), measure(source).as('value')]);
      if (groups.length > 0) query = query.groupBy(groups);
      const rows = await query.execute();
      return rows.map((row) => ({ municipality_id: row.municipality_id === null ? null : Number(row.municipality_id), key: row.key, value: Number(row.value) }));
    },

    /**
     * One side of a figure for every town of the filter and across them in one pass (grouping
     * sets): `across` marks the row over all the filter's towns (a person in two towns once), the
     * others are per town (a row without a town, such as a programme-wide budget line, has town null).
     */
    async perTownAndAcross(source: FactSource, filter: FactFilter): Promise<Array<{ municipality_id: number | null; across: boolean; value: number }>> {
      const rows = await filtered(source, filter)
        .select([sql<number | null>`f.municipality_id`.as('municipality_id'), sql<number>`grouping(f.municipality_id)`.as('across'), measure(source).as('value')])
        .groupBy(sql`grouping sets ((f.municipality_id), ())`)
        .execute();
      return rows.map((row) => ({ municipality_id: row.municipality_id === null ? null : Number(row.municipality_id), across: Number(row.across) === 1, value: Number(row.value) }));
    },

    /** The mean of a `values` source (e.g. the progress of measures), with how many rows it rests on. */
    async mean(source: FactSource, filter: FactFilter): Promise<{ mean: number | null; count: number }> {
      const row = await filtered(source, filter)
        .select([sql<string | null>`avg(f.value)`.as('mean'), sql<string>`count(*)`.as('count')])
        .executeTakeFirstOrThrow();
      return { mean: row.mean === null ? null : Number(row.mean), count: Number(row.count) };
    },

    /** The mean of a `values` source per town, with how many rows each rests on (for sources with a minimum, e.g. R8). */
    async meanByTown(source: FactSource, filter: FactFilter): Promise<Array<{ municipality_id: number; mean: number; count: number }>> {
      const rows = await filtered(source, filter)
        .select(['f.municipality_id', sql<string>`avg(f.value)`.as('mean'), sql<string>`count(*)`.as('count')])
        .groupBy('f.municipality_id')
        .execute();
      return rows.map((row) => ({ municipality_id: Number(row.municipality_id), mean: Number(row.mean), count: Number(row.count) }));
    },

    /** The distinct towns with any fact of these sources in the period (O10). */
    async activeTowns(sources: readonly FactSource[], filter: FactFilter): Promise<number[]> {
      if (sources.length === 0) return [];
      const [first, ...rest] = sources.map((source) => filtered(source, filter).select('f.municipality_id').distinct());
      let union = first as NonNullable<typeof first>;
      for (const part of rest) union = union.union(part);
      const rows = await db.selectFrom(union.as('u')).select('u.municipality_id').distinct().execute();
      return rows.map((row) => Number(row.municipality_id));
    },
  };
}
