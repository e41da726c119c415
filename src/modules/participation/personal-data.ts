import type { PersonalDataHandler } from '../../platform/privacy/registry.ts';

/** Proposals and comments stay after deletion under "gelöschtes Konto"; supports are personal and go. */
export const participationPersonalData: PersonalDataHandler = {
  name: 'participation',
  async exportFor(db, userId) {
    const [proposals, comments, supports] = await Promise.all([
      db.selectFrom('proposals').select(['id', 'title', 'body', 'status', 'created_at']).where('author_user_id', '=', userId).orderBy('id').execute(),
      db.selectFrom('proposal_comments').select(['id', 'proposal_id', 'body', 'created_at']).where('author_user_id', '=', userId).orderBy('id').execute(),
      db.selectFrom('proposal_supports').select(['proposal_id', 'created_at']).where('user_id', '=', userId).orderBy('proposal_id').execute(),
    ]);
    return { proposals, comments, supports };
  },
  async anonymise() {
    // Texts stay with the anonymised account; supports remain counted (one per person, the person is gone).
  },
};
