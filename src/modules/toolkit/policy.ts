import { type Actor, coordinatesMunicipality, isProgrammeOffice } from '../../platform/access/actor.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { Status } from './tables.ts';

export type ToolkitAction = 'view_public' | 'view' | 'edit' | 'submit' | 'review';

/** A card or example as the policy sees it: its town and where it stands in the editorial flow. */
export interface ToolkitResource {
  municipalityId: number;
  status: Status;
}

/** The states in which the town may still change its proposal; once submitted or published, the office has it. */
const TOWN_EDITABLE: readonly Status[] = ['draft', 'changes_requested', 'withdrawn'];

/**
 * Everyone reads published cards. The town's coordinators propose and edit their own until they
 * submit them; the programme office reviews, asks for changes, publishes, withdraws, and may edit
 * any card at any time (each save is a version).
 */
export function can(actor: Actor, action: ToolkitAction, resource: ToolkitResource): boolean {
  switch (action) {
    case 'view_public':
      return resource.status === 'published';
    case 'view':
      return coordinatesMunicipality(actor, resource.municipalityId);
    case 'edit':
      return isProgrammeOffice(actor) || (coordinatesMunicipality(actor, resource.municipalityId) && TOWN_EDITABLE.includes(resource.status));
    case 'submit':
      return coordinatesMunicipality(actor, resource.municipalityId) && TOWN_EDITABLE.includes(resource.status);
    case 'review':
      return isProgrammeOffice(actor);
  }
}

/** A record of another town does not exist under this town's address (404). */
export function ownRecord<T extends { municipality_id: number }>(record: T | undefined, town: { id: number }): T {
  if (!record || record.municipality_id !== town.id) throw AppError.notFound();
  return record;
}

/** Which review decisions fit a status: publish anything not yet public, ask for changes on a submitted one, withdraw a published one. */
export function decisionFits(decision: 'publish' | 'changes' | 'withdraw', status: Status): boolean {
  switch (decision) {
    case 'publish':
      return status !== 'published';
    case 'changes':
      return status === 'submitted';
    case 'withdraw':
      return status === 'published';
  }
}
