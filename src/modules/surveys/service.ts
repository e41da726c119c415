import type { Actor } from '../../platform/access/actor.ts';
import { actorUserId } from '../../platform/access/actor.ts';
import { writeAudit } from '../../platform/audit/audit.ts';
import type { Kysely } from 'kysely';
import type { Database, NewRow } from '../../platform/db/schema.ts';
import { AppError, type FieldErrors, ValidationError } from '../../platform/http/errors.ts';
import { todayInBerlin } from '../../platform/i18n/catalog.ts';
import type { AppServices } from '../../platform/module.ts';
import { can, partOfSurvey, surveyOfTown } from './policy.ts';
import { surveyRepository } from './repository.ts';
import type { QuestionKind } from './tables.ts';

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

/** The town of a workspace route: the route's `town` scope, which the caller manages. */
export interface ManagedTown {
  id: number;
}

type AnswerRow = Omit<NewRow<'survey_answers'>, 'response_id'>;

/** A survey is open on its opening and closing day (calendar days in Berlin). */
export function isOpen(survey: { opens_on: string; closes_on: string; published: boolean }, today = todayInBerlin()): boolean {
  return survey.published && survey.opens_on <= today && today <= survey.closes_on;
}

/** A survey closes on or after the day it opens. */
function checkPeriod(input: { opensOn: string; closesOn: string }): void {
  if (input.closesOn < input.opensOn) throw new ValidationError({ closesOn: { key: 'validation.end_before_start' } });
}

const ANSWER_FIELD = /^q\d+$/;

/**
 * Reads the answers from a submitted form (field q<id> per question) and checks each against its
 * question. Returns rows to store, or the message per question; an answer to a question the survey
 * does not have (e.g. one of another survey) is a field error, not silently dropped.
 */
