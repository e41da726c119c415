import { type Actor, actorUserId } from '../../platform/access/actor.ts';
import { writeAudit } from '../../platform/audit/audit.ts';
import type { AssessmentPhase } from './tables.ts';
import type { EventMode } from '../events/tables.ts';
import { AppError, ValidationError } from '../../platform/http/errors.ts';
import { formatDate } from '../../platform/i18n/catalog.ts';
import { queuePersonMail } from './mails.ts';
import type { AppServices } from '../../platform/module.ts';
import { type CompletionRule, completionFor } from './completion.ts';
import { can, canLeadCohort } from './policy.ts';
import { qualificationRepository } from './repository.ts';
import { trainingRepository } from './training-repository.ts';

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

export type AssessmentWindow = 'open' | 'not_yet' | 'closed' | 'done';

/** When a trainee may answer the self-assessment: "before" until their first session starts, "after" once the last has started. */
export function assessmentWindows(
  sessions: readonly { starts_at: Date; ends_at: Date; cancelled_at: Date | null }[],
  enrolledAt: Date,
  answered: ReadonlySet<AssessmentPhase>,
  now = new Date(),
): Record<AssessmentPhase, AssessmentWindow> {
  const live = sessions.filter((s) => !s.cancelled_at);
  const ownStarted = live.some((s) => s.ends_at > enrolledAt && s.starts_at <= now);
  const lastStarted = live.length > 0 && live.every((s) => s.starts_at <= now);
  return {
    before: answered.has('before') ? 'done' : ownStarted ? 'closed' : 'open',
    after: answered.has('after') ? 'done' : lastStarted ? 'open' : 'not_yet',
  };
}

