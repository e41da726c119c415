import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import nodemailer from 'nodemailer';
import type { Database } from '../db/schema.ts';

export interface MailTransportConfig {
  smtpUrl: string | undefined;
  dataDir: string;
  from: string;
}

export const MAX_ATTEMPTS = 8;

/** Sends to SMTP_URL, or, with no server configured, writes each message as an .eml file to DATA_DIR/mail. */
export function createTransport(config: MailTransportConfig) {
  if (config.smtpUrl) return { kind: 'smtp' as const, transporter: nodemailer.createTransport(config.smtpUrl) };
  return { kind: 'file' as const, transporter: nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' }) };
}

export type MailTransport = ReturnType<typeof createTransport>;

/**
 * Delivers what is due. Rows are claimed with SKIP LOCKED so that several app instances never send
 * the same mail twice; a failed send is retried later with a growing pause.
 */
export async function deliverPendingMail(db: Kysely<Database>, transport: MailTransport, config: MailTransportConfig, limit = 50): Promise<number> {
  let delivered = 0;
  for (let i = 0; i < limit; i++) {
    const sent = await db.transaction().execute(async (trx) => {
      const mail = await trx
        .selectFrom('mail_outbox')
        .selectAll()
        .where('sent_at', 'is', null)
        .where('send_after', '<=', new Date())
        .where('attempts', '<', MAX_ATTEMPTS)
        .orderBy('id')
        .limit(1)
        .forUpdate()
        .skipLocked()
        .executeTakeFirst();
      if (!mail) return null;
      try {
        const info = await transport.transporter.sendMail({
          from: config.from,
          to: mail.to_address,
          subject: mail.subject,
          text: mail.text_body,
          attachments: mail.attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, content: Buffer.from(a.contentBase64, 'base64') })),
        });
        let deliveredAs: string = info.messageId ?? '';
        if (transport.kind === 'file') {
          const dir = join(config.dataDir, 'mail');
          await mkdir(dir, { recursive: true });
          deliveredAs = `${String(mail.id).padStart(8, '0')}.eml`;
          await writeFile(join(dir, deliveredAs), (info as unknown as { message: Buffer }).message);
        }
        await trx
          .updateTable('mail_outbox')
          .set({ sent_at: new Date(), attempts: mail.attempts + 1, delivered_as: deliveredAs, last_error: null })
          .where('id', '=', mail.id)
          .execute();
        return true;
      } catch (error) {
        const pauseMinutes = 2 ** mail.attempts;
        await trx
          .updateTable('mail_outbox')
          .set({
            attempts: mail.attempts + 1,
            last_error: error instanceof Error ? error.message.slice(0, 500) : 'unknown error',
            send_after: sql<Date>`now() + make_interval(mins => ${pauseMinutes})`,
          })
          .where('id', '=', mail.id)
          .execute();
        return false;
      }
    });
    if (sent === null) break;
    if (sent) delivered++;
  }
  return delivered;
}
