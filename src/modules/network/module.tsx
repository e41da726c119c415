import { networkOpenData } from './open-data.ts';
import type { AppModule } from '../../platform/module.ts';
import { NETWORK_AUDIT_ACTIONS } from './audit-actions.ts';
import { candidatesJob } from './candidates-job.ts';
import { seedNetworkDemo } from './demo.ts';
import { networkPersonalData } from './personal-data.ts';
import { networkRoutes } from './routes.tsx';
import { networkFacts } from './facts-repository.ts';

export const networkModule: AppModule = {
  name: 'network',
  openData: networkOpenData,
  facts: networkFacts,
  auditActions: NETWORK_AUDIT_ACTIONS,
  plugin: networkRoutes,
  messages: { public: ['network.'], staff: ['network.workspace'] },
  seedDemo: seedNetworkDemo,
  jobs: (services) => [candidatesJob(services)],
  personalData: networkPersonalData,
};
