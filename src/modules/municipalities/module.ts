import { municipalitiesOpenData } from './open-data.ts';
import type { AppModule } from '../../platform/module.ts';
import { MUNICIPALITIES_AUDIT_ACTIONS } from './audit-actions.ts';
import { seedMunicipalityDemo } from './demo.ts';
import { loadReferenceData } from './reference-data.ts';
import { municipalitiesRepository } from './repository.ts';
import { municipalityRoutes } from './routes.tsx';
import { municipalityScopes } from './scopes.ts';

export const municipalitiesModule: AppModule = {
  name: 'municipalities',
  auditActions: MUNICIPALITIES_AUDIT_ACTIONS,
  plugin: municipalityRoutes,
  scopes: municipalityScopes,
  messages: { public: ['municipalities.'], staff: ['municipalities.csv', 'municipalities.workspace'] },
  openData: municipalitiesOpenData,
  navigation: [{ href: '/kommunen', labelKey: 'municipalities.nav' }],
  async seedReference({ services, log }) {
    const repo = municipalitiesRepository(services.db);
    if ((await repo.countMunicipalities()) >= 421) return;
    const { counties, municipalities } = loadReferenceData();
    await services.db.transaction().execute(async (trx) => {
      const tx = municipalitiesRepository(trx);
      await tx.insertCounties(counties);
      for (let i = 0; i < municipalities.length; i += 100) await tx.insertMunicipalities(municipalities.slice(i, i + 100));
    });
    log(`reference data: ${counties.length} counties, ${municipalities.length} municipalities`);
  },
  seedDemo: seedMunicipalityDemo,
};
