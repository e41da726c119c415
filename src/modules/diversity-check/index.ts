/** Public face of the Vielfalts-Check: the module (its facts are in the manifest). */
export { diversityCheckModule } from './module.ts';
export { DIMENSIONS, type Dimension } from './tables.ts';
