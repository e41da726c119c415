import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** What the accounts keep only for a while: sessions and the links sent by e-mail. */
export function accountRetentionRepository(db: Db) {
  return {
    async deleteSessionsEndedBefore(cutoff: Date): Promise<number> {
      const result = await db
        .deleteFrom('sessions')
        .where((eb) => eb.or([eb('expires_at', '<', cutoff), eb('revoked_at', '<', cutoff)]))
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },

    async deleteTokensEndedBefore(cutoff: Date): Promise<number> {
      const result = await db
        .deleteFrom('auth_tokens')
        .where((eb) => eb.or([eb('expires_at', '<', cutoff), eb('used_at', '<', cutoff)]))
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}
