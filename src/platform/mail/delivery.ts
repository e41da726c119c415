import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import nodemailer from 'nodemailer';
import type { Database } from '../db/schema.ts';
import { outboxRepository } from './outbox-repository.ts';

export interface MailTransportConfig {
  smtpUrl: string | undefined;
  dataDir: string;
  from: string;
}

export const MAX_ATTEMPTS = 8;

/**
 * Sends to SMTP_URL, or, with no server configured, writes each message as an .eml file to
 * DATA_DIR/mail. The SMTP connections are pooled (`pool=true` unless the URL says otherwise): a
 * connection and greeting per mail held each outbox row's transaction open several times longer
 * than sending it.
 */
export function createTransport(config: MailTransportConfig) {
  if (config.smtpUrl) {
    const url = new URL(config.smtpUrl);
    if (!url.searchParams.has('pool')) url.searchParams.set('pool', 'true');
    return { kind: 'smtp' as const, transporter: nodemailer.createTransport(url.toString()) };
  }
  return { kind: 'file' as const, transporter: nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' }) };
}

export type MailTransport = ReturnType<typeof createTransport>;

/**
 * Delivers what is due. Each mail is claimed with FOR UPDATE SKIP LOCKED in a transaction that
 * stays open while the mail goes out and commits `sent_at` after the server accepted it, so several
 * instances draining at once never send the same mail twice, and a crash before the COMMIT leaves it
 * due for the next run (ADR 0020). A failed send is retried later with a growing pause.
 */
export async function deliverPendingMail(db: Kysely<Database>, transport: MailTransport, config: MailTransportConfig, limit = 1000): Promise<number> {
  let delivered = 0;
  for (let i = 0; i < limit; i++) {
    const sent = await db.transaction().execute(async (trx) => {
      const repo = outboxRepository(trx);
      const mail = await repo.claimNext(MAX_ATTEMPTS);
      if (!mail) return null;
      try {
        const info = await transport.transporter.sendMail({
          // The same Message-ID on every try: should a crash fall between the server's acceptance and
          // our COMMIT, the mail goes again after the restart, and mail systems see it is the same one.
          messageId: messageIdOf(mail.id, mail.created_at, config.from),
          from: config.from,
          to: mail.to_address,
          subject: mail.subject,
          text: mail.secret_text_body ?? mail.text_body,
          attachments: mail.attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, content: Buffer.from(a.contentBase64, 'base64') })),
        });
        let deliveredAs: string = info.messageId ?? '';
        if (transport.kind === 'file') {
          const dir = mailDir(config.dataDir);
          await mkdir(dir, { recursive: true });
          deliveredAs = `${String(mail.id).padStart(8, '0')}.eml`;
          // The file is the delivery itself (the mailbox of an installation without SMTP), so it
          // keeps the link; it goes with the row when the retention period ends.
          await writeFile(join(dir, deliveredAs), (info as unknown as { message: Buffer }).message, { mode: 0o600 });
        }
        await repo.markSent(mail.id, mail.attempts + 1, deliveredAs);
        return true;
      } catch (error) {
        const attempts = mail.attempts + 1;
        await repo.markFailed(mail.id, attempts, error instanceof Error ? error.message.slice(0, 500) : 'unknown error', 2 ** mail.attempts, attempts >= MAX_ATTEMPTS);
        return false;
      }
    });
    if (sent === null) break;
    if (sent) delivered++;
  }
  return delivered;
}

/** A Message-ID that stays the same for an outbox row, on every instance and every try. */
export function messageIdOf(id: number, createdAt: Date, from: string): string {
  const domain = /@([A-Za-z0-9.-]+)/.exec(from)?.[1] ?? 'vielfalt-verankern.invalid';
  return `<outbox-${id}-${new Date(createdAt).getTime()}@${domain}>`;
}

function mailDir(dataDir: string): string {
  return join(dataDir, 'mail');
}

/** Removes the .eml files the file transport wrote for mails that are gone from the outbox. */
export async function removeMailFiles(dataDir: string, rows: Array<{ delivered_as: string | null }>): Promise<void> {
  for (const row of rows) {
    // Only names this transport wrote: an SMTP message id is no file, and no name leaves the folder.
    if (!row.delivered_as || !/^\d{8,}\.eml$/.test(row.delivered_as)) continue;
    await rm(join(mailDir(dataDir), row.delivered_as), { force: true });
  }
}

export const DEFAULT_MAIL_RETENTION_DAYS = 30;

/**
 * Forgets sent mail after the retention period: the row and its .eml file. Unsent mail stays,
 * whatever its age, until it is sent or given up. Returns how many mails went.
 */
export async function purgeSentMail(db: Kysely<Database>, options: { dataDir: string; retentionDays: number; now?: Date }): Promise<number> {
  const cutoff = new Date((options.now ?? new Date()).getTime() - options.retentionDays * 24 * 60 * 60 * 1000);
  const purged = await outboxRepository(db).purgeSentBefore(cutoff);
  await removeMailFiles(options.dataDir, purged);
  return purged.length;
}
