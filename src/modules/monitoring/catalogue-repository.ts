import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import type { PageRequest } from '../../platform/http/pagination.ts';
import type { Direction, FactFilterSpec, IndicatorUnit } from './tables.ts';
import './tables.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** What a new version of an indicator carries; code and group stay those of the indicator. */
export interface IndicatorVersionInput {
  name_de: string;
  name_en: string;
  definition_de: string;
  definition_en: string;
  unit: IndicatorUnit;
  numerator_source: string | null;
  numerator_filter: FactFilterSpec;
  denominator_source: string | null;
  denominator_filter: FactFilterSpec;
  factor: number;
  decimals: number;
  direction: Direction;
}

/**
 * The catalogue as the definition pages and the office's editing see it: every version of an
 * indicator, its targets and its hand-entered values. A change never updates a version in place:
 * it closes the current one (`superseded_at`) and inserts the next, so a report frozen with a
 * version number still says what it counted.
 */
export function catalogueRepository(db: Db) {
  return {
    /** Every version of an indicator, newest first, with who created it. */
    versions(code: string) {
      return db
        .selectFrom('monitoring_indicators as i')
        .leftJoin('users as u', 'u.id', 'i.created_by')
        .selectAll('i')
        .select('u.display_name as created_by_name')
        .where('i.code', '=', code)
        .orderBy('i.version', 'desc')
        .execute();
    },

    current(code: string) {
      return db.selectFrom('monitoring_indicators').selectAll().where('code', '=', code).where('superseded_at', 'is', null).executeTakeFirst();
    },

    /** Locks the current version so that two editors cannot both derive a version N+1 from it. */
    currentForUpdate(code: string) {
      return db.selectFrom('monitoring_indicators').selectAll().where('code', '=', code).where('superseded_at', 'is', null).forUpdate().executeTakeFirst();
    },

    /** Closes the current version and inserts the next one with the same code, group and status. */
    async addVersion(code: string, input: IndicatorVersionInput, status: 'active' | 'retired', by: number | null) {
      const current = await db
        .updateTable('monitoring_indicators')
        .set({ superseded_at: new Date() })
        .where('code', '=', code)
        .where('superseded_at', 'is', null)
        .returning(['id', 'version', 'group'])
        .executeTakeFirstOrThrow();
      return db
        .insertInto('monitoring_indicators')
        .values({
          code,
          version: current.version + 1,
          group: current.group,
          ...input,
          numerator_filter: JSON.stringify(input.numerator_filter),
          denominator_filter: JSON.stringify(input.denominator_filter),
          status,
          created_by: by,
        })
        .returning(['id', 'version'])
        .executeTakeFirstOrThrow();
    },

    /** The targets of an indicator, programme-wide (no town) first, then per town (names come from the municipalities module), by period. */
    targets(code: string) {
      return db
        .selectFrom('monitoring_targets as t')
        .select(['t.id', 't.period', 't.municipality_id', 't.value'])
        .where('t.indicator_code', '=', code)
        .orderBy(sql`t.municipality_id is not null`)
        .orderBy('t.municipality_id')
        .orderBy('t.period')
        .execute();
    },

    /** Sets (or replaces) the target of an indicator for a period and a town (null: the programme). */
    async setTarget(row: { code: string; period: string; municipalityId: number | null; value: number; by: number | null }) {
      const before = await db
        .selectFrom('monitoring_targets')
        .select(['id', 'value'])
        .where('indicator_code', '=', row.code)
        .where('period', '=', row.period)
        .where(row.municipalityId === null ? sql<boolean>`municipality_id is null` : sql<boolean>`municipality_id = ${row.municipalityId}`)
        .executeTakeFirst();
      if (before) {
        await db.updateTable('monitoring_targets').set({ value: row.value, created_by: row.by, created_at: sql`now()` }).where('id', '=', before.id).execute();
        return { id: before.id, before: Number(before.value) };
      }
      const inserted = await db
        .insertInto('monitoring_targets')
        .values({ indicator_code: row.code, period: row.period, municipality_id: row.municipalityId, value: row.value, created_by: row.by })
        .returning('id')
        .executeTakeFirstOrThrow();
      return { id: inserted.id, before: null };
    },

    addManualValue(row: { code: string; period: string; municipalityId: number | null; value: number; note: string; by: number | null }) {
      return db
        .insertInto('monitoring_manual_values')
        .values({ indicator_code: row.code, period: row.period, municipality_id: row.municipalityId, value: row.value, note: row.note, entered_by: row.by })
        .returning('id')
        .executeTakeFirstOrThrow();
    },

    /** One page of the hand-entered values of an indicator, newest first, with who entered them and the total in the same query. */
    async manualValues(code: string, page: PageRequest) {
      const rows = await db
        .selectFrom('monitoring_manual_values as v')
        .leftJoin('users as u', 'u.id', 'v.entered_by')
        .select(['v.id', 'v.period', 'v.municipality_id', 'v.value', 'v.note', 'v.entered_at', 'u.display_name as entered_by_name', sql<string>`count(*) over ()`.as('total')])
        .where('v.indicator_code', '=', code)
        .orderBy('v.entered_at', 'desc')
        .orderBy('v.id', 'desc')
        .limit(page.pageSize)
        .offset(page.offset)
        .execute();
      if (rows.length > 0 || page.offset === 0) return { items: rows, total: Number(rows[0]?.total ?? 0) };
      const count = await db.selectFrom('monitoring_manual_values').select(sql<string>`count(*)`.as('n')).where('indicator_code', '=', code).executeTakeFirstOrThrow();
      return { items: rows, total: Number(count.n) };
    },
  };
}
