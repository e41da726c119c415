/** Public face of the strategy module: the module itself and the summary the municipality page shows. */
export { strategyModule } from './module.tsx';
export { can as canForStrategy } from './policy.ts';
export { MEASURE_STATUSES } from './statuses.ts';
export { type StrategySummary, strategySummary } from './summary.ts';
export { StrategySummaryView } from './views/summary.tsx';

/** Measures of a municipality for choice lists in other modules (e.g. linking a proposal to what became of it). */
export function measureOptions(db: import('kysely').Kysely<import('../../platform/db/schema.ts').Database>, municipalityId: number) {
  return db.selectFrom('measures').select(['id', 'title', 'status']).where('municipality_id', '=', municipalityId).orderBy('title').execute();
}
