/** Public face of the participation module: processes, proposals, supports, comments and answers. */
export { participationModule } from './module.tsx';
