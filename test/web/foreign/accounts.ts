import type { ForeignCases } from './types.ts';

/**
 * The account routes act on the caller's own account; the one id they take is a session of it.
 * A session id of someone else must answer 404 and leave that session running.
 */
export const cases: ForeignCases = {
  'POST /konto/sitzungen/:id/beenden': {
    as: 'participant',
    request: async (f) => {
      const session = await f.db.selectFrom('sessions').select('id_hash').where('user_id', '=', f.users.office).where('revoked_at', 'is', null).executeTakeFirstOrThrow();
      return { path: `/konto/sitzungen/${session.id_hash}/beenden` };
    },
    snapshot: (f) => f.db.selectFrom('sessions').select(['id_hash', 'revoked_at']).where('user_id', '=', f.users.office).orderBy('id_hash').execute(),
  },
};
