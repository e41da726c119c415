import type { ModulePlugin } from '../../platform/module.ts';
import { cohesionRoutes } from './cohesion-routes.tsx';
import { publicSurveyRoutes } from './public-routes.tsx';
import { workspaceSurveyRoutes } from './workspace-routes.tsx';

export const surveyRoutes: ModulePlugin = async (app, options) => {
  await publicSurveyRoutes(app, options);
  await workspaceSurveyRoutes(app, options);
  await cohesionRoutes(app, options);
};
