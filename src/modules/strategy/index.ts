export { strategyModule } from './module.ts';
