/** Public face of the monitoring module: indicators, dashboards, participant statistics and period reports over the facts the modules declare. */
export { monitoringModule } from './module.ts';
export { parsePeriod, type Period } from './periods.ts';
export { type PublicIndicatorValue, publicIndicatorValues, publicValuesModified } from './public-values.ts';
