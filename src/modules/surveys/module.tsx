import { surveysOpenData } from './open-data.ts';
import type { AppModule } from '../../platform/module.ts';
import { SURVEYS_AUDIT_ACTIONS } from './audit-actions.ts';
import { surveyRepository } from './repository.ts';
import { surveyRoutes } from './routes.tsx';
import { isOpen } from './service.ts';
import { OpenSurveys } from './views/open-surveys.tsx';
import { surveyFacts } from './facts-repository.ts';
import { seedSurveysDemo } from './demo.ts';

/** A general survey engine: participation surveys, feedback forms after events, and the cohesion survey (R8) from its template. */
export const surveysModule: AppModule = {
  name: 'surveys',
  openData: surveysOpenData,
  facts: surveyFacts,
  auditActions: SURVEYS_AUDIT_ACTIONS,
  plugin: surveyRoutes,
  seedDemo: seedSurveysDemo,
  messages: { public: ['surveys.'], staff: ['surveys.export', 'surveys.offline', 'surveys.cohesion_admin.'] },
  async municipalitySection(services, municipality) {
    const surveys = await surveyRepository(services.db).list(municipality.id, true);
    const open = surveys.filter((s) => isOpen(s));
    return open.length ? <OpenSurveys surveys={open} town={municipality.name} /> : null;
  },
};
