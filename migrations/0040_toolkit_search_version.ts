import type { Kysely } from 'kysely';
import { runStatements } from '../src/platform/db/migrate.ts';

/**
 * A version of what the toolkit search's facet counts are made of: every statement that adds,
 * removes or changes a published card's filters, texts or town (or a town's name or key) counts it
 * up in the same transaction. An instance keeps the counts of a search with the version they were
 * counted at and counts anew when the version it reads with the page differs (ADR 0022); the
 * cards' use counts, written with every link, leave it alone.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `create table toolkit_search_state (
      singleton boolean primary key default true check (singleton),
      version bigint not null default 1
    )`,
    `insert into toolkit_search_state (singleton, version) values (true, 1)`,
    `create function toolkit_search_changed() returns trigger language plpgsql as $$
      begin
        update toolkit_search_state set version = version + 1;
        return null;
      end $$`,
    `create trigger toolkit_methods_search_changed
      after insert or delete or update of status, title, summary, goal, steps, format, duration, group_size, fields_of_action, target_groups, municipality_id, search
      on toolkit_methods for each statement execute function toolkit_search_changed()`,
    `create trigger toolkit_methods_search_truncated after truncate on toolkit_methods for each statement execute function toolkit_search_changed()`,
    `create trigger municipalities_toolkit_search_changed
      after update of name, ags on municipalities for each statement execute function toolkit_search_changed()`,
  ]);
}
