import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import type { PageRequest } from '../../platform/http/pagination.ts';
import type { CohesionDimension } from './tables.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** The score 0–100 of one scale answer (1–5), backwards for reversed items: `score` in cohesion.ts, in SQL. */
export const scoreSql = (choice: string, reversed: string) => sql<number>`case when ${sql.ref(reversed)} then (5 - ${sql.ref(choice)}) * 25.0 else (${sql.ref(choice)} - 1) * 25.0 end`;

export interface WaveRow {
  id: number;
  municipality_id: number;
  ags: string;
  name: string;
  title: string;
  opens_on: string;
  closes_on: string;
  published: boolean;
  total: number;
}

/** The cohesion waves (surveys made from the template) and their scores, aggregated in SQL. */
export function cohesionRepository(db: Db) {
  const waves = () =>
    db
      .selectFrom('surveys as s')
      .innerJoin('municipalities as m', 'm.id', 's.municipality_id')
      .select(['s.id', 's.municipality_id', 'm.ags', 'm.name', 's.title', 's.opens_on', 's.closes_on', 's.published', sql<number>`cast(count(*) over () as integer)`.as('total')])
      .where('s.template', '=', 'cohesion');

  return {
    /** A town's waves, oldest first (the index over time). */
    wavesOfTown(municipalityId: number): Promise<WaveRow[]> {
      return waves().where('s.municipality_id', '=', municipalityId).orderBy('s.closes_on').orderBy('s.id').execute();
    },

    /** Every town's published waves, by town and time, one page. */
    wavesOfAllTowns(page: PageRequest): Promise<WaveRow[]> {
      return waves().where('s.published', '=', true).orderBy('m.name').orderBy('s.closes_on').orderBy('s.id').limit(page.pageSize).offset(page.offset).execute();
    },

    /** How many answered each wave, and the mean score per dimension: one aggregate query for all the waves asked for. */
    async scores(surveyIds: readonly number[]): Promise<{ responses: Map<number, number>; means: Array<{ survey_id: number; dimension: CohesionDimension; mean: number }> }> {
      if (surveyIds.length === 0) return { responses: new Map(), means: [] };
      const [counts, means] = await Promise.all([
        db
          .selectFrom('survey_responses')
          .select(['survey_id', sql<number>`cast(count(*) as integer)`.as('n')])
          .where('survey_id', 'in', [...surveyIds])
          .groupBy('survey_id')
          .execute(),
        db
          .selectFrom('survey_answers as a')
          .innerJoin('survey_questions as q', 'q.id', 'a.question_id')
          .select(['q.survey_id', 'q.dimension', sql<number>`avg(${scoreSql('a.choice', 'q.reversed')})`.as('mean')])
          .where('q.survey_id', 'in', [...surveyIds])
          .where('q.dimension', 'is not', null)
          .where('a.choice', 'is not', null)
          .groupBy(['q.survey_id', 'q.dimension'])
          .execute(),
      ]);
      return {
        responses: new Map(counts.map((c) => [c.survey_id, Number(c.n)])),
        means: means.map((m) => ({ survey_id: m.survey_id, dimension: m.dimension as CohesionDimension, mean: Number(m.mean) })),
      };
    },
  };
}
