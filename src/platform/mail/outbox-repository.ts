import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database, NewRow } from '../db/schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** The mail outbox table: queueing, claiming for delivery, and forgetting. */
export function outboxRepository(db: Db) {
  return {
    insert(row: NewRow<'mail_outbox'>) {
      return db.insertInto('mail_outbox').values(row).returning('id').executeTakeFirstOrThrow();
    },

    /** The oldest due mail, locked for this delivery; another instance skips it. */
    claimNext(maxAttempts: number) {
      return db
        .selectFrom('mail_outbox')
        .selectAll()
        .where('sent_at', 'is', null)
        .where('send_after', '<=', new Date())
        .where('attempts', '<', maxAttempts)
        .orderBy('id')
        .limit(1)
        .forUpdate()
        .skipLocked()
        .executeTakeFirst();
    },

    /** Sent: the secret part of the body goes at once, only the redacted text stays. */
    markSent(id: number, attempts: number, deliveredAs: string) {
      return db.updateTable('mail_outbox').set({ sent_at: new Date(), attempts, delivered_as: deliveredAs, last_error: null, secret_text_body: null }).where('id', '=', id).execute();
    },

    /** A failed try; after the last one the mail is never sent, so its secret goes too. */
    markFailed(id: number, attempts: number, error: string, pauseMinutes: number, final: boolean) {
      return db
        .updateTable('mail_outbox')
        .set({
          attempts,
          last_error: error,
          send_after: sql<Date>`now() + make_interval(mins => ${pauseMinutes})`,
          ...(final ? { secret_text_body: null } : {}),
        })
        .where('id', '=', id)
        .execute();
    },

    /** Sent mails older than the retention period, with the files the file transport wrote for them. */
    async purgeSentBefore(cutoff: Date): Promise<Array<{ id: number; delivered_as: string | null }>> {
      return db.deleteFrom('mail_outbox').where('sent_at', 'is not', null).where('sent_at', '<', cutoff).returning(['id', 'delivered_as']).execute();
    },

    /** Mails to an address, as the export shows them (the redacted text). */
    sentTo(address: string) {
      return db.selectFrom('mail_outbox').select(['subject', 'text_body', 'created_at', 'sent_at']).where(sql<string>`lower(to_address)`, '=', address.toLowerCase()).orderBy('id').execute();
    },

    /** Every mail to an address (an account being deleted), sent or not. */
    deleteTo(address: string) {
      return db.deleteFrom('mail_outbox').where(sql<string>`lower(to_address)`, '=', address.toLowerCase()).returning(['id', 'delivered_as']).execute();
    },
  };
}
