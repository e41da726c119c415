import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { rateLimitRepository } from './rate-limit-repository.ts';

type Callback = (error: Error | null, result?: { current: number; ttl: number }) => void;

/**
 * A store for @fastify/rate-limit that keeps its counters in the database, so that several app
 * instances share one limit per address.
 */
export function databaseRateLimitStore(db: Kysely<Database>) {
  const repo = rateLimitRepository(db);
  return class DatabaseRateLimitStore {
    constructor(private readonly prefix = 'global') {}

    incr(key: string, callback: Callback, timeWindow: number): void {
      repo
        .hit(`${this.prefix}:${key}`, timeWindow)
        .then(({ hits, ttlMs }) => callback(null, { current: hits, ttl: ttlMs }))
        .catch((error: Error) => callback(error));
    }

    child(routeOptions: { routeInfo?: { method?: string; url?: string } }) {
      const route = routeOptions.routeInfo ? `${routeOptions.routeInfo.method} ${routeOptions.routeInfo.url}` : 'route';
      return new DatabaseRateLimitStore(route);
    }
  };
}
