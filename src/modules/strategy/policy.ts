import { type Actor, coordinatesMunicipality } from '../../platform/access/actor.ts';

export type StrategyAction = 'view_public' | 'manage';

/** The state of implementation is public; the workspace belongs to the town's coordinators and the programme office. */
export function can(actor: Actor, action: StrategyAction, resource: { municipalityId: number }): boolean {
  switch (action) {
    case 'view_public':
      return true;
    case 'manage':
      return coordinatesMunicipality(actor, resource.municipalityId);
  }
}
