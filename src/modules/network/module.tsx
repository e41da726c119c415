import type { AppModule } from '../../platform/module.ts';
import { seedNetworkDemo } from './demo.ts';
import { networkPersonalData } from './personal-data.ts';
import { networkRoutes } from './routes.tsx';

export const networkModule: AppModule = {
  name: 'network',
  plugin: networkRoutes,
  messages: { public: ['network.'], staff: ['network.workspace'] },
  seedDemo: seedNetworkDemo,
  personalData: networkPersonalData,
};
