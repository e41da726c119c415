import { type Kysely, sql } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import type { FactSource } from '../../platform/facts.ts';

export interface ProfileCell {
  dimension: string;
  phase: string;
  mean: number;
  assessments: number;
}

/**
 * The Vielfalts-Check profile of a town from the facts the diversity-check module declares (never
 * its tables): the mean score per dimension and phase (baseline, follow-up) of the assessments up
 * to a day, with how many assessments each mean rests on; one grouped query.
 */
export function profileRepository(db: Kysely<Database>) {
  return {
    async profile(scores: FactSource, municipalityId: number, to: string): Promise<ProfileCell[]> {
      const rows = await db
        .selectFrom(scores.rows(db).as('f'))
        .where('f.municipality_id', '=', municipalityId)
        .where('f.day', '<=', to)
        .select([sql<string>`f.dimension::text`.as('dimension'), sql<string>`f.phase::text`.as('phase'), sql<string>`avg(f.value)`.as('mean'), sql<string>`count(*)`.as('assessments')])
        .groupBy([sql`f.dimension`, sql`f.phase`])
        .execute();
      return rows.map((row) => ({ dimension: row.dimension, phase: row.phase, mean: Number(row.mean), assessments: Number(row.assessments) }));
    },
  };
}
