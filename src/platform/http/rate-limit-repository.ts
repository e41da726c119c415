import type { Kysely, Transaction } from 'kysely';
import { sql } from 'kysely';
import type { Database } from '../db/schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * Counters in the `rate_limits` table, shared by every app instance: the address limits of
 * @fastify/rate-limit and the per-account limits of login and password reset.
 */
export function rateLimitRepository(db: Db) {
  return {
    /** Counts one hit in the key's window (a new window once the old one is over) and returns the count and the time left. */
    async hit(key: string, windowMs: number): Promise<{ hits: number; ttlMs: number }> {
      // Without waiting for the disk (synchronous_commit off for this statement's transaction): a
      // count lost in a crash costs nothing, but every counted request of one address would otherwise
      // wait for the flush of the one before it, which holds the row.
      const result = await sql<{ hits: number; ttl_ms: number }>`
        insert into rate_limits (key, hits, expires_at)
        select ${key}, 1, now() + make_interval(secs => ${windowMs / 1000})
        from (select set_config('synchronous_commit', 'off', true)) as without_flush
        on conflict (key) do update set
          hits = case when rate_limits.expires_at <= now() then 1 else rate_limits.hits + 1 end,
          expires_at = case when rate_limits.expires_at <= now() then excluded.expires_at else rate_limits.expires_at end
        returning hits, (extract(epoch from (expires_at - now())) * 1000)::integer as ttl_ms`.execute(db);
      const row = result.rows[0];
      return { hits: row?.hits ?? 1, ttlMs: Math.max(0, row?.ttl_ms ?? windowMs) };
    },

    /** The hits of a window that is still running (0 when there is none). */
    async current(key: string): Promise<number> {
      const row = await db.selectFrom('rate_limits').select('hits').where('key', '=', key).where('expires_at', '>', new Date()).executeTakeFirst();
      return row?.hits ?? 0;
    },

    async clear(key: string): Promise<void> {
      await db.deleteFrom('rate_limits').where('key', '=', key).execute();
    },

    /** Windows that are over count nothing any more; without this the table would keep one row per address ever seen. */
    async deleteExpired(): Promise<number> {
      const result = await db.deleteFrom('rate_limits').where('expires_at', '<=', new Date()).executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}
