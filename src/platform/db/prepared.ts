import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type pg from 'pg';

const MARK = '/* prepared */ ';
/** Where the mark may stand: first, or right after `select` (Kysely's `modifyFront(prepared)`). */
const MARK_WITHIN = 'select '.length;

/**
 * Put first in a statement that runs on many requests and is planned anew each time (a search
 * page), or in a select built with Kysely as `.modifyFront(prepared)`: on PostgreSQL it is then parsed and planned once per connection and its plan kept (a named
 * statement; after five runs PostgreSQL may keep one plan for all parameters). Only for statements
 * whose text takes a bounded number of forms: each form is kept on each connection. On PGlite it
 * is a comment.
 */
export const prepared = sql.raw(MARK);

type Query = (...args: unknown[]) => unknown;

/** Makes a pool's connection run marked statements as named ones, named by their text. */
export function prepareMarkedStatements(client: pg.PoolClient): void {
  const query = client.query.bind(client) as Query;
  const names = new Map<string, string>();
  (client as unknown as { query: Query }).query = (config: unknown, values?: unknown, callback?: unknown) => {
    if (typeof config !== 'string' || typeof values === 'function') return query(config, values, callback);
    const at = config.indexOf(MARK);
    if (at < 0 || at > MARK_WITHIN) return query(config, values, callback);
    let name = names.get(config);
    if (!name) {
      name = `vv_${createHash('sha256').update(config).digest('base64url').slice(0, 40)}`;
      names.set(config, name);
    }
    return query({ name, text: config, values }, callback);
  };
}
