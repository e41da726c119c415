import { type Expression, type RawBuilder, sql } from 'kysely';

// SQL the modules' open-data repositories share.

/**
 * A timestamp column as the ISO text open data publishes (2026-05-01T08:00:00.000Z, as
 * Date#toISOString), made by PostgreSQL: a page of rows then needs no Date per cell on its way out.
 */
export function isoTime(time: string | Expression<unknown>): RawBuilder<string | null> {
  return sql<string | null>`to_char((${typeof time === 'string' ? sql.ref(time) : time}) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
}
