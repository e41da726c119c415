import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { Database } from '../db/schema.ts';

type Callback = (error: Error | null, result?: { current: number; ttl: number }) => void;

/**
 * A store for @fastify/rate-limit that keeps its counters in the database, so that several app
 * instances share one limit per address.
 */
export function databaseRateLimitStore(db: Kysely<Database>) {
  return class DatabaseRateLimitStore {
    constructor(private readonly prefix = 'global') {}

    incr(key: string, callback: Callback, timeWindow: number): void {
      const fullKey = `${this.prefix}:${key}`;
      sql<{ hits: number; ttl_ms: number }>`
        insert into rate_limits (key, hits, expires_at)
        values (${fullKey}, 1, now() + make_interval(secs => ${timeWindow / 1000}))
        on conflict (key) do update set
          hits = case when rate_limits.expires_at <= now() then 1 else rate_limits.hits + 1 end,
          expires_at = case when rate_limits.expires_at <= now() then excluded.expires_at else rate_limits.expires_at end
        returning hits, (extract(epoch from (expires_at - now())) * 1000)::integer as ttl_ms`
        .execute(db)
        .then((result) => {
          const row = result.rows[0];
          callback(null, { current: row?.hits ?? 1, ttl: Math.max(0, row?.ttl_ms ?? timeWindow) });
        })
        .catch((error: Error) => callback(error));
    }

    child(routeOptions: { routeInfo?: { method?: string; url?: string } }) {
      const route = routeOptions.routeInfo ? `${routeOptions.routeInfo.method} ${routeOptions.routeInfo.url}` : 'route';
      return new DatabaseRateLimitStore(route);
    }
  };
}
