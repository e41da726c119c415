import type { Kysely } from 'kysely';
import { runStatements } from '../src/platform/db/migrate.ts';

/**
 * A version per town of what its network picture is drawn from (organisations and cooperations),
 * counted up by the database itself in the transaction of every change, whoever makes it (a form,
 * an import, a merge, an event's organisers, a cascade). The app keeps a drawn picture in memory
 * only together with the version it was drawn from, so a changed network is drawn again at once on
 * every instance (docs/benchmark.md, topic network). No foreign key: the counter must not stand in the way of a cascade.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const triggers: string[] = [];
  for (const table of ['network_organisations', 'network_cooperations']) {
    for (const [event, rows] of [
      ['insert', 'new table as changed'],
      ['update', 'new table as changed'],
      ['delete', 'old table as changed'],
    ] as const) {
      triggers.push(`create trigger ${table}_version_${event} after ${event} on ${table} referencing ${rows} for each statement execute function network_count_version()`);
    }
  }
  await runStatements(db, [
    `create table network_versions (
      municipality_id integer primary key,
      version bigint not null default 0
    )`,
    `create or replace function network_count_version() returns trigger language plpgsql as $$
      begin
        insert into network_versions (municipality_id, version)
          select distinct municipality_id, 1 from changed
          order by municipality_id
          on conflict (municipality_id) do update set version = network_versions.version + 1;
        return null;
      end
    $$`,
    ...triggers,
    // The network figures read a town's organisations and cooperations whole; these let them do so from the index alone.
    `create index network_organisations_town_graph_idx on network_organisations (municipality_id, id) include (type, is_public, name)`,
    `create index network_cooperations_town_span_idx on network_cooperations (municipality_id) include (id, organisation_id, partner_id, starts_on, ends_on)`,
  ]);
}
