import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { allModules, buildApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { type DatabaseHandle, openPglite, openPostgres } from '../../src/platform/db/connect.ts';
import { migrateToLatest } from '../../src/platform/db/migrate.ts';
import { seedInstallation } from '../../src/platform/db/seed.ts';
import { adminQuery, pgliteTemplateFile, TEMPLATE_DIR, templateName, urlFor, type Variant } from './database.ts';

async function fill(handle: DatabaseHandle, variant: Variant): Promise<void> {
  await migrateToLatest(handle.db);
  const config = loadConfig({ DATA_DIR: `${tmpdir()}/vv-template`, SESSION_SECRET: 'template-secret-template-secret-0123', DEMO_DATA: variant === 'demo' ? 'true' : 'false' });
  const app = await buildApp({ config, handle, startJobs: false });
  await seedInstallation({ services: app.services, modules: allModules(), demo: variant === 'demo', log: () => {} });
  await app.close();
}

/** Builds the template databases every test file clones: once per run instead of once per file. */
export async function prepareTemplates(engines: Array<'postgres' | 'pglite'>): Promise<void> {
  for (const variant of ['reference', 'demo'] as const) {
    if (engines.includes('postgres')) {
      const name = templateName(variant);
      await adminQuery(`drop database if exists ${name} with (force)`);
      await adminQuery(`create database ${name}`);
      const handle = openPostgres(urlFor(name), 2);
      await fill(handle, variant);
      await handle.close();
    }
    if (engines.includes('pglite')) {
      const handle = await openPglite();
      await fill(handle, variant);
      const dump = await handle.dumpDataDir?.();
      await handle.close();
      if (!dump) throw new Error('PGlite could not dump its data dir');
      mkdirSync(TEMPLATE_DIR, { recursive: true });
      writeFileSync(pgliteTemplateFile(variant), Buffer.from(await dump.arrayBuffer()));
    }
  }
}
