/** Public face of the qualification module. */
export { qualificationModule } from './module.ts';
