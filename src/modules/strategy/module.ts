import type { AppModule } from '../../platform/module.ts';

export const strategyModule: AppModule = {
  name: 'strategy',
  plugin: async () => {},
};
