import type { AppModule, AppServices } from '../module.ts';
import { installationRepository } from './installation-repository.ts';

/**
 * Reference data (the municipality register) is loaded on every start if missing. Demo data is
 * loaded once (remembered in installation_state), into an installation without real accounts, and
 * only with DEMO_DATA on.
 */
export async function seedInstallation(options: { services: AppServices; modules: AppModule[]; demo: boolean; log: (message: string) => void }): Promise<void> {
  const ctx = { services: options.services, log: options.log };
  for (const module of options.modules) {
    if (module.seedReference) await module.seedReference(ctx);
  }
  if (!options.demo) return;
  const installation = installationRepository(options.services.db);
  if (await installation.has('demo_seeded')) return;
  if (await installation.hasRealAccounts()) return;
  for (const module of options.modules) {
    if (module.seedDemo) await module.seedDemo(ctx);
  }
  await installation.remember('demo_seeded', { at: new Date().toISOString() });
}
