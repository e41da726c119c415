import { type Actor, coordinatesMunicipality } from '../../platform/access/actor.ts';

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
