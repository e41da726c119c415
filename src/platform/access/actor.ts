export type Role = 'participant' | 'trainer' | 'coordinator' | 'programme_office' | 'funder';

export interface RoleGrant {
  role: Exclude<Role, 'participant'>;
  municipalityId: number | null;
}

/** Who is acting: a signed-in person with their role grants, a visitor, or the system itself (jobs, seeds). */
export type Actor = { kind: 'user'; userId: number; displayName: string; email: string; emailVerified: boolean; isDemo: boolean; grants: RoleGrant[] } | { kind: 'visitor' } | { kind: 'system' };

export const VISITOR: Actor = { kind: 'visitor' };
export const SYSTEM: Actor = { kind: 'system' };

export type UserActor = Extract<Actor, { kind: 'user' }>;

export function isUser(actor: Actor): actor is UserActor {
  return actor.kind === 'user';
}

export function hasRole(actor: Actor, role: RoleGrant['role']): boolean {
  return actor.kind === 'user' && actor.grants.some((g) => g.role === role);
}

export function isProgrammeOffice(actor: Actor): boolean {
  return actor.kind === 'system' || hasRole(actor, 'programme_office');
}

export function isFunder(actor: Actor): boolean {
  return hasRole(actor, 'funder');
}

/** A coordinator acts only for the municipalities they were granted; the programme office for all. */
export function coordinatesMunicipality(actor: Actor, municipalityId: number): boolean {
  if (isProgrammeOffice(actor)) return true;
  return actor.kind === 'user' && actor.grants.some((g) => g.role === 'coordinator' && g.municipalityId === municipalityId);
}

export function coordinatedMunicipalityIds(actor: Actor): number[] {
  if (actor.kind !== 'user') return [];
  return actor.grants.filter((g) => g.role === 'coordinator' && g.municipalityId !== null).map((g) => g.municipalityId as number);
}

export function actorUserId(actor: Actor): number | null {
  return actor.kind === 'user' ? actor.userId : null;
}
