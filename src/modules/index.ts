import type { AppModule } from '../platform/module.ts';
import { adminModule } from './admin/index.ts';
import { budgetModule } from './budget/index.ts';
import { diversityCheckModule } from './diversity-check/index.ts';
import { eventsModule } from './events/index.ts';
import { monitoringModule } from './monitoring/index.ts';
import { municipalitiesModule } from './municipalities/index.ts';
import { networkModule } from './network/index.ts';
import { openDataModule } from './opendata/index.ts';
import { participationModule } from './participation/index.ts';
import { qualificationModule } from './qualification/index.ts';
import { siteModule } from './site/index.ts';
import { strategyModule } from './strategy/index.ts';
import { surveysModule } from './surveys/index.ts';
import { toolkitModule } from './toolkit/index.ts';

/**
 * Every domain module, in the order their navigation entries and demo data come:
 * the register first (others refer to it), then accounts, then the strategies that name their authors.
 */
export const modules: AppModule[] = [
  siteModule,
  municipalitiesModule,
  adminModule,
  strategyModule,
  participationModule,
  surveysModule,
  eventsModule,
  qualificationModule,
  networkModule,
  diversityCheckModule,
  budgetModule,
  toolkitModule,
  monitoringModule,
  openDataModule,
];
