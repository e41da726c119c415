import type { Kysely, Transaction } from 'kysely';
import { SYSTEM } from '../access/actor.ts';
import { writeAudit } from '../audit/audit.ts';
import type { Database } from '../db/schema.ts';

/**
 * One retention period of the programme: what is deleted or anonymised once it is over. Each module
 * declares its own in its manifest (`retention`), so the platform knows no module's tables.
 */
export interface RetentionRule {
  /** Stable name, written to the audit log (`retention.applied`, entity id = name). */
  name: string;
  /** The setting that sets the period, for the log and the operator. */
  setting: string;
  /** Deletes or anonymises what is past its period at `now`; returns how many rows it touched. */
  apply(trx: Transaction<Database>, now: Date): Promise<number>;
}

export const RETENTION_JOB = 'retention';
export const RETENTION_AUDIT_ACTIONS = ['retention.applied'] as const;

declare module '../audit/audit.ts' {
  interface AuditActions extends Record<(typeof RETENTION_AUDIT_ACTIONS)[number], true> {}
}

export const daysBefore = (now: Date, days: number) => new Date(now.getTime() - days * 86_400_000);

/** Runs every rule in a transaction of its own and records in the audit log what each one did. */
export async function applyRetention(db: Kysely<Database>, rules: RetentionRule[], now = new Date()): Promise<Record<string, number>> {
  const done: Record<string, number> = {};
  for (const rule of rules) {
    done[rule.name] = await db.transaction().execute(async (trx) => {
      const count = await rule.apply(trx, now);
      if (count > 0) {
        await writeAudit(trx, SYSTEM, { action: 'retention.applied', entityType: 'retention', entityId: rule.name, after: { count, setting: rule.setting, at: now.toISOString() } });
      }
      return count;
    });
  }
  return done;
}
