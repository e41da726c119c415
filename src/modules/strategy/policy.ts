import { type Actor, coordinatesMunicipality } from '../../platform/access/actor.ts';
import { AppError } from '../../platform/http/errors.ts';

export type StrategyAction = 'view_public' | 'manage' | 'read_document';

/** A strategy record as the policy sees it: its town and, for a version, whether the council adopted it. */
export interface StrategyResource {
  municipalityId: number;
  adopted?: boolean;
}

/**
 * The state of implementation is public; the workspace belongs to the town's coordinators and the
 * programme office. A version's document is public once the version is adopted; a draft's document
 * is read only by those who manage the town, since a draft may still change before the council votes.
 */
export function can(actor: Actor, action: StrategyAction, resource: StrategyResource): boolean {
  switch (action) {
    case 'view_public':
      return true;
    case 'manage':
      return coordinatesMunicipality(actor, resource.municipalityId);
    case 'read_document':
      return resource.adopted === true || coordinatesMunicipality(actor, resource.municipalityId);
  }
}

/** A version is published once its adoption date is entered: the form asks to leave the date empty while it is a draft. */
export function isAdopted(version: { adopted_on: string | null }): boolean {
  return version.adopted_on !== null;
}

/** Whether a record named by the URL or a form belongs to the town of the request. */
export function belongsToTown(record: { municipality_id: number } | undefined, town: { id: number }): record is { municipality_id: number } {
  return record !== undefined && record.municipality_id === town.id;
}

/**
 * The one object-level check of the module: a record of another town does not exist under this
 * town's address (404), so an id from elsewhere reveals nothing and changes nothing.
 */
export function ownRecord<T extends { municipality_id: number }>(record: T | undefined, town: { id: number }): T {
  if (!record || !belongsToTown(record, town)) throw AppError.notFound();
  return record;
}
