import type { AppModule, AppServices } from '../module.ts';

/**
 * Reference data (the municipality register) is loaded on every start if missing. Demo data is
 * loaded once, into an installation that has no accounts yet, and only with DEMO_DATA on.
 */
export async function seedInstallation(options: { services: AppServices; modules: AppModule[]; demo: boolean; log: (message: string) => void }): Promise<void> {
  const ctx = { services: options.services, log: options.log };
  for (const module of options.modules) {
    if (module.seedReference) await module.seedReference(ctx);
  }
  if (!options.demo) return;
  const anyUser = await options.services.db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  if (anyUser) return;
  for (const module of options.modules) {
    if (module.seedDemo) await module.seedDemo(ctx);
  }
}
