import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import type { NotificationMode } from './tables.ts';
import { createTranslator, isLocale } from '../../platform/i18n/catalog.ts';
import { enqueueMail } from '../../platform/mail/outbox.ts';

type Db = Kysely<Database> | Transaction<Database>;

export const NOTIFICATION_MODES: readonly NotificationMode[] = ['immediate', 'daily', 'off'];
export const DIGEST_JOB = 'participation-digest';

export function notificationRepository(db: Db) {
  return {
    mode(userId: number) {
      return db
        .selectFrom('notification_preferences')
        .select('mode')
        .where('user_id', '=', userId)
        .executeTakeFirst()
        .then((r) => r?.mode ?? 'immediate');
    },
    setMode(userId: number, mode: NotificationMode) {
      return db
        .insertInto('notification_preferences')
        .values({ user_id: userId, mode })
        .onConflict((oc) => oc.column('user_id').doUpdateSet({ mode }))
        .execute();
    },
    followsProposal(userId: number, proposalId: number) {
      return db.selectFrom('proposal_follows').select('user_id').where('user_id', '=', userId).where('proposal_id', '=', proposalId).executeTakeFirst().then(Boolean);
    },
    followsProcess(userId: number, processId: number) {
      return db.selectFrom('process_follows').select('user_id').where('user_id', '=', userId).where('process_id', '=', processId).executeTakeFirst().then(Boolean);
    },
    followProposal(userId: number, proposalId: number) {
      return db
        .insertInto('proposal_follows')
        .values({ user_id: userId, proposal_id: proposalId })
        .onConflict((oc) => oc.doNothing())
        .execute();
    },
    unfollowProposal(userId: number, proposalId: number) {
      return db.deleteFrom('proposal_follows').where('user_id', '=', userId).where('proposal_id', '=', proposalId).execute();
    },
    followProcess(userId: number, processId: number) {
      return db
        .insertInto('process_follows')
        .values({ user_id: userId, process_id: processId })
        .onConflict((oc) => oc.doNothing())
        .execute();
    },
    unfollowProcess(userId: number, processId: number) {
      return db.deleteFrom('process_follows').where('user_id', '=', userId).where('process_id', '=', processId).execute();
    },
    /** Followers of a proposal and of its process, with what is needed to write to them; one query. */
    followers(proposalId: number, processId: number) {
      return db
        .selectFrom('users as u')
        .leftJoin('notification_preferences as np', 'np.user_id', 'u.id')
        .select(['u.id', 'u.email', 'u.locale', 'np.mode'])
        .where('u.deleted_at', 'is', null)
        .where('u.email', 'is not', null)
        .where((eb) =>
          eb.or([
            eb.exists(eb.selectFrom('proposal_follows as f').select('f.user_id').whereRef('f.user_id', '=', 'u.id').where('f.proposal_id', '=', proposalId)),
            eb.exists(eb.selectFrom('process_follows as pf').select('pf.user_id').whereRef('pf.user_id', '=', 'u.id').where('pf.process_id', '=', processId)),
          ]),
        )
        .execute();
    },
  };
}

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
      await trx.insertInto('pending_notifications').values({ user_id: person.id, text: line, sent_at: null }).execute();
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
    const pending = await trx
      .selectFrom('pending_notifications as n')
      .innerJoin('users as u', 'u.id', 'n.user_id')
      .select(['n.id', 'n.user_id', 'n.text', 'u.email', 'u.locale'])
      .where('n.sent_at', 'is', null)
      .orderBy('n.user_id')
      .orderBy('n.id')
      .forUpdate('n')
      .skipLocked()
      .execute();
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
    if (pending.length) {
      await trx
        .updateTable('pending_notifications')
        .set({ sent_at: new Date() })
        .where(
          'id',
          'in',
          pending.map((p) => p.id),
        )
        .execute();
    }
    return byUser.size;
  });
}
