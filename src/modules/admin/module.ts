import type { AppModule } from '../../platform/module.ts';

export const adminModule: AppModule = {
  name: 'admin',
  plugin: async () => {},
};
