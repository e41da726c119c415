/** Public face of the qualification module. */
export { qualificationModule } from './module.ts';
export { programmeModulesByIds } from './lookup-repository.ts';
