/** Public face of the strategy module: the module itself and the summary the municipality page shows. */
export { strategyModule } from './module.tsx';
export { can as canForStrategy } from './policy.ts';
export { MEASURE_STATUSES } from './statuses.ts';
export { type StrategySummary, strategySummary } from './summary.ts';
export { StrategySummaryView } from './views/summary.tsx';
