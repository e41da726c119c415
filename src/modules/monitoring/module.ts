import { isFunder, isProgrammeOffice } from '../../platform/access/actor.ts';
import type { AppModule } from '../../platform/module.ts';
import { MONITORING_AUDIT_ACTIONS } from './audit-actions.ts';
import { CATALOGUE_AUDIT_ACTIONS } from './catalogue-audit-actions.ts';
import { monitoringCatalogueRoutes } from './catalogue-routes.tsx';
import { monitoringDefinitionRoutes } from './definitions-routes.tsx';
import { FIGURES_JOB, FIGURES_NIGHTLY_JOB, refreshFigures } from './figure-store.ts';
import { monitoringMapRoutes } from './map-routes.tsx';
import { REPORT_AUDIT_ACTIONS } from './report-audit-actions.ts';
import { seedReportDemo } from './report-demo.ts';
import { monitoringReportExportRoutes } from './report-export-routes.ts';
import { monitoringReportRoutes } from './report-routes.tsx';
import { monitoringTownReportRoutes } from './report-town-routes.tsx';
import { monitoringRoutes } from './routes.tsx';

export const monitoringModule: AppModule = {
  name: 'monitoring',
  plugin: async (app, options) => {
    await app.register(monitoringRoutes, options);
    await app.register(monitoringReportRoutes, options);
    await app.register(monitoringTownReportRoutes, options);
    await app.register(monitoringReportExportRoutes, options);
    await app.register(monitoringDefinitionRoutes, options);
    await app.register(monitoringCatalogueRoutes, options);
    await app.register(monitoringMapRoutes, options);
  },
  auditActions: [...MONITORING_AUDIT_ACTIONS, ...REPORT_AUDIT_ACTIONS, ...CATALOGUE_AUDIT_ACTIONS],
  messages: { public: [], staff: ['monitoring.'] },
  staffAreas: ['/monitoring'],
  seedDemo: seedReportDemo,
  // the summary of the figures (ADR 0020): the periods that contain today every hour, all of them every night
  jobs: (services) => [
    { name: FIGURES_JOB, cron: '7 * * * *', handler: async () => void (await refreshFigures(services, 'current')) },
    { name: FIGURES_NIGHTLY_JOB, cron: '37 1 * * *', handler: async () => void (await refreshFigures(services, 'all')) },
  ],
  navigation: [{ href: '/monitoring', labelKey: 'monitoring.nav', visible: (actor) => isProgrammeOffice(actor) || isFunder(actor) }],
};
