import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));

export interface Startup {
  /** Wall time from spawning the process to its "running" log line: what an operator waits for. */
  wall: number;
  /** The app's own startupMs (without starting Node and loading the code). */
  app: number;
}

function startOnce(dataDir: string): Promise<Startup> {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', DEMO_DATA: 'true', LOG_LEVEL: 'info' };
  // The start is measured on PGlite with demo data, whatever the caller's shell says.
  delete env.DATABASE_URL;
  delete env.NODE_ENV;
  return new Promise((resolve, reject) => {
    const started = Date.now();
    // What `npm start` runs after its prestart build (scripts/build.mjs): the compiled bundle.
    const child = spawn(process.execPath, ['dist/main.js'], { cwd: PROJECT_ROOT, env, stdio: ['ignore', 'pipe', 'inherit'] });
    let buffer = '';
    let ready: Startup | undefined;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error('start took longer than 120 s'));
    }, 120_000);
    child.stdout.on('data', (chunk: Buffer) => {
      if (ready) return;
      buffer += chunk.toString();
      // Only whole lines: a chunk may end in the middle of the JSON.
      const line = buffer
        .split('\n')
        .slice(0, -1)
        .find((l) => l.includes('"startupMs"'));
      if (!line) return;
      let logged: { startupMs?: unknown; engine?: unknown };
      try {
        logged = JSON.parse(line);
      } catch {
        logged = {};
      }
      if (typeof logged.startupMs !== 'number' || logged.engine !== 'pglite') {
        child.kill('SIGKILL');
        reject(new Error(`unexpected "running" line (not PGlite?): ${line}`));
        return;
      }
      ready = { wall: Date.now() - started, app: logged.startupMs };
      child.kill('SIGTERM');
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (!ready) reject(new Error(`dist/main.js exited (code ${code}, signal ${signal}) before it was running`));
      else if (code !== 0) reject(new Error(`dist/main.js did not shut down cleanly on SIGTERM (code ${code}, signal ${signal})`));
      else resolve(ready);
    });
  });
}

export async function startupTimes(): Promise<{ first: Startup; restart: Startup }> {
  // The build is not part of the start (an installation builds once, on install or at the first start).
  const build = spawnSync(process.execPath, ['scripts/build.mjs', '--if-stale'], { cwd: PROJECT_ROOT, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('scripts/build.mjs failed');
  const dataDir = mkdtempSync(join(tmpdir(), 'vv-bench-start-'));
  try {
    const first = await startOnce(dataDir);
    const restart = await startOnce(dataDir);
    return { first, restart };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
