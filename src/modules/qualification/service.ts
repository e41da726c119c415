import { randomInt } from 'node:crypto';
import { type Actor, actorUserId } from '../../platform/access/actor.ts';
import { writeAudit } from '../../platform/audit/audit.ts';
import { methodLinks } from '../../platform/method-links.ts';
import { AppError, ValidationError } from '../../platform/http/errors.ts';
import { createTranslator, isLocale, todayInBerlin } from '../../platform/i18n/catalog.ts';
import type { AppServices } from '../../platform/module.ts';
import { can } from './policy.ts';
import { queuePersonMail } from './mails.ts';
import { qualificationRepository } from './repository.ts';
import { trainingRepository } from './training/repository.ts';
import type { ProgrammeKind, TargetGroup } from './tables.ts';
import { completionFor } from './completion.ts';

/** Letters and digits that cannot be confused when read aloud or typed from paper (no 0/O, 1/I/L). */
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

export function certificateCode(): string {
  const chars = Array.from({ length: 12 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]);
  return `${chars.slice(0, 4).join('')}-${chars.slice(4, 8).join('')}-${chars.slice(8).join('')}`;
}

export interface ProgrammeInput {
  kind: ProgrammeKind;
  targetGroup: TargetGroup | null;
  title: string;
  description: string;
  minAttendancePercent: number;
  requiresProject: boolean;
  published: boolean;
}

export interface CohortInput {
  title: string;
  municipalityId: number | null;
  region: string;
  startsOn: string;
  endsOn: string;
  capacity: number;
}

function programmeRow(input: ProgrammeInput) {
  return {
    kind: input.kind,
    // Only multiplier trainings are aimed at one target group.
    target_group: input.kind === 'multiplier' ? input.targetGroup : null,
    title: input.title,
    description: input.description,
    min_attendance_percent: input.minAttendancePercent,
    requires_project: input.requiresProject,
    published: input.published,
  };
}

