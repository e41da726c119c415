import type { Kysely, Transaction } from 'kysely';
import { type Actor, actorUserId } from '../access/actor.ts';
import type { Database } from '../db/schema.ts';
import { auditRepository } from './audit-repository.ts';

/**
 * Every action the audit log records. Each module declares its own in its manifest
 * (`auditActions`) and adds them here by declaration merging, so that `writeAudit` accepts no
 * action nobody declared and the platform still knows no module.
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled by the modules through declaration merging
export interface AuditActions {}
export type AuditAction = keyof AuditActions & string;

/** The catalog key of an action's label (German and English, staff pages only). */
export function auditLabelKey(action: string): string {
  return `audit.${action}`;
}

export interface AuditEntry {
  action: AuditAction;
  entityType: string;
  entityId?: string | number | null;
  municipalityId?: number | null;
  before?: unknown;
  after?: unknown;
}

/** Call inside the transaction that makes the change, so the record and the change land together. */
export async function writeAudit(db: Kysely<Database> | Transaction<Database>, actor: Actor, entry: AuditEntry): Promise<void> {
  await auditRepository(db).insert({
    actor_user_id: actorUserId(actor),
    action: entry.action,
    entity_type: entry.entityType,
    entity_id: entry.entityId == null ? null : String(entry.entityId),
    municipality_id: entry.municipalityId ?? null,
    before: entry.before === undefined ? null : JSON.stringify(entry.before),
    after: entry.after === undefined ? null : JSON.stringify(entry.after),
  });
}
