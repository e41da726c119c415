import type { PersonalDataHandler } from '../../platform/privacy/registry.ts';

/** Proposals and comments stay after deletion under "gelöschtes Konto"; supports are personal and go. */
export const participationPersonalData: PersonalDataHandler = {
  name: 'participation',
  async exportFor(db, userId) {
    const [proposals, comments, supports, follows, preference] = await Promise.all([
      db.selectFrom('proposals').select(['id', 'title', 'body', 'status', 'created_at']).where('author_user_id', '=', userId).orderBy('id').execute(),
      db.selectFrom('proposal_comments').select(['id', 'proposal_id', 'body', 'created_at']).where('author_user_id', '=', userId).orderBy('id').execute(),
      db.selectFrom('proposal_supports').select(['proposal_id', 'created_at']).where('user_id', '=', userId).orderBy('proposal_id').execute(),
      db.selectFrom('proposal_follows').select(['proposal_id', 'created_at']).where('user_id', '=', userId).execute(),
      db.selectFrom('notification_preferences').select('mode').where('user_id', '=', userId).executeTakeFirst(),
    ]);
    return { proposals, comments, supports, follows, notificationMode: preference?.mode ?? 'immediate' };
  },
  async anonymise(trx, userId) {
    // Texts stay with the anonymised account and supports stay counted; nobody is written to any more.
    await trx.deleteFrom('proposal_follows').where('user_id', '=', userId).execute();
    await trx.deleteFrom('process_follows').where('user_id', '=', userId).execute();
    await trx.deleteFrom('pending_notifications').where('user_id', '=', userId).execute();
  },
};
