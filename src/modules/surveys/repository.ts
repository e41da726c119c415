import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database, NewRow, RowUpdate } from '../../platform/db/schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

export function surveyRepository(db: Db) {
  return {
    list(municipalityId: number, publishedOnly: boolean) {
      let query = db
        .selectFrom('surveys as s')
        .select([
          's.id',
          's.title',
          's.opens_on',
          's.closes_on',
          's.published',
          's.anonymous',
          's.template',
          (eb) =>
            eb
              .selectFrom('survey_responses as r')
              .select((e) => e.fn.countAll<number>().as('n'))
              .whereRef('r.survey_id', '=', 's.id')
              .as('responses'),
        ])
        .where('s.municipality_id', '=', municipalityId);
      if (publishedOnly) query = query.where('s.published', '=', true);
      return query.orderBy('s.opens_on', 'desc').orderBy('s.id', 'desc').execute();
    },
    survey(id: number) {
      return db
        .selectFrom('surveys as s')
        .innerJoin('municipalities as m', 'm.id', 's.municipality_id')
        .select([
          's.id',
          's.municipality_id',
          's.process_id',
          's.title',
          's.description',
          's.anonymous',
          's.opens_on',
          's.closes_on',
          's.published',
          's.template',
          'm.ags',
          'm.name as municipality_name',
        ])
        .where('s.id', '=', id)
        .executeTakeFirst();
    },
    questions(surveyId: number) {
      return db
        .selectFrom('survey_questions')
        .select(['id', 'position', 'kind', 'prompt', 'help', 'required', 'options', 'item_key'])
        .where('survey_id', '=', surveyId)
        .orderBy('position')
        .orderBy('id')
        .execute();
    },
    /** Which survey a question belongs to, to check a question id of the URL. */
    question(id: number) {
      return db.selectFrom('survey_questions').select(['id', 'survey_id']).where('id', '=', id).executeTakeFirst();
    },
    /** Which survey a free-text answer belongs to, to check an answer id of the URL. */
    textAnswer(id: number) {
      return db
        .selectFrom('survey_answers as a')
        .innerJoin('survey_questions as q', 'q.id', 'a.question_id')
        .select(['a.id', 'q.survey_id'])
        .where('a.id', '=', id)
        .where('a.text', 'is not', null)
        .executeTakeFirst();
    },
    insertSurvey(row: NewRow<'surveys'>) {
      return db.insertInto('surveys').values(row).returning('id').executeTakeFirstOrThrow();
    },
    updateSurvey(id: number, values: RowUpdate<'surveys'>) {
      return db.updateTable('surveys').set(values).where('id', '=', id).execute();
    },
    insertQuestion(row: NewRow<'survey_questions'>) {
      return db.insertInto('survey_questions').values(row).returning('id').executeTakeFirstOrThrow();
    },
    deleteQuestion(surveyId: number, id: number) {
      return db.deleteFrom('survey_questions').where('survey_id', '=', surveyId).where('id', '=', id).executeTakeFirst();
    },
    responseCount(surveyId: number) {
      return db
        .selectFrom('survey_responses')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('survey_id', '=', surveyId)
        .executeTakeFirstOrThrow()
        .then((r) => Number(r.n));
    },
    hasAnswered(surveyId: number, userId: number) {
      return db.selectFrom('survey_participants').select('user_id').where('survey_id', '=', surveyId).where('user_id', '=', userId).executeTakeFirst().then(Boolean);
    },
    /** The "has answered" mark: the primary key lets one person answer once, also when two submissions race. */
    markParticipant(surveyId: number, userId: number) {
      return db
        .insertInto('survey_participants')
        .values({ survey_id: surveyId, user_id: userId })
        .onConflict((oc) => oc.doNothing())
        .returning('user_id')
        .executeTakeFirst();
    },
    insertResponse(row: NewRow<'survey_responses'>) {
      return db.insertInto('survey_responses').values(row).returning('id').executeTakeFirstOrThrow();
    },
    insertAnswers(rows: NewRow<'survey_answers'>[]) {
      return rows.length ? db.insertInto('survey_answers').values(rows).execute() : Promise.resolve([]);
    },
    /** Counts per choice for choice and scale questions, and number statistics: the whole result in two queries. */
    choiceCounts(surveyId: number) {
      return db
        .selectFrom('survey_answers as a')
        .innerJoin('survey_questions as q', 'q.id', 'a.question_id')
        .select(['a.question_id', 'a.choice', (eb) => eb.fn.countAll<number>().as('n')])
        .where('q.survey_id', '=', surveyId)
        .where('a.choice', 'is not', null)
        .groupBy(['a.question_id', 'a.choice'])
        .execute();
    },
    numberStats(surveyId: number) {
      return db
        .selectFrom('survey_answers as a')
        .innerJoin('survey_questions as q', 'q.id', 'a.question_id')
        .select(['a.question_id', sql<number>`count(a.number)`.as('n'), sql<number>`avg(a.number)`.as('mean'), sql<number>`min(a.number)`.as('min'), sql<number>`max(a.number)`.as('max')])
        .where('q.survey_id', '=', surveyId)
        .where('a.number', 'is not', null)
        .groupBy('a.question_id')
        .execute();
    },
    texts(surveyId: number, approvedOnly: boolean) {
      let query = db
        .selectFrom('survey_answers as a')
        .innerJoin('survey_questions as q', 'q.id', 'a.question_id')
        .select(['a.id', 'a.question_id', 'a.text', 'a.text_approved'])
        .where('q.survey_id', '=', surveyId)
        .where('a.text', 'is not', null);
      if (approvedOnly) query = query.where('a.text_approved', '=', true);
      return query.orderBy('a.id').execute();
    },
    setTextApproved(surveyId: number, answerId: number, approved: boolean) {
      return db
        .updateTable('survey_answers')
        .set({ text_approved: approved })
        .where('id', '=', answerId)
        .where('question_id', 'in', (eb) => eb.selectFrom('survey_questions').select('id').where('survey_id', '=', surveyId))
        .executeTakeFirst();
    },
    /** One row per response with its answers, for the export. */
    exportRows(surveyId: number) {
      return db
        .selectFrom('survey_responses as r')
        .leftJoin('survey_answers as a', 'a.response_id', 'r.id')
        .select(['r.id as response_id', 'r.created_at', 'r.offline', 'a.question_id', 'a.choice', 'a.number', 'a.text'])
        .where('r.survey_id', '=', surveyId)
        .orderBy('r.id')
        .orderBy('a.id')
        .execute();
    },
  };
}
