import type { Kysely } from 'kysely';
import { runStatements } from '../src/platform/db/migrate.ts';

/**
 * A good-practice example names the measures it belongs to and the events where it ran. The
 * toolkit keeps the link, the strategy and events modules keep their objects (no foreign key
 * across modules: the service checks that each named id belongs to the example's town).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `create table toolkit_example_links (
      example_id integer not null references toolkit_examples(id) on delete cascade,
      kind text not null check (kind in ('measure', 'event')),
      object_id integer not null,
      primary key (example_id, kind, object_id)
    )`,
    `create index toolkit_example_links_object_idx on toolkit_example_links (kind, object_id)`,
    `create index toolkit_method_uses_method_idx on toolkit_method_uses (method_id, kind)`,
  ]);
}
