import { type Actor, isProgrammeOffice } from '../../platform/access/actor.ts';

export const ADMIN_ACTIONS = ['manage_users', 'manage_participation', 'read_audit_log', 'read_outbox'] as const;
export type AdminAction = (typeof ADMIN_ACTIONS)[number];

/**
 * The programme office area: a person with the office role, nobody else, whatever their other
 * roles. The routes declare `access: 'office'`; the service asks again before each change, so a
 * call from elsewhere in the code cannot skip it.
 */
export function can(actor: Actor, _action: AdminAction): boolean {
  return actor.kind === 'user' && isProgrammeOffice(actor);
}
