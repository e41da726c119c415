import { type Actor, hasRole, isProgrammeOffice } from '../../platform/access/actor.ts';

export type QualificationAction = 'view' | 'manage' | 'apply';

/**
 * Published programmes are public; anyone with a verified account may apply to an open cohort; the
 * programme office runs programmes, cohorts and the decisions on applications.
 */
export function can(actor: Actor, action: QualificationAction, programme: { published: boolean }): boolean {
  switch (action) {
    case 'view':
      return programme.published || isProgrammeOffice(actor);
    case 'manage':
      return actor.kind === 'user' && isProgrammeOffice(actor);
    case 'apply':
      return programme.published && actor.kind === 'user' && actor.emailVerified;
  }
}

/** The trainer's area is open to trainers and the programme office; which cohorts they see is decided per cohort. */
export function canEnterTrainerArea(actor: Actor): boolean {
  return actor.kind === 'user' && (isProgrammeOffice(actor) || hasRole(actor, 'trainer'));
}

/**
 * A cohort's sessions, attendance, projects and self-assessment results belong to its trainers
 * and the programme office; a trainer of another cohort sees none of them.
 */
export function canLeadCohort(actor: Actor, cohort: { trainerIds: readonly number[] }): boolean {
  if (actor.kind !== 'user') return false;
  if (isProgrammeOffice(actor)) return true;
  return hasRole(actor, 'trainer') && cohort.trainerIds.includes(actor.userId);
}
