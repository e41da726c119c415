import type { AppModule, AppServices } from '../module.ts';

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
  const db = options.services.db;
  const seeded = await db.selectFrom('installation_state').select('key').where('key', '=', 'demo_seeded').executeTakeFirst();
  if (seeded) return;
  // An installation that already has real accounts never gets demo data mixed in.
  const anyUser = await db.selectFrom('users').select('id').where('is_demo', '=', false).limit(1).executeTakeFirst();
  if (anyUser) return;
  for (const module of options.modules) {
    if (module.seedDemo) await module.seedDemo(ctx);
  }
  await db
    .insertInto('installation_state')
    .values({ key: 'demo_seeded', value: JSON.stringify({ at: new Date().toISOString() }) })
    .execute();
}
