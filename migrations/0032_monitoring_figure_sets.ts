import type { Kysely } from 'kysely';
import { runStatements } from '../src/platform/db/migrate.ts';

/**
 * The monitoring's summary (ADR 0020): the figures of a period as the dashboards and reports show
 * them, computed by a job for the programme as a whole (`municipality_id` null) and for every
 * participating town, so that a page reads one row instead of counting millions of facts. Each set
 * keeps when it was computed, which the pages print as "Stand".
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `create table monitoring_figure_sets (
      period text not null,
      municipality_id integer references municipalities(id) on delete cascade,
      computed_at timestamptz not null,
      content jsonb not null
    )`,
    `create unique index monitoring_figure_sets_key_idx on monitoring_figure_sets (period, coalesce(municipality_id, 0))`,
  ]);
}
