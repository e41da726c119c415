import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { allModules, buildApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import type { AppModule } from '../../src/platform/module.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';

function config(dataDir: string) {
  return loadConfig({ DATA_DIR: dataDir, BASE_URL: 'http://vv.test', SESSION_SECRET: 'test-secret-test-secret-test-secret-0123', DEMO_DATA: 'false', LOG_LEVEL: 'silent' });
}

describe('route contract', () => {
  let database: TestDatabase;
  let dataDir: string;
  before(async () => {
    database = await createTestDatabase();
    dataDir = mkdtempSync(join(tmpdir(), 'vv-contract-'));
  });
  after(async () => {
    await database.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('refuses to start with a route that declares no access', async () => {
    const careless: AppModule = {
      name: 'careless',
      plugin: async (app) => {
        app.get('/vergessen', async () => 'who may see this?');
      },
    };
    await assert.rejects(buildApp({ config: config(dataDir), handle: database.handle, startJobs: false, modules: [...allModules(), careless] }), /GET \/vergessen declares no access/);
  });

  it('refuses to start with a route whose scope no module resolves', async () => {
    const unknownScope: AppModule = {
      name: 'unknown-scope',
      plugin: async (app) => {
        app.get('/irgendwo/:id', { config: { access: { scope: 'nowhere' as never } } }, async () => 'nobody resolves this');
      },
    };
    await assert.rejects(buildApp({ config: config(dataDir), handle: database.handle, startJobs: false, modules: [...allModules(), unknownScope] }), /scope "nowhere"/);
  });

  it('refuses to start when two modules declare the same audit action', async () => {
    const copycat: AppModule = { name: 'copycat', plugin: async () => {}, auditActions: ['event.created'] };
    await assert.rejects(
      buildApp({ config: config(dataDir), handle: database.handle, startJobs: false, modules: [...allModules(), copycat] }),
      /"event.created" is declared by both events and copycat/,
    );
  });

  it('declares an access rule on every route of the app', async () => {
    const app = await buildApp({ config: config(dataDir), handle: database.handle, startJobs: false });
    try {
      const undeclared = app.routes.filter((r) => !r.access).map((r) => `${r.method} ${r.url}`);
      assert.deepEqual(undeclared, []);
      assert.ok(app.routes.length > 200, `${app.routes.length} routes`);
    } finally {
      await app.close();
    }
  });
});
