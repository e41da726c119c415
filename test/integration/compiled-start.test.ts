import assert from 'node:assert/strict';
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { adminQuery, pgliteTemplateFile, testEngine, urlFor } from '../support/database.ts';

/**
 * What `npm start` runs in production: the compiled bundle (scripts/build.mjs → dist/main.js). On
 * PostgreSQL on an empty database (the compiled migrations, reference and demo data), on PGlite on
 * a data dir made from the demo template (a first start with demo data on PGlite takes a minute on
 * a busy machine); then stopped and started again on the same data.
 * The other tests run the TypeScript sources; this one catches what only the bundle gets wrong
 * (paths to migrations, locales and seed data, packages bundled from node_modules).
 */
describe('compiled start (dist/main.js)', () => {
  const engine = testEngine();
  const dataDir = mkdtempSync(join(tmpdir(), 'vv-compiled-'));
  const database = `vv_t_${randomBytes(6).toString('hex')}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    PORT: '0',
    HOST: '127.0.0.1',
    DEMO_DATA: 'true',
    LOG_LEVEL: 'info',
    SESSION_SECRET: 'test-secret-test-secret-test-secret-0123',
  };
  delete env.DATABASE_URL;
  let running: { child: ChildProcess; url: string } | undefined;

  function start(): Promise<{ child: ChildProcess; url: string; phases: Record<string, number> }> {
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, ['dist/main.js'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      let err = '';
      let url: string | undefined;
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new Error(`no "running" line within 90 s:\n${out}\n${err}`));
      }, 90_000);
      child.stderr?.on('data', (chunk: Buffer) => {
        err += chunk.toString();
      });
      child.stdout?.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        for (const line of out.split('\n').slice(0, -1)) {
          const logged = JSON.parse(line) as { msg?: string; startupMs?: number; phases?: Record<string, number> };
          if (logged.msg?.startsWith('Server listening at ')) url = logged.msg.slice('Server listening at '.length);
          if (logged.startupMs !== undefined && url) {
            clearTimeout(timer);
            resolve({ child, url, phases: logged.phases ?? {} });
            return;
          }
        }
      });
      child.on('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`dist/main.js exited with ${code} before it was running:\n${out}\n${err}`));
      });
    });
  }

  function stop(child: ChildProcess): Promise<number | null> {
    return new Promise((resolve) => {
      child.removeAllListeners('exit');
      child.on('exit', (code) => resolve(code));
      child.kill('SIGTERM');
    });
  }

  before(async () => {
    const build = spawnSync(process.execPath, ['scripts/build.mjs', '--if-stale'], { encoding: 'utf8' });
    assert.equal(build.status, 0, build.stderr);
    if (engine === 'postgres') {
      await adminQuery(`create database ${database}`);
      env.DATABASE_URL = urlFor(database);
    } else {
      const template = await PGlite.create(join(dataDir, 'db'), { loadDataDir: new Blob([readFileSync(pgliteTemplateFile('demo'))]), extensions: { pg_trgm } });
      await template.close();
    }
  });
  after(async () => {
    if (running) await stop(running.child);
    if (engine === 'postgres') await adminQuery(`drop database if exists ${database} with (force)`);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('starts (on PostgreSQL: migrates and seeds an empty database), stops on SIGTERM, and starts again on the same data', async () => {
    const first = await start();
    assert.equal(await stop(first.child), 0);
    running = await start();
    assert.equal(running.url.startsWith('http://127.0.0.1:'), true);
  });

  it('serves pages, exports and static files from the bundle', async () => {
    const base: string | undefined = running?.url;
    assert.ok(base, 'the app is running');
    const health = await fetch(`${base}/healthz`);
    assert.equal(health.status, 200);
    const pages: Array<[string, string]> = [
      ['/', 'Vielfalt'],
      ['/kommunen?q=Bensheim', 'Bensheim'],
      ['/kommunen/06431002', 'Bensheim'],
      ['/kommunen/06431002/umsetzung', 'Bensheim'],
      ['/beteiligung', '<main'],
      ['/veranstaltungen', '<main'],
      ['/qualifizierung', '<main'],
      ['/anmelden', 'csrf'],
      ['/kommunen.csv', 'Bensheim'],
      ['/karte/hessen.svg', '<svg'],
    ];
    for (const [path, text] of pages) {
      const response: Response = await fetch(`${base}${path}`, { headers: { 'accept-language': 'de' } });
      assert.equal(response.status, 200, path);
      assert.ok((await response.text()).includes(text), `${path} shows ${text}`);
    }
    const english = await fetch(`${base}/kommunen`, { headers: { 'accept-language': 'en' } });
    assert.match(await english.text(), /lang="en"/);
    const css = await fetch(`${base}/static/kern/kern.min.css`);
    assert.equal(css.status, 200);
  });
});
