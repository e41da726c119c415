import type { Kysely, Transaction } from 'kysely';
import { notificationRepository } from './notification-repository.ts';
import type { Database } from '../../platform/db/schema.ts';
import { NOTIFICATION_MODES } from './tables.ts';
import { createTranslator, isLocale } from '../../platform/i18n/catalog.ts';
import { enqueueMail } from '../../platform/mail/outbox.ts';

export { NOTIFICATION_MODES };
export { notificationRepository };
export const DIGEST_JOB = 'participation-digest';

/**
 * Tells followers what happened, in the same transaction as the change: at once as a mail in the
 * outbox, or collected for the daily digest, as each person chose in /konto.
 */
export async function notifyFollowers(
  trx: Transaction<Database>,
  options: { proposalId: number; processId: number; exceptUserId: number | null; key: 'answer' | 'comment'; params: Record<string, string>; url: string },
): Promise<number> {
  const recipients = await notificationRepository(trx).followers(options.proposalId, options.processId);
  let queued = 0;
  for (const person of recipients) {
    if (person.id === options.exceptUserId || !person.email) continue;
    const mode = person.mode ?? 'immediate';
    if (mode === 'off') continue;
    const t = createTranslator(isLocale(person.locale) ? person.locale : 'de');
    const line = t(`participation.notify.${options.key}.line`, { ...options.params, url: options.url });
    if (mode === 'daily') {
      await notificationRepository(trx).queueForDigest(person.id, line);
    } else {
      await enqueueMail(trx, { to: person.email, subject: t(`participation.notify.${options.key}.subject`, options.params), text: `${line}\n\n${t('participation.notify.footer')}` });
      queued++;
    }
  }
  return queued;
}

/** The daily digest: one mail per person with everything collected since the last one. */
export async function sendDigests(db: Kysely<Database>, baseUrl: string): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const pending = await notificationRepository(trx).pendingForDigest();
    const byUser = new Map<number, typeof pending>();
    for (const row of pending) byUser.set(row.user_id, [...(byUser.get(row.user_id) ?? []), row]);
    for (const rows of byUser.values()) {
      const first = rows[0];
      if (!first?.email) continue;
      const t = createTranslator(isLocale(first.locale) ? first.locale : 'de');
      await enqueueMail(trx, {
        to: first.email,
        subject: t('participation.notify.digest.subject', { count: rows.length }),
        text: `${rows.map((r) => `– ${r.text}`).join('\n\n')}\n\n${t('participation.notify.footer')}\n${baseUrl}/konto`,
      });
    }
    if (pending.length) await notificationRepository(trx).markSent(pending.map((p) => p.id));
    return byUser.size;
  });
}
