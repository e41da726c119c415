import type { Kysely } from 'kysely';
import { runStatements } from '../src/platform/db/migrate.ts';

/**
 * A second version next to the toolkit search's (migration 0040), counted up by every statement
 * that writes the cards' use counts. A page of search results shows the counts ("used in 3 towns")
 * and, in the popular order, is sorted by them; an instance keeps a page with both versions and
 * shows it again only while both are unchanged (ADR 0022). Kept apart from the first version so
 * that a new use does not make every search count its facets again.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `alter table toolkit_search_state add column uses_version bigint not null default 1`,
    `create function toolkit_search_uses_changed() returns trigger language plpgsql as $$
      begin
        update toolkit_search_state set uses_version = uses_version + 1;
        return null;
      end $$`,
    `create trigger toolkit_methods_search_uses_changed
      after update of use_towns, use_count on toolkit_methods for each statement execute function toolkit_search_uses_changed()`,
  ]);
}
