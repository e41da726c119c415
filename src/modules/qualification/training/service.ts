import { type Actor, actorUserId } from '../../../platform/access/actor.ts';
import { writeAudit } from '../../../platform/audit/audit.ts';
import { AppError, ValidationError } from '../../../platform/http/errors.ts';
import { berlinLocalToInstant } from '../../../platform/i18n/berlin-time.ts';
import { formatDate } from '../../../platform/i18n/catalog.ts';
import type { AppServices } from '../../../platform/module.ts';
import { cancelTrainingSession, type EventMode, insertTrainingSession } from '../../events/index.ts';
import { type CompletionRule, completionFor } from '../completion.ts';
import { queuePersonMail } from '../mails.ts';
import { can } from '../policy.ts';
import { qualificationRepository } from '../repository.ts';
import type { LedCohort, OwnEnrolment } from '../scopes.ts';
import type { AssessmentPhase } from '../tables.ts';
import { trainingRepository } from './repository.ts';

export interface SessionInput {
  moduleId: number | null;
  municipalityId: number;
  startsAt: Date;
  endsAt: Date;
  mode: EventMode;
  venue: string;
  address: string;
  onlineUrl: string;
}

export interface ProjectInput {
  goal: string;
  organisation: string;
  steps: string;
  result: string;
}

export type AssessmentWindow = 'open' | 'not_yet' | 'closed' | 'ended' | 'done';

/**
 * How long after the cohort's end date the "after" self-assessment stays open. The end date is set
 * by the programme office and no trainer can move it (a new session cannot reopen the window), so
 * once it has passed the answers are a closed set.
 */
export const AFTER_WINDOW_DAYS = 28;

/** The instant the "after" phase closes: midnight (Berlin) at the end of the AFTER_WINDOW_DAYS-th day after the cohort's end date. */
export function assessmentClosesAt(endsOn: string): Date {
  const day = new Date(`${endsOn}T12:00:00Z`);
  day.setUTCDate(day.getUTCDate() + AFTER_WINDOW_DAYS + 1);
  const local = `${day.toISOString().slice(0, 10)}T00:00`;
  return berlinLocalToInstant(local) ?? day;
}

/**
 * When a trainee may answer the self-assessment: "before" until their first session starts, "after"
 * once the last has started and until `afterClosesAt` (see assessmentClosesAt).
 */
export function assessmentWindows(
  sessions: readonly { starts_at: Date; ends_at: Date; cancelled_at: Date | null }[],
  enrolledAt: Date,
  answered: ReadonlySet<AssessmentPhase>,
  afterClosesAt: Date,
  now = new Date(),
): Record<AssessmentPhase, AssessmentWindow> {
  const live = sessions.filter((s) => !s.cancelled_at);
  const ownStarted = live.some((s) => s.ends_at > enrolledAt && s.starts_at <= now);
  const lastStarted = live.length > 0 && live.every((s) => s.starts_at <= now);
  return {
    before: answered.has('before') ? 'done' : ownStarted ? 'closed' : 'open',
    after: answered.has('after') ? 'done' : now >= afterClosesAt ? 'ended' : lastStarted ? 'open' : 'not_yet',
  };
}

/**
 * What trainers and trainees do inside a cohort. The cohort arrives resolved by the route's scope
 * (`cohort`: the actor leads it; `enrolment`: the actor's accepted place); each session, project
 * or item the request names is looked up within that cohort or programme, and is a 404 otherwise.
 */
