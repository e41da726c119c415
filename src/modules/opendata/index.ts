/** Public face of the open-data module. */
export { openDataModule } from './module.ts';
export { buildBulk, bulkInfo } from './bulk.ts';
