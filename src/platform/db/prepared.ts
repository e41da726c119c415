import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type pg from 'pg';

const MARK = '/* prepared */ ';
/** Where the mark may stand: first, or right after `select` (Kysely's `modifyFront(prepared)`). */
const MARK_WITHIN = 'select '.length;

/**
 * Put first in a statement that runs on many requests and is planned anew each time (a search
 * page), or in a select built with Kysely as `.modifyFront(prepared)`: on PostgreSQL it is then
 * parsed once per connection (a named statement), and after five runs PostgreSQL keeps one plan for
 * all parameters, but only if that generic plan is estimated no dearer than the plans made for each
 * run's values. A LIMIT given as a parameter spoils that (the planner guesses a tenth of the table),
 * so the statement would be planned on every run all the same: give it `steppedLimit`. Only for
 * statements whose text takes a bounded number of forms; beyond NAMED_PER_CONNECTION forms on one
 * connection the others run unnamed. On PGlite it is a comment.
 */
export const prepared = sql.raw(MARK);

/** Named statements one connection keeps at most: each holds its plan in the server process's memory. */
export const NAMED_PER_CONNECTION = 200;

/**
 * A LIMIT for a marked statement: a literal, so that PostgreSQL can keep one generic plan, rounded up
 * to a quarter step of its power of two (51 → 56, 101 → 112), so that the statement's text takes at
 * most four forms per doubling while reading at most a quarter more rows. The statement may return
 * more rows than asked for: the caller keeps the first `rows`.
 */
export function steppedLimit(rows: number) {
  const wanted = Math.max(1, Math.ceil(rows));
  const step = wanted <= 4 ? 1 : 2 ** (Math.floor(Math.log2(wanted - 1)) - 2);
  return sql.lit(Math.ceil(wanted / step) * step);
}

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
      if (names.size >= NAMED_PER_CONNECTION) return query(config, values, callback);
      name = `vv_${createHash('sha256').update(config).digest('base64url').slice(0, 40)}`;
      names.set(config, name);
    }
    return query({ name, text: config, values }, callback);
  };
}