export function trainingService(services: Pick<AppServices, 'db' | 'config' | 'mailQueued'>) {
  const { db, config } = services;
  const repo = qualificationRepository(db);
  const training = trainingRepository(db);

  /** A session of this cohort, or 404 (also for another cohort's session). */
  async function sessionOf(cohort: LedCohort, eventId: number) {
    const session = await training.session(cohort.id, eventId);
    if (!session) throw AppError.notFound();
    return session;
  }

  /** The programme's statements and where the trainee stands with each phase of the self-assessment. */
  async function assessmentState({ cohort, enrolment }: OwnEnrolment) {
    const [items, sessions, done] = await Promise.all([training.items(cohort.programme_id), training.sessions(cohort.id), training.assessmentsOf(enrolment.id)]);
    return {
      items,
      windows: assessmentWindows(sessions, enrolment.decided_at ?? enrolment.created_at, new Set(done.map((d) => d.phase)), assessmentClosesAt(cohort.ends_on)),
    };
  }

  /** Every accepted trainee's progress (or one's) with the cohort's rule applied. */
  async function completionOf(cohort: CompletionRule & { id: number }, enrolmentId?: number) {
    const rows = await training.progress(cohort.id, enrolmentId);
    return rows.map((row) => ({ ...row, completion: completionFor(cohort, row) }));
  }

  return {
    sessionOf,
    completionOf,
    assessmentState,

    /**
     * The change per competence item. Means are shown only over a closed set of answers: once the
     * "after" phase has closed (assessmentClosesAt). While answers still come in, a trainer who saw
     * the means at five pairs and again at six could work out the sixth person's answers.
     */
    async competence(cohort: LedCohort, now = new Date()) {
      const closesAt = assessmentClosesAt(cohort.ends_on);
      const closed = now >= closesAt;
      const [rows, counts] = await Promise.all([training.competenceChange(cohort.id, cohort.programme_id, closed), training.assessmentCounts(cohort.id)]);
      return { rows, counts, meansFrom: closed ? null : closesAt };
    },

    /** A session is an event of the format "training" for the cohort only: not published, no registration. */
    async createSession(actor: Actor, cohort: LedCohort, input: SessionInput): Promise<number> {
      const errors: Record<string, { key: string }> = {};
      if (input.endsAt <= input.startsAt) errors.endsAt = { key: 'validation.end_before_start' };
      const modules = await repo.modules(cohort.programme_id);
      const module = modules.find((m) => m.id === input.moduleId);
      if (input.moduleId !== null && !module) errors.moduleId = { key: 'validation.choice' };
      if (Object.keys(errors).length) throw new ValidationError(errors);
      return db.transaction().execute(async (trx) => {
        const { id } = await insertTrainingSession(trx, {
          municipalityId: input.municipalityId,
          title: module ? `${cohort.title}: ${module.title}` : cohort.title,
          mode: input.mode,
          venue: input.venue,
          address: input.address,
          onlineUrl: input.onlineUrl,
          startsAt: input.startsAt,
          endsAt: input.endsAt,
          capacity: cohort.capacity,
          cohortId: cohort.id,
          moduleId: input.moduleId,
          createdBy: actorUserId(actor),
        });
        await writeAudit(trx, actor, {
          action: 'session.created',
          entityType: 'event',
          entityId: id,
          municipalityId: input.municipalityId,
          after: { cohortId: cohort.id, moduleId: input.moduleId },
        });
        return id;
      });
    },

    /** A cancelled session no longer counts for anyone; the trainees are told by mail. */
    async cancelSession(actor: Actor, cohort: LedCohort, eventId: number, reason: string): Promise<void> {
      const session = await sessionOf(cohort, eventId);
      if (reason.length < 3) throw AppError.refused('qualification.errors.cancel_reason');
      await db.transaction().execute(async (trx) => {
        const result = await cancelTrainingSession(trx, cohort.id, eventId, reason);
        if (!result.numUpdatedRows) throw AppError.conflict('qualification.errors.session_cancelled');
        const when = formatDate('de', session.starts_at, true);
        for (const person of await trainingRepository(trx).approvedEmails(cohort.id)) {
          await queuePersonMail(trx, person, {
            subjectKey: 'qualification.mail.session_cancelled.subject',
            textKey: 'qualification.mail.session_cancelled.text',
            params: { session: session.title, when, reason },
            url: `${config.baseUrl}/qualifizierung/kohorten/${cohort.id}`,
          });
        }
        await writeAudit(trx, actor, { action: 'session.cancelled', entityType: 'event', entityId: eventId, after: { cohortId: cohort.id, reason } });
      });
      services.mailQueued();
    },

    /** Saves the whole list: ticked trainees were there, the others not. Only accepted trainees of this cohort can be marked. */
    async recordAttendance(actor: Actor, cohort: LedCohort, eventId: number, presentIds: ReadonlySet<number>): Promise<number> {
      const session = await sessionOf(cohort, eventId);
      if (session.cancelled_at) throw AppError.conflict('qualification.errors.session_cancelled');
      if (session.starts_at > new Date()) throw AppError.conflict('qualification.errors.session_not_started');
      const trainees = await training.attendanceList(cohort.id, eventId);
      const marks = trainees.map((t) => ({ enrolmentId: t.id, attended: presentIds.has(t.id) }));
      await db.transaction().execute(async (trx) => {
        await trainingRepository(trx).recordAttendance(eventId, marks, actorUserId(actor));
        await writeAudit(trx, actor, {
          action: 'session.attendance',
          entityType: 'event',
          entityId: eventId,
          after: { cohortId: cohort.id, present: marks.filter((m) => m.attended).length, of: marks.length },
        });
      });
      return marks.filter((m) => m.attended).length;
    },

    /** The trainee writes the project; "submit" hands it to the trainers, who then approve it or ask for changes. */
    async saveProject(actor: Actor, { cohort, enrolment }: OwnEnrolment, input: ProjectInput, submit: boolean): Promise<void> {
      const status = submit ? 'submitted' : 'draft';
      await db.transaction().execute(async (trx) => {
        const tr = trainingRepository(trx);
        const existing = await tr.projectOfEnrolment(enrolment.id);
        if (existing?.status === 'approved') throw AppError.conflict('qualification.errors.project_approved');
        // A project under review stays under review when the trainee saves a draft of it.
        const nextStatus = !submit && existing?.status === 'submitted' ? 'submitted' : status;
        let projectId: number;
        if (existing) {
          const result = await tr.updateProject(existing.id, { ...input, status: nextStatus, submitted_at: submit ? new Date() : existing.submitted_at });
          if (!result.numUpdatedRows) throw AppError.conflict('qualification.errors.project_approved');
          projectId = existing.id;
        } else {
          projectId = (await tr.insertProject({ enrolment_id: enrolment.id, ...input, status, submitted_at: submit ? new Date() : null })).id;
        }
        await writeAudit(trx, actor, { action: submit ? 'project.submitted' : 'project.saved', entityType: 'practice_project', entityId: projectId, after: { cohortId: cohort.id } });
      });
    },

    /** A project of this cohort (else 404) is approved, sent back or commented on. */
    async reviewProject(actor: Actor, cohort: LedCohort, projectId: number, decision: 'approved' | 'changes_requested' | null, comment: string): Promise<void> {
      const project = await training.project(cohort.id, projectId);
      if (!project) throw AppError.notFound();
      if (decision === 'changes_requested' && comment.length < 3) throw new ValidationError({ comment: { key: 'qualification.errors.comment_required' } });
      if (decision === null && comment.length < 1) throw new ValidationError({ comment: { key: 'validation.required' } });
      await db.transaction().execute(async (trx) => {
        const tr = trainingRepository(trx);
        if (decision) {
          const result = await tr.reviewProject(projectId, decision, actorUserId(actor));
          if (!result.numUpdatedRows) throw AppError.conflict('qualification.errors.project_not_submitted');
        }
        if (comment) await tr.insertComment({ project_id: projectId, author_id: actorUserId(actor), body: comment, decision });
        if (decision) {
          await queuePersonMail(trx, project, {
            subjectKey: `qualification.mail.project_${decision}.subject`,
            textKey: `qualification.mail.project_${decision}.text`,
            params: { programme: cohort.programme_title },
            addition: comment || undefined,
            url: `${config.baseUrl}/qualifizierung/kohorten/${cohort.id}/praxisprojekt`,
          });
        }
        await writeAudit(trx, actor, { action: decision ? `project.${decision}` : 'project.commented', entityType: 'practice_project', entityId: projectId, after: { cohortId: cohort.id } });
      });
      if (decision) services.mailQueued();
    },

    async addItem(actor: Actor, programmeId: number, statement: string): Promise<void> {
      if (!can(actor, 'manage', { published: false })) throw AppError.forbidden();
      if (!(await repo.programme(programmeId))) throw AppError.notFound();
      const position = (await training.items(programmeId)).length + 1;
      await db.transaction().execute(async (trx) => {
        await trainingRepository(trx).insertItem({ programme_id: programmeId, position, statement });
        await writeAudit(trx, actor, { action: 'programme.item_added', entityType: 'programme', entityId: programmeId, after: { statement } });
      });
    },

    /** A statement of this programme (else 404); one someone has already answered stays, or the before/after comparison would lose its pairs. */
    async deleteItem(actor: Actor, programmeId: number, itemId: number): Promise<void> {
      if (!can(actor, 'manage', { published: false })) throw AppError.forbidden();
      if (!(await training.items(programmeId)).some((item) => item.id === itemId)) throw AppError.notFound();
      if (await training.itemAnswered(itemId)) throw AppError.conflict('qualification.office.item_answered');
      await db.transaction().execute(async (trx) => {
        const result = await trainingRepository(trx).deleteItem(programmeId, itemId);
        if (!result.numDeletedRows) throw AppError.notFound();
        await writeAudit(trx, actor, { action: 'programme.item_deleted', entityType: 'programme', entityId: programmeId, before: { itemId } });
      });
    },

    /** Every item needs a score from 1 to 5; each phase is answered once (unique), inside its window. */
    async submitAssessment(actor: Actor, place: OwnEnrolment, phase: AssessmentPhase, scores: ReadonlyMap<number, number>): Promise<void> {
      const { cohort, enrolment } = place;
      const { items, windows } = await assessmentState(place);
      if (windows[phase] === 'done') throw AppError.conflict('qualification.errors.assessment_done');
      if (windows[phase] !== 'open') throw AppError.conflict(`qualification.errors.assessment_${windows[phase]}`);
      const errors: Record<string, { key: string }> = {};
      for (const item of items) {
        const score = scores.get(item.id);
        if (!score || score < 1 || score > 5 || !Number.isInteger(score)) errors[`item-${item.id}`] = { key: 'qualification.errors.score_required' };
      }
      if (!items.length) throw AppError.notFound();
      if (Object.keys(errors).length) throw new ValidationError(errors);
      await db.transaction().execute(async (trx) => {
        const tr = trainingRepository(trx);
        const { id } = await tr.insertAssessment(enrolment.id, phase).catch((error: { code?: string }) => {
          if (error.code === '23505') throw AppError.conflict('qualification.errors.assessment_done');
          throw error;
        });
        await tr.insertAnswers(items.map((item) => ({ assessment_id: id, item_id: item.id, score: scores.get(item.id) as number })));
        await writeAudit(trx, actor, { action: 'assessment.submitted', entityType: 'self_assessment', entityId: id, after: { cohortId: cohort.id, phase } });
      });
    },
  };
}
