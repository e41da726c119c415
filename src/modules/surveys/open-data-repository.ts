import { type Kysely, sql } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import type { OpenDataQuery } from '../../platform/open-data.ts';

/** Results of published surveys as open data: questions paged by id, their counts in two aggregate queries. */
export function surveysOpenDataRepository(db: Kysely<Database>) {
  return {
    questions(query: OpenDataQuery) {
      return (
        db
          .selectFrom('survey_questions as q')
          .innerJoin('surveys as s', 's.id', 'q.survey_id')
          .innerJoin('municipalities as m', 'm.id', 's.municipality_id')
          .select((eb) => [
            'q.id',
            'q.survey_id',
            's.title as survey_title',
            'm.ags',
            's.opens_on',
            's.closes_on',
            'q.position',
            'q.kind',
            'q.prompt',
            'q.options',
            eb
              .selectFrom('survey_responses as r')
              .whereRef('r.survey_id', '=', 's.id')
              .select((e) => e.fn.countAll<number>().as('n'))
              .as('responses'),
          ])
          .where('s.published', '=', true)
          .where('q.kind', '<>', 'text')
          // a cohesion wave's answers are published only as its index, from 10 answers on (its results page)
          .where('s.template', 'is', null)
          .$if(query.municipalityId !== undefined, (q) => q.where('s.municipality_id', '=', query.municipalityId ?? 0))
          .$if(typeof query.filters.umfrage === 'number', (q) => q.where('q.survey_id', '=', Number(query.filters.umfrage)))
          .$if(query.after !== undefined, (q) => q.where('q.id', '>', query.after ?? 0))
          .orderBy('q.id')
          .limit(query.limit)
          .execute()
      );
    },
    choiceCounts(questionIds: number[]) {
      if (questionIds.length === 0) return Promise.resolve([]);
      return db
        .selectFrom('survey_answers')
        .select(['question_id', 'choice', (eb) => eb.fn.countAll<number>().as('n')])
        .where('question_id', 'in', questionIds)
        .where('choice', 'is not', null)
        .groupBy(['question_id', 'choice'])
        .execute();
    },
    answerStats(questionIds: number[]) {
      if (questionIds.length === 0) return Promise.resolve([]);
      return db
        .selectFrom('survey_answers')
        .select(['question_id', sql<number>`count(distinct response_id)`.as('n'), sql<number | null>`avg(number)`.as('mean')])
        .where('question_id', 'in', questionIds)
        .groupBy('question_id')
        .execute();
    },
    async modified(municipalityId?: number) {
      const row = await db
        .selectFrom('survey_responses as r')
        .innerJoin('surveys as s', 's.id', 'r.survey_id')
        .select((eb) => eb.fn.max('r.created_at').as('at'))
        .where('s.published', '=', true)
        .$if(municipalityId !== undefined, (q) => q.where('s.municipality_id', '=', municipalityId ?? 0))
        .executeTakeFirst();
      return row?.at ? new Date(row.at) : null;
    },
  };
}
