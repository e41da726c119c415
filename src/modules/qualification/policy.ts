import { type Actor, isProgrammeOffice } from '../../platform/access/actor.ts';

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
