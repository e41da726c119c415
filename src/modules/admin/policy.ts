import { type Actor, isProgrammeOffice } from '../../platform/access/actor.ts';

export type AdminAction = 'manage_users' | 'manage_participation' | 'read_audit_log' | 'read_outbox';

/** The programme office area: nobody else, whatever their other roles. */
export function can(actor: Actor, _action: AdminAction): boolean {
  return actor.kind === 'user' && isProgrammeOffice(actor);
}
