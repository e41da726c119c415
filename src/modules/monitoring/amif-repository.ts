import { type Kysely, sql } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import { type FactSource, PERSON_DIMENSIONS } from '../../platform/facts.ts';
import type { FactFilter } from './engine-repository.ts';

/**
 * The AMIF participant statistics (docs/INDICATORS.md "Participant statistics"): unique persons of
 * all activities per town (or across all towns at once), by sex, age group, third-country
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

const PERSON_DIMS = ['sex', 'age_group', 'third_country', 'channel'] as const;

export function amifRepository(db: Kysely<Database>) {
  return {
    async table(sources: readonly FactSource[], filter: FactFilter, perTown: boolean): Promise<AmifRow[]> {
      const parts = sources.map((source) => {
        let query = db.selectFrom(source.rows(db).as('f')).where('f.day', '<=', filter.to);
        if (filter.municipalityIds) {
          query = filter.municipalityIds.length === 0 ? query.where(sql<boolean>`false`) : query.where('f.municipality_id', 'in', [...filter.municipalityIds]);
        }
        return query.select([
          'f.day',
          'f.municipality_id',
          'f.person_key',
          ...PERSON_DIMS.map((dim) => (dim in source.dimensions ? sql<string>`${sql.ref(`f.${dim}`)}::text` : sql<string>`${dim === 'channel' ? 'online' : 'not_stated'}::text`).as(dim)),
        ]);
      });
      if (parts.length === 0) return [];
      let facts = parts[0] as NonNullable<(typeof parts)[0]>;
      for (const part of parts.slice(1)) facts = facts.unionAll(part);
      const from = filter.from;
      const town = perTown ? sql<number>`x.municipality_id` : sql<number | null>`null::int`;
      const stated = (dim: string) => sql<string>`coalesce(max(${sql.ref(`x.${dim}`)}) filter (where ${sql.ref(`x.${dim}`)} <> 'not_stated' and x.day >= ${from}), 'not_stated')`;
      const persons = db
        .selectFrom(facts.as('x'))
        .where('x.person_key', 'is not', null)
        .select([
          town.as('municipality_id'),
          'x.person_key',
          sql<boolean>`bool_or(x.day >= ${from})`.as('in_period'),
          sql<boolean>`min(x.day) < ${from}`.as('returning'),
          stated('sex').as('sex'),
          stated('age_group').as('age_group'),
          stated('third_country').as('third_country'),
          sql<string>`case when bool_or(x.channel = 'offline' and x.day >= ${from}) then 'offline' else 'online' end`.as('channel'),
        ])
        .groupBy(perTown ? [sql`x.municipality_id`, sql`x.person_key`] : [sql`x.person_key`]);
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
        .select([sql<number | null>`p.municipality_id`.as('municipality_id'), ...counts])
        .groupBy(sql`p.municipality_id`)
        .execute();
      return rows.map((row) => {
        const record = row as unknown as Record<string, unknown>;
        return {
          municipalityId: row.municipality_id === null ? null : Number(row.municipality_id),
          counts: Object.fromEntries(AMIF_COLUMNS.map((column) => [column, Number(record[column] ?? 0)])) as Record<AmifColumn, number>,
        };
      });
    },
  };
}
