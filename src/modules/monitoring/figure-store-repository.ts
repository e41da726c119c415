import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import './tables.ts';

export interface StoredSetRow {
  municipality_id: number | null;
  computed_at: Date;
  content: unknown;
}

/** The summary of the figures (migration 0032): one row per period and area (town null: the programme). */
export function figureStoreRepository(db: Kysely<Database>) {
  return {
    async find(period: string, municipalityId: number | null): Promise<StoredSetRow | undefined> {
      let query = db.selectFrom('monitoring_figure_sets').select(['municipality_id', 'computed_at', 'content']).where('period', '=', period);
      query = municipalityId === null ? query.where('municipality_id', 'is', null) : query.where('municipality_id', '=', municipalityId);
      return query.executeTakeFirst();
    },

    /** The periods that have a set for the programme, with its time. */
    async programmePeriods(): Promise<Array<{ period: string; computed_at: Date }>> {
      return db.selectFrom('monitoring_figure_sets').select(['period', 'computed_at']).where('municipality_id', 'is', null).execute();
    },

    /** Replaces every set of a period at once, so that a page never mixes two computations. */
    async replace(period: string, sets: ReadonlyArray<{ municipalityId: number | null; computedAt: Date; content: unknown }>): Promise<void> {
      await db.transaction().execute(async (trx) => {
        await trx.deleteFrom('monitoring_figure_sets').where('period', '=', period).execute();
        for (let i = 0; i < sets.length; i += 100) {
          await trx
            .insertInto('monitoring_figure_sets')
            .values(sets.slice(i, i + 100).map((set) => ({ period, municipality_id: set.municipalityId, computed_at: set.computedAt, content: JSON.stringify(set.content) })))
            .execute();
        }
      });
    },
  };
}
