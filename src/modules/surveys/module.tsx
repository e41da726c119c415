import { surveysOpenData } from './open-data.ts';
import type { AppModule } from '../../platform/module.ts';
import { SURVEYS_AUDIT_ACTIONS } from './audit-actions.ts';
import { surveyRepository } from './repository.ts';
import { surveyRoutes } from './routes.tsx';
import { isOpen } from './service.ts';
import { OpenSurveys } from './views/open-surveys.tsx';
import { surveyFacts } from './facts-repository.ts';

/** A general survey engine: participation surveys now, cohesion surveys and feedback forms later. */
export const surveysModule: AppModule = {
  name: 'surveys',
  openData: surveysOpenData,
  facts: surveyFacts,
  auditActions: SURVEYS_AUDIT_ACTIONS,
  plugin: surveyRoutes,
  messages: { public: ['surveys.'], staff: ['surveys.export', 'surveys.offline'] },
  async municipalitySection(services, municipality) {
    const surveys = await surveyRepository(services.db).list(municipality.id, true);
    const open = surveys.filter((s) => isOpen(s));
    return open.length ? <OpenSurveys surveys={open} /> : null;
  },
};