export function qualificationService(services: Pick<AppServices, 'db' | 'config' | 'mailQueued' | 'modules'>) {
  const { db } = services;
  const office = (actor: Actor) => {
    if (!can(actor, 'manage', { published: false })) throw AppError.forbidden();
  };

  return {
    async createProgramme(actor: Actor, input: ProgrammeInput): Promise<number> {
      office(actor);
      if (input.kind === 'multiplier' && !input.targetGroup) throw new ValidationError({ targetGroup: { key: 'qualification.errors.target_group_required' } });
      return db.transaction().execute(async (trx) => {
        const { id } = await qualificationRepository(trx).insertProgramme(programmeRow(input));
        await writeAudit(trx, actor, { action: 'programme.created', entityType: 'programme', entityId: id, after: input });
        return id;
      });
    },

    async updateProgramme(actor: Actor, programmeId: number, input: ProgrammeInput): Promise<void> {
      office(actor);
      if (input.kind === 'multiplier' && !input.targetGroup) throw new ValidationError({ targetGroup: { key: 'qualification.errors.target_group_required' } });
      const before = await qualificationRepository(db).programme(programmeId);
      if (!before) throw AppError.notFound();
      await db.transaction().execute(async (trx) => {
        const repo = qualificationRepository(trx);
        await repo.updateProgramme(programmeId, programmeRow(input));
        // The modules' cards count them only while the programme is public.
        if (before.published !== input.published)
          await methodLinks(services)?.setPublic(
            trx,
            'training_module',
            (await repo.modules(programmeId)).map((m) => m.id),
            input.published,
          );
        await writeAudit(trx, actor, { action: 'programme.updated', entityType: 'programme', entityId: programmeId, before, after: input });
      });
    },

    async addModule(actor: Actor, programmeId: number, input: { title: string; learningGoals: string; hours: number }): Promise<void> {
      office(actor);
      const repo = qualificationRepository(db);
      if (!(await repo.programme(programmeId))) throw AppError.notFound();
      const position = (await repo.modules(programmeId)).length + 1;
      await db.transaction().execute(async (trx) => {
        await qualificationRepository(trx).insertModule({ programme_id: programmeId, position, title: input.title, learning_goals: input.learningGoals, hours: input.hours });
        await writeAudit(trx, actor, { action: 'programme.module_added', entityType: 'programme', entityId: programmeId, after: input });
      });
    },

    async deleteModule(actor: Actor, programmeId: number, moduleId: number): Promise<void> {
      office(actor);
      await db.transaction().execute(async (trx) => {
        const result = await qualificationRepository(trx).deleteModule(programmeId, moduleId);
        if (!result.numDeletedRows) throw AppError.notFound();
        await methodLinks(services)?.forget(trx, 'training_module', moduleId);
        await writeAudit(trx, actor, { action: 'programme.module_deleted', entityType: 'programme', entityId: programmeId, before: { moduleId } });
      });
    },

    async createCohort(actor: Actor, programmeId: number, input: CohortInput): Promise<number> {
      office(actor);
      if (input.endsOn < input.startsOn) throw new ValidationError({ endsOn: { key: 'validation.end_before_start' } });
      if (!(await qualificationRepository(db).programme(programmeId))) throw AppError.notFound();
      return db.transaction().execute(async (trx) => {
        const { id } = await qualificationRepository(trx).insertCohort({
          programme_id: programmeId,
          title: input.title,
          municipality_id: input.municipalityId,
          region: input.region,
          starts_on: input.startsOn,
          ends_on: input.endsOn,
          capacity: input.capacity,
        });
        await writeAudit(trx, actor, { action: 'cohort.created', entityType: 'cohort', entityId: id, municipalityId: input.municipalityId, after: input });
        return id;
      });
    },

    /** Only accounts with the trainer role can lead a cohort. */
    async addTrainer(actor: Actor, cohortId: number, userId: number): Promise<void> {
      office(actor);
      const repo = qualificationRepository(db);
      if (!(await repo.cohort(cohortId))) throw AppError.notFound();
      if (!(await repo.trainerCandidates()).some((c) => c.id === userId)) throw new ValidationError({ trainerId: { key: 'validation.choice' } });
      await db.transaction().execute(async (trx) => {
        await qualificationRepository(trx).addTrainer(cohortId, userId);
        await writeAudit(trx, actor, { action: 'cohort.trainer_added', entityType: 'cohort', entityId: cohortId, after: { userId } });
      });
    },

    /** One application per person and cohort, also when the form is sent twice at once (unique index). */
    async apply(actor: Actor, cohortId: number, motivation: string): Promise<number> {
      const cohort = await qualificationRepository(db).cohort(cohortId);
      if (!cohort || !can(actor, 'view', { published: cohort.programme_published })) throw AppError.notFound();
      if (!can(actor, 'apply', { published: cohort.programme_published })) throw AppError.refused('qualification.errors.verified_required', undefined, 'forbidden');
      if (!cohort.applications_open) throw AppError.conflict('qualification.errors.applications_closed');
      const userId = actorUserId(actor) as number;
      return db.transaction().execute(async (trx) => {
        const { id } = await qualificationRepository(trx)
          .insertEnrolment({ cohort_id: cohortId, user_id: userId, motivation })
          .catch((error: { code?: string }) => {
            if (error.code === '23505') throw AppError.conflict('qualification.errors.already_applied');
            throw error;
          });
        await writeAudit(trx, actor, { action: 'enrolment.applied', entityType: 'enrolment', entityId: id, after: { cohortId } });
        return id;
      });
    },

    /** Multipliers (an accepted application to a multiplier training) report what they passed on. */
    async logActivity(actor: Actor, input: { occurredOn: string; description: string; targetGroup: TargetGroup; peopleReached: number; municipalityId: number | null }): Promise<number> {
      const userId = actorUserId(actor);
      if (userId === null || !(await qualificationRepository(db).isMultiplier(userId))) throw AppError.forbidden('qualification.errors.not_multiplier');
      return db.transaction().execute(async (trx) => {
        const { id } = await qualificationRepository(trx).insertActivity({
          user_id: userId,
          occurred_on: input.occurredOn,
          description: input.description,
          target_group: input.targetGroup,
          people_reached: input.peopleReached,
          municipality_id: input.municipalityId,
        });
        await writeAudit(trx, actor, { action: 'reach.logged', entityType: 'multiplier_activity', entityId: id, municipalityId: input.municipalityId, after: input });
        return id;
      });
    },

    async deleteActivity(actor: Actor, activityId: number): Promise<void> {
      const userId = actorUserId(actor);
      if (userId === null) throw AppError.unauthorized();
      await db.transaction().execute(async (trx) => {
        const result = await qualificationRepository(trx).deleteActivity(userId, activityId);
        if (!result.numDeletedRows) throw AppError.notFound();
        await writeAudit(trx, actor, { action: 'reach.deleted', entityType: 'multiplier_activity', entityId: activityId });
      });
    },

    /**
     * A certificate for an accepted participant who met the programme's completion rule, once per enrolment. What it says (name, programme,
     * hours) is kept as issued, so a later change of the programme does not change old certificates.
     */
    async issueCertificate(actor: Actor, cohortId: number, enrolmentId: number): Promise<string> {
      office(actor);
      const enrolment = await qualificationRepository(db).enrolmentForCertificate(cohortId, enrolmentId);
      if (!enrolment) throw AppError.notFound();
      if (enrolment.status !== 'approved' || !enrolment.display_name) throw AppError.conflict('qualification.errors.not_approved');
      const [progress] = await trainingRepository(db).progress(cohortId, enrolmentId);
      if (!progress || !completionFor(enrolment, progress).met) throw AppError.conflict('qualification.errors.not_completed');
      return db.transaction().execute(async (trx) => {
        const issued = await qualificationRepository(trx)
          .insertCertificate({
            enrolment_id: enrolmentId,
            code: certificateCode(),
            holder_name: enrolment.display_name as string,
            programme_title: enrolment.programme_title,
            total_hours: enrolment.hours,
            issued_on: todayInBerlin(),
            created_by: actorUserId(actor),
          })
          .catch((error: { code?: string }) => {
            if (error.code === '23505') throw AppError.conflict('qualification.errors.already_certified');
            throw error;
          });
        await writeAudit(trx, actor, { action: 'certificate.issued', entityType: 'certificate', entityId: issued.id, after: { enrolmentId, code: issued.code } });
        return issued.code;
      });
    },

    /** A revocation names its reason (kept internal), at least three characters. */
    async revokeCertificate(actor: Actor, code: string, reason: string): Promise<void> {
      office(actor);
      if (reason.length < 3) throw AppError.refused('qualification.errors.revoke_reason');
      await db.transaction().execute(async (trx) => {
        const result = await qualificationRepository(trx).revokeCertificate(code, reason);
        if (!result.numUpdatedRows) throw AppError.conflict('qualification.errors.certificate_not_active');
        await writeAudit(trx, actor, { action: 'certificate.revoked', entityType: 'certificate', entityId: code, after: { reason } });
      });
    },

    /** An application of this cohort (else 404) is decided. Approval takes a seat of the cohort (under its lock, so the last seat goes once); the applicant hears by mail. */
    async decide(actor: Actor, cohortId: number, enrolmentId: number, approve: boolean, note: string): Promise<void> {
      office(actor);
      const cohort = await qualificationRepository(db).cohort(cohortId);
      // An application of another cohort under this cohort's URL does not exist here.
      if (!cohort || !(await qualificationRepository(db).enrolmentForCertificate(cohortId, enrolmentId))) throw AppError.notFound();
      await db.transaction().execute(async (trx) => {
        const repo = qualificationRepository(trx);
        const locked = await repo.lockCohort(cohortId);
        if (!locked) throw AppError.notFound();
        if (approve && (await repo.approvedCount(cohortId)) >= locked.capacity) throw AppError.conflict('qualification.errors.cohort_full');
        const decided = await repo.decide(cohortId, enrolmentId, approve ? 'approved' : 'rejected', note, actorUserId(actor));
        if (!decided) throw AppError.conflict('qualification.errors.already_decided');
        const person = decided.user_id ? await repo.recipient(decided.user_id) : undefined;
        if (person) {
          const noteLabel = createTranslator(isLocale(person.locale) ? person.locale : 'de')('qualification.mail.note');
          await queuePersonMail(trx, person, {
            subjectKey: `qualification.mail.${approve ? 'approved' : 'rejected'}.subject`,
            textKey: `qualification.mail.${approve ? 'approved' : 'rejected'}.text`,
            params: { programme: cohort.programme_title, cohort: cohort.title },
            addition: note ? `${noteLabel}: ${note}` : undefined,
            url: `${services.config.baseUrl}/qualifizierung/${cohort.programme_id}`,
          });
        }
        await writeAudit(trx, actor, { action: approve ? 'enrolment.approved' : 'enrolment.rejected', entityType: 'enrolment', entityId: enrolmentId, after: { cohortId, note } });
      });
      services.mailQueued();
    },
  };
}
