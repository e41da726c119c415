/** Public face of the events module. */
export { eventsModule } from './module.tsx';
