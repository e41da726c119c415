import { qualificationOpenData } from './open-data.ts';
import type { AppModule } from '../../platform/module.ts';
import { QUALIFICATION_AUDIT_ACTIONS } from './audit-actions.ts';
import { seedQualificationDemo } from './demo.ts';
import { qualificationPersonalData } from './personal-data.ts';
import { canEnterTrainerArea } from './policy.ts';
import { qualifiedRoles } from './roles-repository.ts';
import { qualificationRoutes } from './routes.tsx';
import { qualificationScopes } from './scopes.ts';
import { qualificationFacts } from './facts-repository.ts';

/** Training programmes, cohorts and applications sessions, attendance, practice projects, self-assessment and certificates. */
export const qualificationModule: AppModule = {
  name: 'qualification',
  openData: qualificationOpenData,
  facts: qualificationFacts,
  auditActions: QUALIFICATION_AUDIT_ACTIONS,
  plugin: qualificationRoutes,
  scopes: qualificationScopes,
  staffAreas: ['/kursleitung'],
  messages: {
    public: ['qualification.'],
    staff: ['office', 'trainer', 'field.min_attendance', 'field.decision_note', 'field.trainer', 'field.region', 'field.published', 'field.requires_project', 'field.cohort_title'].map(
      (p) => `qualification.${p}`,
    ),
  },
  navigation: [
    { href: '/qualifizierung', labelKey: 'qualification.nav' },
    { href: '/kursleitung', labelKey: 'qualification.trainer.nav', visible: canEnterTrainerArea },
  ],
  personalData: qualificationPersonalData,
  accountRoles: async (services, userIds) => qualifiedRoles(services.db, userIds) as Promise<Map<number, Array<'diversity_manager' | 'multiplier'>>>,
  seedDemo: seedQualificationDemo,
};
