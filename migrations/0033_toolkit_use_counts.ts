import type { Kysely } from 'kysely';
import { runStatements } from '../src/platform/db/migrate.ts';

/**
 * How often a method card was used, kept on the card (written with the links, like a proposal's
 * support count), so that the toolkit search sorts by use without counting the link table on every
 * request; and the last-change indexes the read API's Last-Modified of proposals needs (max over
 * all proposals, or one town's, instead of a scan of every proposal on each request).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `alter table toolkit_methods add column use_towns integer not null default 0, add column use_count integer not null default 0`,
    `update toolkit_methods m set use_towns = u.towns, use_count = u.uses
      from (select method_id, count(distinct municipality_id) as towns, count(*) as uses from toolkit_method_uses where kind <> 'example' group by method_id) u
      where u.method_id = m.id`,
    `create index toolkit_methods_popular_idx on toolkit_methods (use_towns desc, use_count desc) where status = 'published'`,
    `create index proposals_updated_idx on proposals (updated_at)`,
    `create index proposals_town_updated_idx on proposals (municipality_id, updated_at)`,
  ]);
}
