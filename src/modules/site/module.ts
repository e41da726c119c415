import type { AppModule } from '../../platform/module.ts';
import { siteRoutes } from './routes.tsx';

/** The public face: home page with the map, legal pages, sources and the open data description. */
export const siteModule: AppModule = {
  name: 'site',
  plugin: siteRoutes,
  messages: { public: ['site.'] },
  navigation: [{ href: '/', labelKey: 'site.nav.home' }],
};
