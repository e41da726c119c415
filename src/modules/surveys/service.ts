import type { Actor } from '../../platform/access/actor.ts';
import { actorUserId } from '../../platform/access/actor.ts';
import { writeAudit } from '../../platform/audit/audit.ts';
import type { NewRow } from '../../platform/db/schema.ts';
import type { QuestionKind } from './tables.ts';
import { AppError, type FieldErrors, ValidationError } from '../../platform/http/errors.ts';
import { todayInBerlin } from '../../platform/i18n/catalog.ts';
import type { AppServices } from '../../platform/module.ts';
import { processOptions } from '../participation/index.ts';
import { can } from './policy.ts';
import { surveyRepository } from './repository.ts';

export const QUESTION_KINDS: readonly QuestionKind[] = ['single', 'multiple', 'scale', 'number', 'text'];

export interface SurveyInput {
  title: string;
  description?: string;
  anonymous: boolean;
  opensOn: string;
  closesOn: string;
  processId?: number;
}

export interface QuestionInput {
  kind: QuestionKind;
  prompt: string;
  help?: string;
  required: boolean;
  options: string[];
  position?: number;
}

export interface Question {
  id: number;
  kind: QuestionKind;
  required: boolean;
  options: string[];
}

/** A survey is open on its opening and closing day (calendar days in Berlin). */
export function isOpen(survey: { opens_on: string; closes_on: string; published: boolean }, today = todayInBerlin()): boolean {
  return survey.published && survey.opens_on <= today && today <= survey.closes_on;
}

/**
 * Reads the answers from a submitted form (field q<id> per question) and checks each against its
 * question. Returns rows to store, or the message per question.
 */
export function readAnswers(questions: Question[], body: Record<string, unknown>): { rows: Array<Omit<NewRow<'survey_answers'>, 'response_id'>>; errors: FieldErrors } {
  const rows: Array<Omit<NewRow<'survey_answers'>, 'response_id'>> = [];
  const errors: FieldErrors = {};
  for (const q of questions) {
    const field = `q${q.id}`;
    const raw = ([] as unknown[]).concat(body[field] ?? []).filter((v): v is string => typeof v === 'string' && v.trim() !== '');
    if (raw.length === 0) {
      if (q.required) errors[field] = { key: 'validation.required' };
      continue;
    }
    if (q.kind === 'text') {
      const text = (raw.at(-1) as string).trim();
      if (text.length > 5000) errors[field] = { key: 'validation.too_long', params: { max: 5000 } };
      else rows.push({ question_id: q.id, choice: null, number: null, text });
      continue;
    }
    if (q.kind === 'number') {
      const value = Number((raw.at(-1) as string).replace(',', '.'));
      if (!Number.isFinite(value) || Math.abs(value) > 1e9) errors[field] = { key: 'validation.number' };
      else rows.push({ question_id: q.id, choice: null, number: value, text: null });
      continue;
    }
    const max = q.kind === 'scale' ? 5 : q.options.length;
    const min = q.kind === 'scale' ? 1 : 0;
    const choices = raw.map((v) => Number(v));
    if (choices.some((c) => !Number.isInteger(c) || c < min || c > max - (q.kind === 'scale' ? 0 : 1)) || (q.kind !== 'multiple' && choices.length > 1)) {
      errors[field] = { key: 'validation.choice' };
      continue;
    }
    for (const choice of new Set(choices)) rows.push({ question_id: q.id, choice, number: null, text: null });
  }
  return { rows, errors };
}