export function trainingService(services: Pick<AppServices, 'db' | 'config' | 'mailQueued'>) {
  const { db, config } = services;
  const repo = qualificationRepository(db);
  const training = trainingRepository(db);

  /** The cohort, if the actor leads it (a trainer of it, or the programme office); otherwise 403/404. */
  async function ledCohort(actor: Actor, cohortId: number) {
    const cohort = await repo.cohort(cohortId);
    if (!cohort) throw AppError.notFound();
    const trainerIds = (await repo.trainers(cohortId)).map((t) => t.id);
    if (!canLeadCohort(actor, { trainerIds })) throw AppError.forbidden();
    return { ...cohort, trainerIds };
  }

  /** The trainee's own accepted place in a cohort; anyone else gets 404. */
  async function ownEnrolment(actor: Actor, cohortId: number) {
    const userId = actorUserId(actor);
    if (userId === null) throw AppError.unauthorized();
    const cohort = await repo.cohort(cohortId);
    if (!cohort || !can(actor, 'view', { published: cohort.programme_published })) throw AppError.notFound();
    const enrolment = await training.approvedEnrolment(cohortId, userId);
    if (!enrolment) throw AppError.notFound();
    return { cohort, enrolment };
  }

  /** The programme's statements and where the trainee stands with each phase of the self-assessment. */
  async function assessmentState(cohort: { id: number; programme_id: number }, enrolment: { id: number; decided_at: Date | null; created_at: Date }) {
    const [items, sessions, done] = await Promise.all([training.items(cohort.programme_id), training.sessions(cohort.id), training.assessmentsOf(enrolment.id)]);
    return { items, windows: assessmentWindows(sessions, enrolment.decided_at ?? enrolment.created_at, new Set(done.map((d) => d.phase))) };
  }

  /** Every accepted trainee's progress (or one's) with the cohort's rule applied. */
  async function completionOf(cohort: CompletionRule & { id: number }, enrolmentId?: number) {
    const rows = await training.progress(cohort.id, enrolmentId);
    return rows.map((row) => ({ ...row, completion: completionFor(cohort, row) }));
  }

  return {
    ledCohort,
    ownEnrolment,
    completionOf,
    assessmentState,

    /** A session is an event of the format "training" for the cohort only: not published, no registration. */
    async createSession(actor: Actor, cohortId: number, input: SessionInput): Promise<number> {
      const cohort = await ledCohort(actor, cohortId);
      const errors: Record<string, { key: string }> = {};
      if (input.endsAt <= input.startsAt) errors.endsAt = { key: 'validation.end_before_start' };
      const modules = await repo.modules(cohort.programme_id);
      const module = modules.find((m) => m.id === input.moduleId);
      if (input.moduleId !== null && !module) errors.moduleId = { key: 'validation.choice' };
      if (Object.keys(errors).length) throw new ValidationError(errors);
      return db.transaction().execute(async (trx) => {
        const { id } = await trainingRepository(trx).insertSession({
          municipality_id: input.municipalityId,
          title: module ? `${cohort.title}: ${module.title}` : cohort.title,
          format: 'training',
          mode: input.mode,
          venue: input.venue,
          address: input.address,
          online_url: input.onlineUrl,
          starts_at: input.startsAt,
          ends_at: input.endsAt,
          capacity: cohort.capacity,
          published: false,
          cohort_id: cohortId,
          module_id: input.moduleId,
          created_by: actorUserId(actor),
        });
        await writeAudit(trx, actor, { action: 'session.created', entityType: 'event', entityId: id, municipalityId: input.municipalityId, after: { cohortId, moduleId: input.moduleId } });
        return id;
      });
    },

    /** A cancelled session no longer counts for anyone; the trainees are told by mail. */
    async cancelSession(actor: Actor, cohortId: number, eventId: number, reason: string): Promise<void> {
      await ledCohort(actor, cohortId);
      const session = await training.session(cohortId, eventId);
      if (!session) throw AppError.notFound();
      await db.transaction().execute(async (trx) => {
        const result = await trainingRepository(trx).cancelSession(cohortId, eventId, reason);
        if (!result.numUpdatedRows) throw AppError.conflict('qualification.errors.session_cancelled');
        const when = formatDate('de', session.starts_at, true);
        for (const person of await trainingRepository(trx).approvedEmails(cohortId)) {
          await queuePersonMail(trx, person, {
            subjectKey: 'qualification.mail.session_cancelled.subject',
            textKey: 'qualification.mail.session_cancelled.text',
            params: { session: session.title, when, reason },
            url: `${config.baseUrl}/qualifizierung/kohorten/${cohortId}`,
          });
        }
        await writeAudit(trx, actor, { action: 'session.cancelled', entityType: 'event', entityId: eventId, after: { cohortId, reason } });
      });
      services.mailQueued();
    },

    /** Saves the whole list: ticked trainees were there, the others not. Only accepted trainees of this cohort can be marked. */
    async recordAttendance(actor: Actor, cohortId: number, eventId: number, presentIds: ReadonlySet<number>): Promise<number> {
      await ledCohort(actor, cohortId);
      const session = await training.session(cohortId, eventId);
      if (!session) throw AppError.notFound();
      if (session.cancelled_at) throw AppError.conflict('qualification.errors.session_cancelled');
      if (session.starts_at > new Date()) throw AppError.conflict('qualification.errors.session_not_started');
      const trainees = await training.attendanceList(cohortId, eventId);
      const marks = trainees.map((t) => ({ enrolmentId: t.id, attended: presentIds.has(t.id) }));
      await db.transaction().execute(async (trx) => {
        await trainingRepository(trx).recordAttendance(eventId, marks, actorUserId(actor));
        await writeAudit(trx, actor, { action: 'session.attendance', entityType: 'event', entityId: eventId, after: { cohortId, present: marks.filter((m) => m.attended).length, of: marks.length } });
      });
      return marks.filter((m) => m.attended).length;
    },

    /** The trainee writes the project; "submit" hands it to the trainers, who then approve it or ask for changes. */
    async saveProject(actor: Actor, cohortId: number, input: ProjectInput, submit: boolean): Promise<void> {
      const { enrolment } = await ownEnrolment(actor, cohortId);
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
        await writeAudit(trx, actor, { action: submit ? 'project.submitted' : 'project.saved', entityType: 'practice_project', entityId: projectId, after: { cohortId } });
      });
    },

    async reviewProject(actor: Actor, cohortId: number, projectId: number, decision: 'approved' | 'changes_requested' | null, comment: string): Promise<void> {
      const cohort = await ledCohort(actor, cohortId);
      const project = await training.project(cohortId, projectId);
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
            url: `${config.baseUrl}/qualifizierung/kohorten/${cohortId}/praxisprojekt`,
          });
        }
        await writeAudit(trx, actor, { action: decision ? `project.${decision}` : 'project.commented', entityType: 'practice_project', entityId: projectId, after: { cohortId } });
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

    /** A statement someone has already answered stays, or the before/after comparison would lose its pairs. */
    async deleteItem(actor: Actor, programmeId: number, itemId: number): Promise<void> {
      if (!can(actor, 'manage', { published: false })) throw AppError.forbidden();
      if (await training.itemAnswered(itemId)) throw AppError.conflict('qualification.office.item_answered');
      await db.transaction().execute(async (trx) => {
        const result = await trainingRepository(trx).deleteItem(programmeId, itemId);
        if (!result.numDeletedRows) throw AppError.notFound();
        await writeAudit(trx, actor, { action: 'programme.item_deleted', entityType: 'programme', entityId: programmeId, before: { itemId } });
      });
    },

    /** Every item needs a score from 1 to 5; each phase is answered once (unique), inside its window. */
    async submitAssessment(actor: Actor, cohortId: number, phase: AssessmentPhase, scores: ReadonlyMap<number, number>): Promise<void> {
      const { cohort, enrolment } = await ownEnrolment(actor, cohortId);
      const { items, windows } = await assessmentState(cohort, enrolment);
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
        await writeAudit(trx, actor, { action: 'assessment.submitted', entityType: 'self_assessment', entityId: id, after: { cohortId, phase } });
      });
    },
  };
}
