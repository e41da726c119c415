import { sql } from 'kysely';
import { type FactSource, PERSON_DIMENSIONS } from '../../platform/facts.ts';

/**
 * What monitoring may count from surveys (docs/INDICATORS.md O1, O6): responses, each with its
 * person where one is known (an account; a paper response counts once, marked offline; an
 * anonymous online response is one person too, since nobody can tell it apart).
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
];
