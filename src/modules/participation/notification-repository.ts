import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import type { NotificationMode } from './tables.ts';

type Db = Kysely<Database> | Transaction<Database>;

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
    queueForDigest(userId: number, text: string) {
      return db.insertInto('pending_notifications').values({ user_id: userId, text, sent_at: null }).execute();
    },
    /** Unsent digest lines, locked so that two runs do not send the same line twice. */
    pendingForDigest() {
      return db
        .selectFrom('pending_notifications as n')
        .innerJoin('users as u', 'u.id', 'n.user_id')
        .select(['n.id', 'n.user_id', 'n.text', 'u.email', 'u.locale'])
        .where('n.sent_at', 'is', null)
        .orderBy('n.user_id')
        .orderBy('n.id')
        .forUpdate('n')
        .skipLocked()
        .execute();
    },
    markSent(ids: number[]) {
      return db.updateTable('pending_notifications').set({ sent_at: new Date() }).where('id', 'in', ids).execute();
    },
  };
}
