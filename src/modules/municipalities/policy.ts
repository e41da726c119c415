import { type Actor, coordinatesMunicipality, isProgrammeOffice } from '../../platform/access/actor.ts';

export type MunicipalityAction = 'view' | 'manage_districts' | 'manage_participation' | 'view_internal';

/** The register and municipality pages are public; districts belong to the town's coordinators; participation to the programme office. */
export function can(actor: Actor, action: MunicipalityAction, municipality: { id: number }): boolean {
  switch (action) {
    case 'view':
      return true;
    case 'manage_districts':
    case 'view_internal':
      return coordinatesMunicipality(actor, municipality.id);
    case 'manage_participation':
      return isProgrammeOffice(actor);
  }
}
