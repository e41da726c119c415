import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import { belongsToTown } from './policy.ts';
import { strategyRepository } from './repository.ts';

/** Public face of the strategy module: the module itself, the summary the municipality page shows, and what other modules may read of a town's strategy. */
export { strategyModule } from './module.tsx';
export { can as canForStrategy } from './policy.ts';
export { isMeasureStatus, MEASURE_STATUSES, type MeasureStatus } from './tables.ts';
export { type StrategySummary, strategySummary } from './summary.ts';
export { StrategySummaryView } from './views/summary.tsx';

/** Measures of a municipality for choice lists in other modules (e.g. linking a proposal to what became of it). */
export function measureOptions(db: Kysely<Database>, municipalityId: number) {
  return strategyRepository(db).measureOptions(municipalityId);
}

/**
 * The named measures (id, title, status, by title) that belong to the town; ids of other towns or
 * of no measure drop out, so `result.length === ids.length` tells whether every id is the town's.
 */
export function measuresOfTown(db: Kysely<Database>, municipalityId: number, ids: number[]) {
  return strategyRepository(db).measuresOfTown(municipalityId, [...new Set(ids)]);
}

/** A town's fields of action (id, name) in their order, for choice lists in other modules. */
export function fieldOptions(db: Kysely<Database>, municipalityId: number) {
  return strategyRepository(db)
    .fields(municipalityId)
    .then((rows) => rows.map((f) => ({ id: f.id, name: f.name })));
}

/** Whether a field of action belongs to the town: a record of the town may only name one of its own fields. */
export async function fieldBelongsToTown(db: Kysely<Database>, municipalityId: number, fieldId: number): Promise<boolean> {
  return belongsToTown(await strategyRepository(db).field(fieldId), { id: municipalityId });
}

/** Names of a town's fields of action by id (all of them, or the given ids), to show a record's field without joining the module's tables. */
export function fieldNames(db: Kysely<Database>, municipalityId: number, ids?: number[]): Promise<Map<number, string>> {
  return strategyRepository(db).fieldNames(municipalityId, ids ? [...new Set(ids)] : undefined);
}
export { fieldsByIds, fieldsOfTown, measuresByIds } from './lookup-repository.ts';
