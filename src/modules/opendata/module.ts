import type { AppModule } from '../../platform/module.ts';
import { BULK_JOB, buildBulk } from './bulk.ts';
import { indicatorValuesCollection } from './indicator-values.ts';
import { openDataRoutes } from './routes.ts';

/**
 * Open data: the collections other modules declare in their manifests (`openData`) as CSV and JSON
 * files, the read API /api/v1 with its OpenAPI document, the DCAT-AP.de catalogue and the bulk ZIP.
 * It reads no table itself; its one collection of its own, the public indicator values, it asks the
 * monitoring module for (monitoring's index.ts), which keeps the suppression.
 */
export const openDataModule: AppModule = {
  name: 'opendata',
  plugin: openDataRoutes,
  openData: [indicatorValuesCollection],
  messages: { public: ['opendata.'] },
  jobs: (services) => [{ name: BULK_JOB, cron: '23 2 * * *', handler: async () => void (await buildBulk(services)) }],
};
