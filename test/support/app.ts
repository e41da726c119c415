import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { KyselyPlugin } from 'kysely';
import { type App, buildApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { openPostgres } from '../../src/platform/db/connect.ts';
import { createTestDatabase, type TestDatabase, type Variant } from './database.ts';

export interface TestApp {
  app: App;
  database: TestDatabase;
  dataDir: string;
  close(): Promise<void>;
}

/** The whole application on a fresh database; jobs stay off and tests drive them (e.g. app.deliverMail()). */
export async function startTestApp(options: { variant?: Variant; env?: Record<string, string>; plugins?: KyselyPlugin[]; logger?: object } = {}): Promise<TestApp> {
  const database = await createTestDatabase(options.variant ?? 'reference');
  for (const plugin of options.plugins ?? []) database.handle.db = database.handle.db.withPlugin(plugin);
  const dataDir = mkdtempSync(join(tmpdir(), 'vv-test-'));
  const config = testConfig(dataDir, options);
  const app = await buildApp({ config, handle: database.handle, startJobs: false, logger: options.logger });
  await app.fastify.ready();
  return {
    app,
    database,
    dataDir,
    async close() {
      await app.close();
      await database.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function testConfig(dataDir: string, options: { variant?: Variant; env?: Record<string, string> }) {
  return loadConfig({
    DATA_DIR: dataDir,
    BASE_URL: 'http://vv.test',
    SESSION_SECRET: 'test-secret-test-secret-test-secret-0123',
    DEMO_DATA: options.variant === 'demo' ? 'true' : 'false',
    LOG_LEVEL: 'silent',
    // Tests change the database directly and read pages right after; the cache has a test of its own.
    PAGE_CACHE_SECONDS: '0',
    // Test accounts of the programme office sign in with the password alone; the second factor has a test of its own.
    OFFICE_REQUIRES_SECOND_FACTOR: 'false',
    ...options.env,
  });
}

/**
 * A second instance of the app on the same PostgreSQL database as `first` (its own pool, its own
 * page cache, its own listener), as a second process behind a proxy would be. Close it before `first`.
 */
export async function startPeerApp(first: TestApp, options: { env?: Record<string, string> } = {}): Promise<App> {
  if (!first.database.url) throw new Error('a second instance needs PostgreSQL');
  const handle = openPostgres(first.database.url, 5);
  const app = await buildApp({ config: testConfig(first.dataDir, options), handle, startJobs: false });
  await app.fastify.ready();
  return {
    ...app,
    async close() {
      await app.close();
      await handle.close();
    },
  };
}
