import type { ModulePlugin } from '../../platform/module.ts';
import { examplePublicRoutes } from './example-public-routes.tsx';
import { exampleRoutes } from './example-routes.tsx';
import { toolkitOfficeRoutes } from './office-routes.tsx';
import { toolkitPublicRoutes } from './public-routes.tsx';
import { toolkitWorkspaceRoutes } from './workspace-routes.tsx';

/** The module's routes by area: the public toolkit, the town's workspace, the office's review; good-practice examples. */
export const toolkitRoutes: ModulePlugin = async (app, options) => {
  await app.register(toolkitPublicRoutes, options);
  await app.register(toolkitWorkspaceRoutes, options);
  await app.register(toolkitOfficeRoutes, options);
  await app.register(examplePublicRoutes, options);
  await app.register(exampleRoutes, options);
};
