import type { Kysely, SelectQueryBuilder } from 'kysely';
import type { Database } from './db/schema.ts';

/**
 * The contract between the modules and monitoring: a module offers the countable facts it knows
 * (registrations, attendances, certificates, proposals, measures, cooperations …) as SQL that
 * monitoring composes, filters and aggregates. Monitoring never reads a module's tables itself.
 *
 * One row is one fact. Columns every source returns:
 * - `day`: the date the fact belongs to (`YYYY-MM-DD`, Berlin time), for periods;
 * - `municipality_id` and `district_id` (null when the fact has no district), for levels;
 * - `person_key`: for facts about people, who it is, so that a person counted from several
 *   sources is one person: `a:<account id>` for accounts, `g:<lower-cased trimmed e-mail>` for
 *   guests, `o:<source>:<record id>` for offline entries (each counts once); for `records` whose
 *   record spans several days (a cooperation active for months, one row per month), `r:<record id>`
 *   so that a period counts the record once; null for other facts;
 * - `value`: 1 for a count, otherwise the number the fact carries (people reached, a score 0–100 …);
 * - one text column per declared dimension, holding one of that dimension's declared values.
 */
export interface FactRow {
  day: string;
  municipality_id: number;
  district_id: number | null;
  person_key: string | null;
  value: number;
}

/** What a row stands for: a person taking part (counted once per person), a record (counted once per `r:` key, else each row), or a value to sum or average. */
export const FACT_KINDS = ['persons', 'records', 'values'] as const;
export type FactKind = (typeof FACT_KINDS)[number];

/** The breakdowns the funder's participant statistics need; sources that know them use these names and values. */
export const PERSON_DIMENSIONS = {
  sex: ['female', 'male', 'diverse', 'not_stated'],
  age_group: ['under_18', '18_24', '25_54', '55_64', '65_plus', 'not_stated'],
  third_country: ['yes', 'no', 'not_stated'],
  channel: ['online', 'offline'],
} as const;

export interface FactSource {
  /** Stable id `<module>.<fact>`, named by the indicator catalogue (e.g. `events.attendances`). */
  id: string;
  /** Catalog key of its name (German and English). */
  labelKey: string;
  kind: FactKind;
  /** Each dimension the rows carry (a text column of that name) with its possible values, in table order. */
  dimensions: Readonly<Record<string, readonly string[]>>;
  /** The rows, as a query monitoring wraps as a subquery (`selectFrom(source.rows(db).as('f'))`). */
  // biome-ignore lint/suspicious/noExplicitAny: each source selects from its own tables; monitoring reads only the FactRow columns and the declared dimensions
  rows: (db: Kysely<Database>) => SelectQueryBuilder<any, any, FactRow>;
  /**
   * For a `values` source whose mean may be shown only from this many rows per town and period (the
   * cohesion survey: 10 answers): below it the town's mean is left out of every figure.
   */
  minimumRows?: number;
  /** Where the records behind a figure are listed, for someone allowed to see them (drill-down); none when there is no such page. */
  drillDown?: (scope: { ags: string; from: string; to: string }) => string;
}
