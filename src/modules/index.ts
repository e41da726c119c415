import type { AppModule } from '../platform/module.ts';

/** Every domain module, in the order their navigation entries and demo data come. */
export const modules: AppModule[] = [];
