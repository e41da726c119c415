import { type Kysely, sql } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import './tables.ts';

/** A hand-entered value or target of an indicator for a town (null: the programme as a whole). */
export interface EnteredRow {
  indicator_code: string;
  municipality_id: number | null;
  value: string;
}

export interface StoredSetRow {
  municipality_id: number | null;
  computed_at: Date;
  content: unknown;
}

/** Which set: the programme (town null, area empty), a town, or a region or county by its level code (town null). */
export interface SetKey {
  municipalityId: number | null;
  area: string;
}

/** The summary of the figures (migrations 0032, 0034): one row per period and area. */
export function figureStoreRepository(db: Kysely<Database>) {
  return {
    async find(period: string, key: SetKey): Promise<StoredSetRow | undefined> {
      let query = db.selectFrom('monitoring_figure_sets').select(['municipality_id', 'computed_at', 'content']).where('period', '=', period).where('area', '=', key.area);
      query = key.municipalityId === null ? query.where('municipality_id', 'is', null) : query.where('municipality_id', '=', key.municipalityId);
      return query.executeTakeFirst();
    },

    /**
     * The kept set (if any) and what the office entered by hand for the period (hand-entered values
     * summed per indicator and town, targets), in one statement: a page from the summary then
     * needs one round trip for its figures. The content is left out (null) when the set is still
     * the one counted at `knownAt`, which the caller holds already.
     */
    async findWithEntries(period: string, key: SetKey, knownAt?: StoredSetRow['computed_at']): Promise<{ row: StoredSetRow | undefined; manual: EnteredRow[]; targets: EnteredRow[] }> {
      const town = key.municipalityId ?? 0;
      const result = await sql<{ municipality_id: number | null; computed_at: Date | null; content: unknown; manual: EnteredRow[]; targets: EnteredRow[] }>`
        select s.municipality_id, s.computed_at, case when s.computed_at = ${knownAt ?? null}::timestamptz then null else s.content end as content,
          (select coalesce(json_agg(json_build_object('indicator_code', m.indicator_code, 'municipality_id', m.municipality_id, 'value', m.value::text)), '[]')
             from (select indicator_code, municipality_id, sum(value) as value from monitoring_manual_values where period = ${period} group by indicator_code, municipality_id) m) as manual,
          (select coalesce(json_agg(json_build_object('indicator_code', t.indicator_code, 'municipality_id', t.municipality_id, 'value', t.value::text)), '[]')
             from monitoring_targets t where t.period = ${period}) as targets
        from (select 1) as one
        left join monitoring_figure_sets s on s.period = ${period} and s.area = ${key.area} and coalesce(s.municipality_id, 0) = ${town}`.execute(db);
      const first = result.rows[0];
      const row = first?.computed_at ? { municipality_id: first.municipality_id, computed_at: first.computed_at, content: first.content } : undefined;
      return { row, manual: first?.manual ?? [], targets: first?.targets ?? [] };
    },

    /** The periods that have a set for the programme, with its time. */
    async programmePeriods(): Promise<Array<{ period: string; computed_at: Date }>> {
      return db.selectFrom('monitoring_figure_sets').select(['period', 'computed_at']).where('municipality_id', 'is', null).where('area', '=', '').execute();
    },

    /** Replaces every set of a period at once, so that a page never mixes two computations. */
    async replace(period: string, sets: ReadonlyArray<SetKey & { computedAt: Date; content: unknown }>): Promise<void> {
      await db.transaction().execute(async (trx) => {
        await trx.deleteFrom('monitoring_figure_sets').where('period', '=', period).execute();
        for (let i = 0; i < sets.length; i += 100) {
          await trx
            .insertInto('monitoring_figure_sets')
            .values(sets.slice(i, i + 100).map((set) => ({ period, area: set.area, municipality_id: set.municipalityId, computed_at: set.computedAt, content: JSON.stringify(set.content) })))
            .execute();
        }
      });
    },
  };
}
