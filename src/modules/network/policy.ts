import { type Actor, coordinatesMunicipality } from '../../platform/access/actor.ts';
import { AppError } from '../../platform/http/errors.ts';

export type NetworkAction = 'view_directory' | 'view_organisation' | 'manage';

/** A network record as the policy sees it: its town and, for an organisation, whether it agreed to be listed publicly. */
export interface NetworkResource {
  municipalityId: number;
  isPublic?: boolean;
}

/**
 * The directory is public, but lists only organisations marked public; everything else (all
 * organisations, people, memberships, cooperations) belongs to the town's coordinators and the
 * programme office.
 */
export function can(actor: Actor, action: NetworkAction, resource: NetworkResource): boolean {
  switch (action) {
    case 'view_directory':
      return true;
    case 'view_organisation':
      return resource.isPublic === true || coordinatesMunicipality(actor, resource.municipalityId);
    case 'manage':
      return coordinatesMunicipality(actor, resource.municipalityId);
  }
}

/**
 * The one object-level check of the module: a record of another town does not exist under this
 * town's address (404), so an id from elsewhere reveals nothing and changes nothing.
 */
export function ownRecord<T extends { municipality_id: number }>(record: T | undefined, town: { id: number }): T {
  if (!record || record.municipality_id !== town.id) throw AppError.notFound();
  return record;
}

/** Whether a record named by a form belongs to the town (a field error otherwise, not a 404). */
export function belongsToTown(record: { municipality_id: number } | undefined, town: { id: number }): boolean {
  return record !== undefined && record.municipality_id === town.id;
}
