import type { Kysely } from 'kysely';
import { runStatements } from '../src/platform/db/migrate.ts';

/**
 * The event lists from a day on (the public list starts today): an event that ends on or after
 * that day started at most the longest event's length before it, so the list walks its start
 * index from there instead of over every past event (10,145 at Land scale), and counts the
 * listed events from an index that carries their end and the filters (index-only, instead of
 * reading the table).
 * The longest length is the maximum of an expression index: one index entry.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `create index events_listed_idx on events (starts_at, id) include (ends_at, municipality_id, format, languages, accessibility) where published and cohort_id is null`,
    `create index events_length_idx on events ((ends_at - starts_at)) where cohort_id is null`,
  ]);
}
