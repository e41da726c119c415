import { type Actor, coordinatesMunicipality, isFunder, isProgrammeOffice } from '../../platform/access/actor.ts';
import { AppError } from '../../platform/http/errors.ts';

export type DiversityCheckAction = 'manage' | 'compare' | 'edit_items';

/**
 * A town's assessments belong to its coordinators and the programme office; the comparison across
 * towns (means only, small towns withheld) is for the office and the funder; the items are the
 * office's.
 */
export function can(actor: Actor, action: DiversityCheckAction, resource: { municipalityId?: number } = {}): boolean {
  switch (action) {
    case 'manage':
      return resource.municipalityId !== undefined && coordinatesMunicipality(actor, resource.municipalityId);
    case 'compare':
      return isProgrammeOffice(actor) || isFunder(actor);
    case 'edit_items':
      return isProgrammeOffice(actor);
  }
}

/** An assessment of another town does not exist under this town's address. */
export function ownRecord<T extends { municipality_id: number }>(record: T | undefined, town: { id: number }): T {
  if (!record || record.municipality_id !== town.id) throw AppError.notFound();
  return record;
}
