import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** What participation keeps about one person, for the export and for deleting the account. */
export function personalDataRepository(db: Db) {
  return {
    async exportFor(userId: number) {
      const [proposals, comments, supports, follows, preference] = await Promise.all([
        db.selectFrom('proposals').select(['id', 'title', 'body', 'status', 'created_at']).where('author_user_id', '=', userId).orderBy('id').execute(),
        db.selectFrom('proposal_comments').select(['id', 'proposal_id', 'body', 'created_at']).where('author_user_id', '=', userId).orderBy('id').execute(),
        db.selectFrom('proposal_supports').select(['proposal_id', 'created_at']).where('user_id', '=', userId).orderBy('proposal_id').execute(),
        db.selectFrom('proposal_follows').select(['proposal_id', 'created_at']).where('user_id', '=', userId).execute(),
        db.selectFrom('notification_preferences').select('mode').where('user_id', '=', userId).executeTakeFirst(),
      ]);
      return { proposals, comments, supports, follows, notificationMode: preference?.mode ?? 'immediate' };
    },
    async anonymise(userId: number) {
      await db.deleteFrom('proposal_follows').where('user_id', '=', userId).execute();
      await db.deleteFrom('process_follows').where('user_id', '=', userId).execute();
      await db.deleteFrom('pending_notifications').where('user_id', '=', userId).execute();
      // The file records go, and with them (on delete cascade) the images of the person's proposals.
      await db
        .deleteFrom('files')
        .where('id', 'in', (eb) => eb.selectFrom('proposal_images as i').innerJoin('proposals as p', 'p.id', 'i.proposal_id').select('i.file_id').where('p.author_user_id', '=', userId))
        .execute();
    },
  };
}
