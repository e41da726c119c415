import type { ModulePlugin } from '../../platform/module.ts';
import { moduleMethodRoutes } from './module-method-routes.tsx';
import { officeRoutes } from './office-routes.tsx';
import { publicRoutes } from './public-routes.tsx';
import { traineeRoutes } from './training/trainee-routes.tsx';
import { trainerRoutes } from './training/trainer-routes.tsx';

/** Every route of the module, by area; each declares its access. */
export const qualificationRoutes: ModulePlugin = async (app, options) => {
  await publicRoutes(app, options);
  await officeRoutes(app, options);
  await moduleMethodRoutes(app, options);
  await trainerRoutes(app, options);
  await traineeRoutes(app, options);
};
