import { type Actor, actorUserId, coordinatesMunicipality } from '../../platform/access/actor.ts';
import { AppError } from '../../platform/http/errors.ts';

export type ParticipationAction = 'view' | 'manage' | 'contribute';

/**
 * Published processes are public; unpublished ones and official answers belong to the town's
 * coordinators. Contributing needs an account with a verified e-mail address.
 */
export function can(actor: Actor, action: ParticipationAction, resource: { municipalityId: number; published?: boolean }): boolean {
  switch (action) {
    case 'view':
      return resource.published === true || coordinatesMunicipality(actor, resource.municipalityId);
    case 'manage':
      return coordinatesMunicipality(actor, resource.municipalityId);
    case 'contribute':
      return actor.kind === 'user' && actor.emailVerified;
  }
}

/** Whether the actor wrote this contribution; offline ones (no author) belong to nobody. */
export function isAuthor(actor: Actor, contribution: { author_user_id: number | null }): boolean {
  const userId = actorUserId(actor);
  return userId !== null && contribution.author_user_id === userId;
}

/** Hidden or held text is shown only to the town's moderators (its coordinators). */
export function isWithheld(contribution: { hidden_at: Date | null; held: boolean }): boolean {
  return Boolean(contribution.hidden_at || contribution.held);
}

export function mayReadWithheld(actor: Actor, contribution: { municipality_id: number; hidden_at: Date | null; held: boolean }): boolean {
  return !isWithheld(contribution) || can(actor, 'manage', { municipalityId: contribution.municipality_id });
}

/**
 * The one object-level check of the workspace: a record named in a `/verwaltung/:ags/...` URL (or
 * form) must belong to the town of the route's scope, otherwise it is not there (404).
 */
export function ofTown<T extends { municipality_id: number }>(row: T | undefined | null, town: { id: number }): T {
  if (!row || row.municipality_id !== town.id) throw AppError.notFound();
  return row;
}
