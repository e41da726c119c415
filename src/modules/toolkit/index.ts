/** Public face of the toolkit module: the module itself and the lists other modules may offer. */
export { toolkitModule } from './module.ts';
export { can as canForToolkit } from './policy.ts';
export { DURATIONS, FIELDS, FORMATS, GROUP_SIZES, TARGET_GROUPS } from './tables.ts';
