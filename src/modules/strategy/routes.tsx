import type { ModulePlugin } from '../../platform/module.ts';
import { strategyFieldRoutes } from './field-routes.tsx';
import { strategyMeasureRoutes } from './measure-routes.tsx';
import { strategyPublicRoutes } from './public-routes.tsx';
import { strategyWorkspaceRoutes } from './workspace-routes.tsx';

/** The module's routes by area: the public state of implementation, and the town's workspace. */
export const strategyRoutes: ModulePlugin = async (app, options) => {
  await app.register(strategyPublicRoutes, options);
  await app.register(strategyWorkspaceRoutes, options);
  await app.register(strategyFieldRoutes, options);
  await app.register(strategyMeasureRoutes, options);
};
