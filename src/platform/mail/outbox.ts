import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import { outboxRepository } from './outbox-repository.ts';
import { redactTokenLinks } from './redact.ts';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  attachments?: Array<{ filename: string; contentType: string; content: Buffer | string }>;
  sendAfter?: Date;
}

/**
 * Queues a mail inside the caller's transaction: it is sent only if the change it belongs to commits.
 * A body with a token link (reset, invitation, confirmation, cancellation) is stored redacted; the
 * full text waits beside it only until delivery, so nobody reading the outbox can use the link.
 */
export async function enqueueMail(db: Kysely<Database> | Transaction<Database>, mail: OutgoingMail): Promise<number> {
  const redacted = redactTokenLinks(mail.text);
  const row = await outboxRepository(db).insert({
    to_address: mail.to,
    subject: mail.subject,
    text_body: redacted,
    secret_text_body: redacted === mail.text ? null : mail.text,
    attachments: JSON.stringify(
      (mail.attachments ?? []).map((a) => ({
        filename: a.filename,
        contentType: a.contentType,
        contentBase64: Buffer.from(a.content).toString('base64'),
      })),
    ),
    send_after: mail.sendAfter ?? new Date(),
  });
  return row.id;
}
