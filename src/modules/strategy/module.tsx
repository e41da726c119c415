import { strategyOpenData } from './open-data.ts';
import { coordinatedMunicipalityIds, isProgrammeOffice } from '../../platform/access/actor.ts';
import { STRATEGY_AUDIT_ACTIONS } from './audit-actions.ts';
import type { AppModule } from '../../platform/module.ts';
import { seedStrategyDemo } from './demo.ts';
import { strategyPersonalData } from './personal-data.ts';
import { strategyRoutes } from './routes.tsx';
import { strategySummary } from './summary.ts';
import { StrategySummaryView } from './views/summary.tsx';
import { strategyFacts } from './facts-repository.ts';

export const strategyModule: AppModule = {
  name: 'strategy',
  facts: strategyFacts,
  auditActions: STRATEGY_AUDIT_ACTIONS,
  plugin: strategyRoutes,
  // The town workspaces of every module live under /verwaltung/{ags}; strategy owns the overview.
  staffAreas: ['/verwaltung'],
  messages: { public: ['public', 'status', 'field', 'goal', 'measure', 'summary', 'period', 'update', 'nav'].map((p) => `strategy.${p}`) },
  openData: strategyOpenData,
  navigation: [{ href: '/verwaltung', labelKey: 'strategy.nav.workspace', visible: (actor) => isProgrammeOffice(actor) || coordinatedMunicipalityIds(actor).length > 0 }],
  seedDemo: seedStrategyDemo,
  personalData: strategyPersonalData,
  async municipalitySection(services, municipality) {
    const summary = await strategySummary(services.db, municipality.id);
    return <StrategySummaryView summary={summary} ags={municipality.ags} />;
  },
};
