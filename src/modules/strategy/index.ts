import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import { strategyRepository } from './repository.ts';

/** Public face of the strategy module: the module itself and the summary the municipality page shows. */
export { strategyModule } from './module.tsx';
export { can as canForStrategy } from './policy.ts';
export { MEASURE_STATUSES } from './statuses.ts';
export { type StrategySummary, strategySummary } from './summary.ts';
export { StrategySummaryView } from './views/summary.tsx';

/** Measures of a municipality for choice lists in other modules (e.g. linking a proposal to what became of it). */
export function measureOptions(db: Kysely<Database>, municipalityId: number) {
  return strategyRepository(db).measureOptions(municipalityId);
}

/** A town's fields of action (id, name) in their order, for choice lists in other modules. */
export function fieldOptions(db: Kysely<Database>, municipalityId: number) {
  return strategyRepository(db)
    .fields(municipalityId)
    .then((rows) => rows.map((f) => ({ id: f.id, name: f.name })));
}
export { fieldsByIds, fieldsOfTown, measuresByIds, measuresOfTown } from './lookup-repository.ts';