export function readAnswers(questions: Question[], body: Record<string, unknown>): { rows: AnswerRow[]; errors: FieldErrors } {
  const rows: AnswerRow[] = [];
  const errors: FieldErrors = {};
  const known = new Set(questions.map((q) => `q${q.id}`));
  for (const field of Object.keys(body)) if (ANSWER_FIELD.test(field) && !known.has(field)) errors[field] = { key: 'validation.invalid' };
  for (const q of questions) {
    const field = `q${q.id}`;
    const given = body[field];
    const raw = (Array.isArray(given) ? given : [given]).filter((v): v is string => typeof v === 'string' && v.trim() !== '');
    const last = raw.at(-1);
    if (last === undefined) {
      if (q.required) errors[field] = { key: 'validation.required' };
      continue;
    }
    if (q.kind === 'text') {
      const text = last.trim();
      if (text.length > 5000) errors[field] = { key: 'validation.too_long', params: { max: 5000 } };
      else rows.push({ question_id: q.id, choice: null, number: null, text });
      continue;
    }
    if (q.kind === 'number') {
      const value = Number(last.replace(',', '.'));
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

/**
 * The survey engine. Workspace functions take the town of the route's `town` scope (so the caller
 * manages it) and find the survey, question or answer of an id only inside it: one of another town
 * or survey is "not found" (policy.ts: surveyOfTown, partOfSurvey).
 */
export function surveyService(services: AppServices) {
  const { db } = services;

  async function ofTown(town: ManagedTown, surveyId: number) {
    return surveyOfTown(await surveyRepository(db).survey(surveyId), town);
  }

  /** What a survey of the town may belong to, as other modules offer it (participation: its processes). */
  async function contexts(municipalityId: number): Promise<Array<{ id: number; label: string }>> {
    const lists = await Promise.all(services.modules().flatMap((m) => (m.surveyContexts ? [m.surveyContexts(services, municipalityId)] : [])));
    return lists.flat();
  }

  return {
    ofTown,
    contexts,

    async create(actor: Actor, town: ManagedTown, input: SurveyInput): Promise<number> {
      checkPeriod(input);
      const processId = input.processId ?? null;
      if (processId !== null && !(await contexts(town.id)).some((c) => c.id === processId)) throw new ValidationError({ processId: { key: 'validation.choice' } });
      return db.transaction().execute(async (trx) => {
        const { id } = await surveyRepository(trx).insertSurvey({
          municipality_id: town.id,
          process_id: processId,
          title: input.title,
          description: input.description ?? '',
          anonymous: input.anonymous,
          opens_on: input.opensOn,
          closes_on: input.closesOn,
        });
        await writeAudit(trx, actor, { action: 'survey.created', entityType: 'survey', entityId: id, municipalityId: town.id, after: input });
        return id;
      });
    },

    /**
     * A ready, published questionnaire in one step, e.g. the feedback form after an event: other
     * modules describe the questions, the survey engine keeps answers, results and exports.
     */
    async createPublished(actor: Actor, municipalityId: number, input: SurveyInput, questions: QuestionInput[]): Promise<number> {
      if (!can(actor, 'manage', { municipalityId, published: false })) throw AppError.forbidden();
      // Inside a caller's transaction (the events module's feedback form, under the event's lock) it joins that one.
      const inTransaction = <T>(work: (trx: Kysely<Database>) => Promise<T>) => (db.isTransaction ? work(db) : db.transaction().execute(work));
      return inTransaction(async (trx) => {
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

    async update(actor: Actor, town: ManagedTown, surveyId: number, input: SurveyInput & { published: boolean }): Promise<void> {
      const survey = await ofTown(town, surveyId);
      checkPeriod(input);
      // The cohesion survey is anonymous by its nature: people tell how they were treated.
      if (survey.template && !input.anonymous) throw new ValidationError({ anonymous: { key: 'surveys.errors.template_anonymous' } });
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
        await writeAudit(trx, actor, { action: 'survey.updated', entityType: 'survey', entityId: surveyId, municipalityId: town.id, before: survey, after: input });
      });
    },

    async addQuestion(actor: Actor, town: ManagedTown, surveyId: number, input: QuestionInput): Promise<void> {
      // A template's questions stay as they are, so that its waves stay comparable.
      if ((await ofTown(town, surveyId)).template) throw new ValidationError({ prompt: { key: 'surveys.errors.template_locked' } });
      if ((input.kind === 'single' || input.kind === 'multiple') && input.options.length < 2) throw new ValidationError({ options: { key: 'surveys.errors.options_needed' } });
      if (input.kind === 'scale' && input.options.length !== 0 && input.options.length !== 2) throw new ValidationError({ options: { key: 'surveys.errors.scale_labels' } });
      if ((await surveyRepository(db).responseCount(surveyId)) > 0) throw new ValidationError({ prompt: { key: 'surveys.errors.questions_locked' } });
      await db.transaction().execute(async (trx) => {
        const repo = surveyRepository(trx);
        const position = input.position ?? (await repo.questions(surveyId)).length + 1;
        await repo.insertQuestion({ survey_id: surveyId, position, kind: input.kind, prompt: input.prompt, help: input.help ?? '', required: input.required, options: JSON.stringify(input.options) });
        await writeAudit(trx, actor, { action: 'survey.question_added', entityType: 'survey', entityId: surveyId, municipalityId: town.id, after: input });
      });
    },

    /** A question of another survey is not found here, even once answers lock the questions. */
    async deleteQuestion(actor: Actor, town: ManagedTown, surveyId: number, questionId: number): Promise<void> {
      const survey = await ofTown(town, surveyId);
      partOfSurvey(await surveyRepository(db).question(questionId), survey);
      if (survey.template) throw AppError.conflict('surveys.errors.template_locked');
      if ((await surveyRepository(db).responseCount(surveyId)) > 0) throw AppError.conflict('surveys.errors.questions_locked');
      await db.transaction().execute(async (trx) => {
        const result = await surveyRepository(trx).deleteQuestion(surveyId, questionId);
        if (!result.numDeletedRows) throw AppError.notFound();
        await writeAudit(trx, actor, { action: 'survey.question_deleted', entityType: 'survey', entityId: surveyId, municipalityId: town.id, before: { questionId } });
      });
    },

    /** One answer per person: the participant mark and the response are written together, the mark decides. */
    async submit(actor: Actor, surveyId: number, body: Record<string, unknown>): Promise<void> {
      const repo = surveyRepository(db);
      const survey = await repo.survey(surveyId);
      if (!survey || !can(actor, 'view', { municipalityId: survey.municipality_id, published: survey.published })) throw AppError.notFound();
      const userId = actorUserId(actor);
      if (userId === null || !can(actor, 'answer', { municipalityId: survey.municipality_id, published: survey.published })) {
        throw AppError.refused('surveys.errors.verified_required', undefined, 'forbidden');
      }
      if (!isOpen(survey)) throw AppError.conflict('surveys.errors.closed');
      const { rows, errors } = readAnswers(await repo.questions(surveyId), body);
      if (Object.keys(errors).length) throw new ValidationError(errors);
      await db.transaction().execute(async (trx) => {
        const tx = surveyRepository(trx);
        if (!(await tx.markParticipant(surveyId, userId))) throw AppError.conflict('surveys.errors.already_answered');
        // An anonymous response keeps no link to the account; only the mark above knows that someone answered.
        const { id } = await tx.insertResponse({ survey_id: surveyId, user_id: survey.anonymous ? null : userId });
        await tx.insertAnswers(rows.map((r) => ({ ...r, response_id: id })));
      });
    },

    /** Answers from a paper form, entered by the town's coordinators; they count like online answers and are marked. */
    async submitOffline(actor: Actor, town: ManagedTown, surveyId: number, body: Record<string, unknown>): Promise<void> {
      await ofTown(town, surveyId);
      const { rows, errors } = readAnswers(await surveyRepository(db).questions(surveyId), body);
      if (Object.keys(errors).length) throw new ValidationError(errors);
      await db.transaction().execute(async (trx) => {
        const tx = surveyRepository(trx);
        const { id } = await tx.insertResponse({ survey_id: surveyId, user_id: null, offline: true });
        await tx.insertAnswers(rows.map((r) => ({ ...r, response_id: id })));
        await writeAudit(trx, actor, { action: 'survey.offline_response_entered', entityType: 'survey', entityId: surveyId, municipalityId: town.id, after: { responseId: id } });
      });
    },

    /** A free-text answer of another survey is not found here. */
    async moderateText(actor: Actor, town: ManagedTown, surveyId: number, answerId: number, approved: boolean): Promise<void> {
      const survey = await ofTown(town, surveyId);
      partOfSurvey(await surveyRepository(db).textAnswer(answerId), survey);
      await db.transaction().execute(async (trx) => {
        const result = await surveyRepository(trx).setTextApproved(surveyId, answerId, approved);
        if (!result.numUpdatedRows) throw AppError.notFound();
        await writeAudit(trx, actor, { action: approved ? 'survey.text_approved' : 'survey.text_withheld', entityType: 'survey_answer', entityId: answerId, municipalityId: town.id });
      });
    },

    /**
     * Everything answered, for a download. Each export is recorded in the audit log as it happens:
     * a personal survey's answers belong to people with accounts.
     */
    async exportAnswers(actor: Actor, town: ManagedTown, surveyId: number, format: 'csv' | 'xlsx') {
      const survey = await ofTown(town, surveyId);
      const repo = surveyRepository(db);
      const [questions, rows] = await Promise.all([repo.questions(survey.id), repo.exportRows(survey.id)]);
      const responses = new Set(rows.map((r) => r.response_id)).size;
      await writeAudit(db, actor, { action: 'survey.answers_exported', entityType: 'survey', entityId: survey.id, municipalityId: town.id, after: { format, responses, anonymous: survey.anonymous } });
      return { survey, questions, rows };
    },
  };
}
