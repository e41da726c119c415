import type { ModulePlugin } from '../../platform/module.ts';
import { openDataApiRoutes } from './api-routes.tsx';
import { openDataFileRoutes } from './file-routes.tsx';

/** Files and page in one context, the read API (with its OpenAPI document of only its own routes) in another. */
export const openDataRoutes: ModulePlugin = async (app, { services }) => {
  await app.register(openDataFileRoutes, { services });
  await app.register(openDataApiRoutes, { services });
};
