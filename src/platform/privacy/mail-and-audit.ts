import type { Kysely, Transaction } from 'kysely';
import { auditRepository } from '../audit/audit-repository.ts';
import { authRepository } from '../auth/repository.ts';
import type { Database } from '../db/schema.ts';
import { removeMailFiles } from '../mail/delivery.ts';
import { outboxRepository } from '../mail/outbox-repository.ts';
import type { PersonalDataHandler } from './registry.ts';

/**
 * The platform's own traces of a person: mail to their address (rows and the .eml files of the
 * file transport) and what audit entries say about them. Runs before the account loses its address.
 */
export function mailAndAuditPersonalData(dataDir: string): PersonalDataHandler {
  async function addressOf(db: Kysely<Database> | Transaction<Database>, userId: number): Promise<string | null> {
    return (await authRepository(db).findUserById(userId))?.email ?? null;
  }
  return {
    name: 'mail_and_audit',
    async exportFor(db, userId) {
      const email = await addressOf(db, userId);
      return { mails: email ? await outboxRepository(db).sentTo(email) : [] };
    },
    async anonymise(trx, userId) {
      const email = await addressOf(trx, userId);
      if (email) {
        const removed = await outboxRepository(trx).deleteTo(email);
        // Files go at once; should the deletion roll back, the mails were the person's anyway.
        await removeMailFiles(dataDir, removed);
      }
      await auditRepository(trx).anonymise(userId, email);
    },
  };
}