export function surveyService(services: Pick<AppServices, 'db'>) {
  const { db } = services;

  async function managed(actor: Actor, surveyId: number) {
    const survey = await surveyRepository(db).survey(surveyId);
    if (!survey || !can(actor, 'manage', { municipalityId: survey.municipality_id, published: survey.published })) throw AppError.notFound();
    return survey;
  }

  return {
    async create(actor: Actor, municipalityId: number, input: SurveyInput): Promise<number> {
      if (!can(actor, 'manage', { municipalityId, published: false })) throw AppError.forbidden();
      const processId = input.processId ?? null;
      if (processId !== null) {
        const processes = await processOptions(db, municipalityId);
        if (!processes.some((p) => p.id === processId)) throw new ValidationError({ processId: { key: 'validation.choice' } });
      }
      return db.transaction().execute(async (trx) => {
        const { id } = await surveyRepository(trx).insertSurvey({
          municipality_id: municipalityId,
          process_id: processId,
          title: input.title,
          description: input.description ?? '',
          anonymous: input.anonymous,
          opens_on: input.opensOn,
          closes_on: input.closesOn,
        });
        await writeAudit(trx, actor, { action: 'survey.created', entityType: 'survey', entityId: id, municipalityId, after: input });
        return id;
      });
    },

    /**
     * A ready, published questionnaire in one step, e.g. the feedback form after an event: other
     * modules describe the questions, the survey engine keeps answers, results and exports.
     */
    async createPublished(actor: Actor, municipalityId: number, input: SurveyInput, questions: QuestionInput[]): Promise<number> {
      if (!can(actor, 'manage', { municipalityId, published: false })) throw AppError.forbidden();
      return db.transaction().execute(async (trx) => {
        const repo = surveyRepository(trx);
        const { id } = await repo.insertSurvey({
          municipality_id: municipalityId,
          process_id: null,
          title: input.title,
          description: input.description ?? '',
          anonymous: input.anonymous,
          opens_on: input.opensOn,
          closes_on: input.closesOn,
          published: true,
        });
        for (const [index, q] of questions.entries()) {
          await repo.insertQuestion({ survey_id: id, position: index + 1, kind: q.kind, prompt: q.prompt, help: q.help ?? '', required: q.required, options: JSON.stringify(q.options) });
        }
        await writeAudit(trx, actor, { action: 'survey.created', entityType: 'survey', entityId: id, municipalityId, after: { ...input, questions: questions.length } });
        return id;
      });
    },

    async update(actor: Actor, surveyId: number, input: SurveyInput & { published: boolean }): Promise<void> {
      const survey = await managed(actor, surveyId);
      const responses = await surveyRepository(db).responseCount(surveyId);
      // Once people have answered anonymously, switching to personal would change what they agreed to.
      if (responses > 0 && survey.anonymous !== input.anonymous) throw new ValidationError({ anonymous: { key: 'surveys.errors.anonymity_locked' } });
      await db.transaction().execute(async (trx) => {
        await surveyRepository(trx).updateSurvey(surveyId, {
          title: input.title,
          description: input.description ?? '',
          anonymous: input.anonymous,
          opens_on: input.opensOn,
          closes_on: input.closesOn,
          published: input.published,
        });
        await writeAudit(trx, actor, { action: 'survey.updated', entityType: 'survey', entityId: surveyId, municipalityId: survey.municipality_id, before: survey, after: input });
      });
    },

    async addQuestion(actor: Actor, surveyId: number, input: QuestionInput): Promise<void> {
      const survey = await managed(actor, surveyId);
      if ((input.kind === 'single' || input.kind === 'multiple') && input.options.length < 2) throw new ValidationError({ options: { key: 'surveys.errors.options_needed' } });
      if (input.kind === 'scale' && input.options.length !== 0 && input.options.length !== 2) throw new ValidationError({ options: { key: 'surveys.errors.scale_labels' } });
      if ((await surveyRepository(db).responseCount(surveyId)) > 0) throw new ValidationError({ prompt: { key: 'surveys.errors.questions_locked' } });
      await db.transaction().execute(async (trx) => {
        const repo = surveyRepository(trx);
        const position = input.position ?? (await repo.questions(surveyId)).length + 1;
        await repo.insertQuestion({ survey_id: surveyId, position, kind: input.kind, prompt: input.prompt, help: input.help ?? '', required: input.required, options: JSON.stringify(input.options) });
        await writeAudit(trx, actor, { action: 'survey.question_added', entityType: 'survey', entityId: surveyId, municipalityId: survey.municipality_id, after: input });
      });
    },

    async deleteQuestion(actor: Actor, surveyId: number, questionId: number): Promise<void> {
      const survey = await managed(actor, surveyId);
      if ((await surveyRepository(db).responseCount(surveyId)) > 0) throw AppError.conflict('surveys.errors.questions_locked');
      await db.transaction().execute(async (trx) => {
        const result = await surveyRepository(trx).deleteQuestion(surveyId, questionId);
        if (!result.numDeletedRows) throw AppError.notFound();
        await writeAudit(trx, actor, { action: 'survey.question_deleted', entityType: 'survey', entityId: surveyId, municipalityId: survey.municipality_id, before: { questionId } });
      });
    },

    /** One answer per person: the participant mark and the response are written together, the mark decides. */
    async submit(actor: Actor, surveyId: number, body: Record<string, unknown>): Promise<void> {
      const repo = surveyRepository(db);
      const survey = await repo.survey(surveyId);
      if (!survey || !can(actor, 'view', { municipalityId: survey.municipality_id, published: survey.published })) throw AppError.notFound();
      if (!can(actor, 'answer', { municipalityId: survey.municipality_id, published: survey.published })) throw AppError.forbidden('surveys.errors.verified_required');
      if (!isOpen(survey)) throw AppError.conflict('surveys.errors.closed');
      const questions = (await repo.questions(surveyId)).map((q) => ({ ...q, options: q.options as unknown as string[] }));
      const { rows, errors } = readAnswers(questions, body);
      if (Object.keys(errors).length) throw new ValidationError(errors);
      const userId = actorUserId(actor) as number;
      await db.transaction().execute(async (trx) => {
        const tx = surveyRepository(trx);
        if (!(await tx.markParticipant(surveyId, userId))) throw AppError.conflict('surveys.errors.already_answered');
        // An anonymous response keeps no link to the account; only the mark above knows that someone answered.
        const { id } = await tx.insertResponse({ survey_id: surveyId, user_id: survey.anonymous ? null : userId });
        await tx.insertAnswers(rows.map((r) => ({ ...r, response_id: id })));
      });
    },

    /** Answers from a paper form, entered by the town's coordinators; they count like online answers and are marked. */
    async submitOffline(actor: Actor, surveyId: number, body: Record<string, unknown>): Promise<void> {
      const survey = await managed(actor, surveyId);
      const questions = (await surveyRepository(db).questions(surveyId)).map((q) => ({ ...q, options: q.options as unknown as string[] }));
      const { rows, errors } = readAnswers(questions, body);
      if (Object.keys(errors).length) throw new ValidationError(errors);
      await db.transaction().execute(async (trx) => {
        const tx = surveyRepository(trx);
        const { id } = await tx.insertResponse({ survey_id: surveyId, user_id: null, offline: true });
        await tx.insertAnswers(rows.map((r) => ({ ...r, response_id: id })));
        await writeAudit(trx, actor, { action: 'survey.offline_response_entered', entityType: 'survey', entityId: surveyId, municipalityId: survey.municipality_id, after: { responseId: id } });
      });
    },

    async moderateText(actor: Actor, surveyId: number, answerId: number, approved: boolean): Promise<void> {
      const survey = await managed(actor, surveyId);
      await db.transaction().execute(async (trx) => {
        const result = await surveyRepository(trx).setTextApproved(surveyId, answerId, approved);
        if (!result.numUpdatedRows) throw AppError.notFound();
        await writeAudit(trx, actor, { action: approved ? 'survey.text_approved' : 'survey.text_withheld', entityType: 'survey_answer', entityId: answerId, municipalityId: survey.municipality_id });
      });
    },
  };
}
