import type { ModulePlugin } from '../../platform/module.ts';
import { toolkitOfficeRoutes } from './office-routes.tsx';
import { toolkitPublicRoutes } from './public-routes.tsx';
import { toolkitWorkspaceRoutes } from './workspace-routes.tsx';

/** The module's routes by area: the public toolkit, the town's workspace, the office's review. */
export const toolkitRoutes: ModulePlugin = async (app, options) => {
  await app.register(toolkitPublicRoutes, options);
  await app.register(toolkitWorkspaceRoutes, options);
  await app.register(toolkitOfficeRoutes, options);
};
