import type { Kysely } from 'kysely';
import { runStatements } from '../src/platform/db/migrate.ts';

/**
 * The monitoring's summary also keeps the figures of each Regierungsbezirk and Kreis (ADR 0020):
 * `area` is the level's code (`rb:…`, `kreis:…`) for those rows, empty for the programme and the
 * towns as before. Distinct persons of a county are not the sum of its towns, so each area is a
 * set of its own.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `alter table monitoring_figure_sets add column area text not null default ''`,
    `drop index monitoring_figure_sets_key_idx`,
    `create unique index monitoring_figure_sets_key_idx on monitoring_figure_sets (period, area, coalesce(municipality_id, 0))`,
  ]);
}
