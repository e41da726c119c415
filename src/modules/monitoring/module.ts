import { isFunder, isProgrammeOffice } from '../../platform/access/actor.ts';
import type { AppModule } from '../../platform/module.ts';
import { monitoringRoutes } from './routes.tsx';

export const monitoringModule: AppModule = {
  name: 'monitoring',
  plugin: monitoringRoutes,
  messages: { public: [], staff: ['monitoring.'] },
  staffAreas: ['/monitoring'],
  navigation: [{ href: '/monitoring', labelKey: 'monitoring.nav', visible: (actor) => isProgrammeOffice(actor) || isFunder(actor) }],
};
