import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import { type FactSource, PERSON_DIMENSIONS } from '../../platform/facts.ts';
import { COHESION_DIMENSIONS, MIN_COHESION_RESPONSES } from './cohesion.ts';
import { scoreSql } from './cohesion-repository.ts';

/**
 * The scored answers of the cohesion waves. A wave is one measurement: its answers belong to its
 * closing day (also paper answers entered later), so that a period holds whole waves.
 */
function cohesionAnswers(db: Kysely<Database>) {
  return db
    .selectFrom('survey_answers as a')
    .innerJoin('survey_questions as q', 'q.id', 'a.question_id')
    .innerJoin('surveys as s', 's.id', 'q.survey_id')
    .where('s.template', '=', 'cohesion')
    .where('q.dimension', 'is not', null)
    .where('a.choice', 'is not', null);
}
const waveDay = sql<string>`to_char(s.closes_on, 'YYYY-MM-DD')`;
const cohesionDrillDown = ({ ags }: { ags: string }) => `/verwaltung/${ags}/zusammenhalt`;

/**
 * What monitoring may count from surveys (docs/INDICATORS.md O1, O6): responses, each with its
 * person where one is known (an account; a paper response counts once, marked offline; an
 * anonymous online response is one person too, since nobody can tell it apart), and the scores of
 * the cohesion survey (R8).
 */
export const surveyFacts: readonly FactSource[] = [
  {
    id: 'surveys.responses',
    labelKey: 'monitoring.fact.surveys_responses',
    kind: 'persons',
    dimensions: { channel: PERSON_DIMENSIONS.channel },
    rows: (db) =>
      db
        .selectFrom('survey_responses as r')
        .innerJoin('surveys as s', 's.id', 'r.survey_id')
        .select([
          sql<string>`to_char(r.created_at at time zone 'Europe/Berlin', 'YYYY-MM-DD')`.as('day'),
          's.municipality_id',
          sql<number | null>`null`.as('district_id'),
          sql<string>`case when r.user_id is not null and not r.offline then 'a:' || r.user_id else 'o:surveys:' || r.id end`.as('person_key'),
          sql<number>`1`.as('value'),
          sql<string>`case when r.offline then 'offline' else 'online' end`.as('channel'),
        ]) as ReturnType<FactSource['rows']>,
  },
  {
    // R8: one row per answer sheet, its value the mean of its scored items (0–100)
    id: 'surveys.cohesion',
    labelKey: 'monitoring.fact.surveys_cohesion',
    kind: 'values',
    dimensions: {},
    minimumRows: MIN_COHESION_RESPONSES,
    rows: (db) =>
      cohesionAnswers(db)
        .select([
          waveDay.as('day'),
          's.municipality_id',
          sql<number | null>`null`.as('district_id'),
          sql<string | null>`null`.as('person_key'),
          sql<number>`avg(${scoreSql('a.choice', 'q.reversed')})`.as('value'),
        ])
        .groupBy(['a.response_id', 's.closes_on', 's.municipality_id']) as ReturnType<FactSource['rows']>,
    drillDown: cohesionDrillDown,
  },
  {
    // the same per dimension: one row per answer sheet and dimension
    id: 'surveys.cohesion_dimensions',
    labelKey: 'monitoring.fact.surveys_cohesion_dimensions',
    kind: 'values',
    dimensions: { dimension: COHESION_DIMENSIONS },
    minimumRows: MIN_COHESION_RESPONSES,
    rows: (db) =>
      cohesionAnswers(db)
        .select([
          waveDay.as('day'),
          's.municipality_id',
          sql<number | null>`null`.as('district_id'),
          sql<string | null>`null`.as('person_key'),
          sql<number>`avg(${scoreSql('a.choice', 'q.reversed')})`.as('value'),
          sql<string>`q.dimension`.as('dimension'),
        ])
        .groupBy(['a.response_id', 'q.dimension', 's.closes_on', 's.municipality_id']) as ReturnType<FactSource['rows']>,
    drillDown: cohesionDrillDown,
  },
];
