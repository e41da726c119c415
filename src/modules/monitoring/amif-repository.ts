import { type Kysely, sql } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import { type FactSource, PERSON_DIMENSIONS } from '../../platform/facts.ts';
import type { FactFilter } from './engine-repository.ts';

/**
 * The AMIF participant statistics (docs/INDICATORS.md "Participant statistics"): unique persons of
 * all activities per town and across all towns at once, by sex, age group, third-country
 * nationals, new versus returning and online versus offline, computed per person in SQL.
 *
 * Per person and town: a stated value wins over "not stated" (the latest stated one is not known
 * across sources, so the greatest stated value is taken); "offline" when the person took part in
 * person or on paper at least once in the period, otherwise "online"; "returning" when the person
 * took part in that town (across all towns: anywhere) before the period began.
 */
export const AMIF_COLUMNS = [
  'total',
  ...PERSON_DIMENSIONS.sex.map((v) => `sex.${v}`),
  ...PERSON_DIMENSIONS.age_group.map((v) => `age_group.${v}`),
  ...PERSON_DIMENSIONS.third_country.map((v) => `third_country.${v}`),
  'history.new',
  'history.returning',
  ...PERSON_DIMENSIONS.channel.map((v) => `channel.${v}`),
] as const;
export type AmifColumn = (typeof AMIF_COLUMNS)[number];

export interface AmifRow {
  /** null for the row across all towns (each person once). */
  municipalityId: number | null;
  counts: Record<AmifColumn, number>;
}

/** The AMIF table of a period: a row per town with persons, and the row across those towns (each person once; null without any). */
export interface AmifTables {
  rows: AmifRow[];
  all: AmifRow | null;
}

const PERSON_DIMS = ['sex', 'age_group', 'third_country', 'channel'] as const;

export function amifRepository(db: Kysely<Database>) {
  /** The persons' facts of every source up to a day (the time before the period tells new from returning), in the filter's towns. */
  function facts(sources: readonly FactSource[], filter: FactFilter, columns: 'all' | 'persons') {
    const parts = sources.map((source) => {
      let query = db.selectFrom(source.rows(db).as('f')).where('f.day', '<=', filter.to).where('f.person_key', 'is not', null);
      if (columns === 'persons') query = query.where('f.day', '>=', filter.from);
      if (filter.municipalityIds) {
        query = filter.municipalityIds.length === 0 ? query.where(sql<boolean>`false`) : query.where('f.municipality_id', 'in', [...filter.municipalityIds]);
      }
      const dims = columns === 'all' ? PERSON_DIMS : [];
      return query.select([
        'f.day',
        'f.municipality_id',
        'f.person_key',
        ...dims.map((dim) => (dim in source.dimensions ? sql<string>`${sql.ref(`f.${dim}`)}::text` : sql<string>`${dim === 'channel' ? 'online' : 'not_stated'}::text`).as(dim)),
      ]);
    });
    if (parts.length === 0) return null;
    let union = parts[0] as NonNullable<(typeof parts)[0]>;
    for (const part of parts.slice(1)) union = union.unionAll(part);
    return union;
  }

  return {
    /**
     * The rows per town and the row across all of them in one pass over the facts: each person is
     * grouped once per town and once across the towns (grouping sets), then counted.
     */
    async tables(sources: readonly FactSource[], filter: FactFilter): Promise<AmifTables> {
      const union = facts(sources, filter, 'all');
      if (!union) return { rows: [], all: null };
      const from = filter.from;
      const stated = (dim: string) => sql<string>`coalesce(max(${sql.ref(`x.${dim}`)}) filter (where ${sql.ref(`x.${dim}`)} <> 'not_stated' and x.day >= ${from}), 'not_stated')`;
      const persons = db
        .selectFrom(union.as('x'))
        .select([
          sql<number | null>`case when grouping(x.municipality_id) = 0 then x.municipality_id end`.as('municipality_id'),
          sql<number>`grouping(x.municipality_id)`.as('across'),
          sql<boolean>`bool_or(x.day >= ${from})`.as('in_period'),
          sql<boolean>`min(x.day) < ${from}`.as('returning'),
          stated('sex').as('sex'),
          stated('age_group').as('age_group'),
          stated('third_country').as('third_country'),
          sql<string>`case when bool_or(x.channel = 'offline' and x.day >= ${from}) then 'offline' else 'online' end`.as('channel'),
        ])
        .groupBy(sql`grouping sets ((x.person_key, x.municipality_id), (x.person_key))`);
      const counts = AMIF_COLUMNS.map((column) => {
        if (column === 'total') return sql<string>`count(*)`.as('total');
        if (column === 'history.new') return sql<string>`count(*) filter (where not p.returning)`.as(column);
        if (column === 'history.returning') return sql<string>`count(*) filter (where p.returning)`.as(column);
        const [dim, value] = column.split('.') as [string, string];
        return sql<string>`count(*) filter (where ${sql.ref(`p.${dim}`)} = ${value})`.as(column);
      });
      const rows = await db
        .selectFrom(persons.as('p'))
        .where('p.in_period', '=', true)
        .select(['p.municipality_id', 'p.across', ...counts])
        .groupBy(['p.across', 'p.municipality_id'])
        .orderBy('p.across')
        .orderBy('p.municipality_id')
        .execute();
      const out: AmifTables = { rows: [], all: null };
      for (const row of rows) {
        const record = row as unknown as Record<string, unknown>;
        const counts = Object.fromEntries(AMIF_COLUMNS.map((column) => [column, Number(record[column] ?? 0)])) as Record<AmifColumn, number>;
        if (Number(row.across) === 1) out.all = { municipalityId: null, counts };
        else out.rows.push({ municipalityId: Number(row.municipality_id), counts });
      }
      return out;
    },

    /**
     * The unique persons of each step (quarters of a year …) per town and across the towns (town
     * null), in one pass: the trend chart of every town and of the whole at once.
     */
    async trend(sources: readonly FactSource[], steps: ReadonlyArray<{ code: string; from: string; to: string }>, filter: FactFilter) {
      if (steps.length === 0) return [];
      const union = facts(
        sources,
        {
          ...filter,
          from: steps.map((s) => s.from).sort()[0] as string,
          to: steps
            .map((s) => s.to)
            .sort()
            .at(-1) as string,
        },
        'persons',
      );
      if (!union) return [];
      const values = sql.join(steps.map((s) => sql`(${s.code}::text, ${s.from}::text, ${s.to}::text)`));
      const rows = await db
        .selectFrom(union.as('x'))
        .innerJoin(sql<{ code: string; day_from: string; day_to: string }>`(select * from (values ${values}) as v(code, day_from, day_to))`.as('s'), (join) =>
          join.on(sql<boolean>`x.day between s.day_from and s.day_to`),
        )
        .select(['s.code', sql<number | null>`case when grouping(x.municipality_id) = 0 then x.municipality_id end`.as('municipality_id'), sql<string>`count(distinct x.person_key)`.as('persons')])
        .groupBy(sql`grouping sets ((s.code, x.municipality_id), (s.code))`)
        .execute();
      return rows.map((row) => ({ code: row.code, municipalityId: row.municipality_id === null ? null : Number(row.municipality_id), persons: Number(row.persons) }));
    },
  };
}
