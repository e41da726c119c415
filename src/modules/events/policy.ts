import { type Actor, coordinatesMunicipality } from '../../platform/access/actor.ts';

export type EventAction = 'view' | 'manage' | 'register';

/**
 * Published events are public and anyone may register, also without an account; the town's
 * coordinators and the programme office manage them and are the only ones who see who registered.
 */
export function can(actor: Actor, action: EventAction, event: { municipalityId: number; published: boolean }): boolean {
  switch (action) {
    case 'view':
      return event.published || coordinatesMunicipality(actor, event.municipalityId);
    case 'manage':
      return coordinatesMunicipality(actor, event.municipalityId);
    case 'register':
      return event.published && actor.kind !== 'system';
  }
}
