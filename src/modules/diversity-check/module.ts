import type { AppModule, ModulePlugin } from '../../platform/module.ts';
import { DIVERSITY_CHECK_AUDIT_ACTIONS } from './audit-actions.ts';
import { seedDiversityCheckDemo } from './demo.ts';
import { DIVERSITY_CHECK_FACTS } from './facts-repository.ts';
import { diversityCheckOfficeRoutes } from './office-routes.tsx';
import { diversityCheckTownRoutes } from './routes.tsx';
import { ensureFirstVersion } from './service.ts';

const plugin: ModulePlugin = async (app, options) => {
  await app.register(diversityCheckTownRoutes, options);
  await app.register(diversityCheckOfficeRoutes, options);
};

export const diversityCheckModule: AppModule = {
  name: 'diversity-check',
  plugin,
  auditActions: DIVERSITY_CHECK_AUDIT_ACTIONS,
  messages: { public: [], staff: ['diversity_check.'] },
  facts: DIVERSITY_CHECK_FACTS,
  seedReference: ({ services }) => ensureFirstVersion(services.db),
  seedDemo: seedDiversityCheckDemo,
};
