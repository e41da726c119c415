import type { AppModule } from '../../platform/module.ts';
import { seedQualificationDemo } from './demo.ts';
import { qualificationPersonalData } from './personal-data.ts';
import { qualificationRoutes } from './routes.tsx';

/** Training programmes, cohorts and applications (attendance, projects and certificates follow). */
export const qualificationModule: AppModule = {
  name: 'qualification',
  plugin: qualificationRoutes,
  navigation: [{ href: '/qualifizierung', labelKey: 'qualification.nav' }],
  personalData: qualificationPersonalData,
  seedDemo: seedQualificationDemo,
};
