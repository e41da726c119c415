/** Public face of the budget module: the module (its facts F1/F2 are in the manifest). */
export { budgetModule } from './module.ts';
export { COST_CATEGORIES, type CostCategory } from './tables.ts';
