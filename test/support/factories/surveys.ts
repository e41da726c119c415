import type { Kysely } from 'kysely';
import type { QuestionKind } from '../../../src/modules/surveys/tables.ts';
import type { Database } from '../../../src/platform/db/schema.ts';

export interface SurveyQuestionSpec {
  kind: QuestionKind;
  prompt: string;
  required?: boolean;
  options?: string[];
}

export interface CreatedSurvey {
  id: number;
  /** The question ids in the order given. */
  questions: number[];
}

/** A survey straight into the database; by default published and open for years, anonymous, with one optional yes/no question. */
export async function createSurvey(
  db: Kysely<Database>,
  options: {
    municipalityId: number;
    title?: string;
    published?: boolean;
    anonymous?: boolean;
    opensOn?: string;
    closesOn?: string;
    questions?: SurveyQuestionSpec[];
  },
): Promise<CreatedSurvey> {
  const survey = await db
    .insertInto('surveys')
    .values({
      municipality_id: options.municipalityId,
      process_id: null,
      title: options.title ?? 'Testumfrage',
      description: '',
      anonymous: options.anonymous ?? true,
      opens_on: options.opensOn ?? '2020-01-01',
      closes_on: options.closesOn ?? '2099-12-31',
      published: options.published ?? true,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const questions: number[] = [];
  for (const [index, q] of (options.questions ?? [{ kind: 'single', prompt: 'Ja oder nein?', options: ['ja', 'nein'] }]).entries()) {
    const row = await db
      .insertInto('survey_questions')
      .values({ survey_id: survey.id, position: index + 1, kind: q.kind, prompt: q.prompt, help: '', required: q.required ?? false, options: JSON.stringify(q.options ?? []) })
      .returning('id')
      .executeTakeFirstOrThrow();
    questions.push(row.id);
  }
  return { id: survey.id, questions };
}

/** One response with the given answers (offline, no account unless given); returns the response and answer ids. */
export async function answerSurvey(
  db: Kysely<Database>,
  surveyId: number,
  answers: Array<{ questionId: number; choice?: number; number?: number; text?: string }>,
  userId: number | null = null,
): Promise<{ responseId: number; answers: number[] }> {
  const response = await db
    .insertInto('survey_responses')
    .values({ survey_id: surveyId, user_id: userId, offline: userId === null })
    .returning('id')
    .executeTakeFirstOrThrow();
  const ids: number[] = [];
  for (const a of answers) {
    const row = await db
      .insertInto('survey_answers')
      .values({ response_id: response.id, question_id: a.questionId, choice: a.choice ?? null, number: a.number ?? null, text: a.text ?? null })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids.push(row.id);
  }
  return { responseId: response.id, answers: ids };
}
