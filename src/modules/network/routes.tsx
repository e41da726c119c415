import type { ModulePlugin } from '../../platform/module.ts';
import { networkDuplicateRoutes } from './duplicate-routes.tsx';
import { networkExportRoutes } from './export-routes.tsx';
import { networkImportRoutes } from './import-routes.tsx';
import { networkPersonDuplicateRoutes } from './person-duplicate-routes.tsx';
import { networkPublicRoutes } from './public-routes.tsx';
import { networkRelationRoutes } from './relation-routes.tsx';
import { networkWorkspaceRoutes } from './workspace-routes.tsx';

/** The module's routes by area: the public directory, the workspace's organisations, and people, memberships and cooperations. */
export const networkRoutes: ModulePlugin = async (app, options) => {
  await app.register(networkPublicRoutes, options);
  await app.register(networkWorkspaceRoutes, options);
  await app.register(networkRelationRoutes, options);
  await app.register(networkDuplicateRoutes, options);
  await app.register(networkPersonDuplicateRoutes, options);
  await app.register(networkExportRoutes, options);
  await app.register(networkImportRoutes, options);
};
