import type { AppModule } from '../../platform/module.ts';

export const siteModule: AppModule = {
  name: 'site',
  plugin: async () => {},
};
