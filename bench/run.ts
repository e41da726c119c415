/**
 * npm run bench: a Land-scale data set on PostgreSQL, the real app and a bare Fastify route in one
 * process, measured with autocannon from a worker thread; then the first start and a restart of
 * `src/main.ts` on an empty PGlite data dir.
 * Prints one line per scenario: RESULT <scenario> rps=<n> p95_ms=<n> ratio=<rps / baseline rps>
 * Environment: BENCH_PG_URL (server, default postgres://postgres@127.0.0.1:5432/postgres),
 * BENCH_DB (database to create and drop, default vv_bench), BENCH_DURATION (seconds per scenario,
 * default 10), BENCH_CONNECTIONS (default 32), BENCH_KEEP=1 (keep the database),
 * BENCH_SCENARIOS (comma-separated names; skips the startup measurement).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify from 'fastify';
import pg from 'pg';
import { allModules, buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { openPostgres } from '../src/platform/db/connect.ts';
import { migrateToLatest } from '../src/platform/db/migrate.ts';
import { seedInstallation } from '../src/platform/db/seed.ts';
import { generateLandScale } from './generate.ts';
import { generateParticipation } from './generate-participation.ts';
import { measure } from './load.ts';

const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));

const SERVER_URL = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
// Another run against the same server and name would drop this one's database: give it its own with BENCH_DB.
const DATABASE = process.env.BENCH_DB ?? 'vv_bench';
if (!/^[a-z_][a-z0-9_]{0,62}$/.test(DATABASE)) throw new Error('BENCH_DB must be a plain lower-case identifier');
const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const WARMUP = 2;
for (const [name, value] of Object.entries({ BENCH_DURATION: DURATION, BENCH_CONNECTIONS: CONNECTIONS })) {
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive whole number`);
}

function databaseUrl(name: string): string {
  const url = new URL(SERVER_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

async function admin(text: string, values: unknown[] = []): Promise<Array<Record<string, unknown>>> {
  const client = new pg.Client({ connectionString: SERVER_URL });
  await client.connect();
  try {
    return (await client.query(text, values)).rows;
  } finally {
    await client.end();
  }
}

async function dropDatabase(): Promise<void> {
  // pg's pool.end() resolves before its sockets are closed; a forced drop at that moment makes the
  // closing connections report "terminating connection due to administrator command".
  for (let i = 0; i < 50; i++) {
    const [row] = await admin('select count(*)::int as n from pg_stat_activity where datname = $1', [DATABASE]);
    if (row?.n === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await admin(`drop database if exists ${DATABASE} with (force)`);
}

interface Startup {
  /** Wall time from spawning the process to its "running" log line: what an operator waits for. */
  wall: number;
  /** The app's own startupMs (without starting Node and compiling TypeScript with tsx). */
  app: number;
}

function startOnce(dataDir: string): Promise<Startup> {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', DEMO_DATA: 'true', LOG_LEVEL: 'info' };
  // The start is measured on PGlite with demo data, whatever the caller's shell says.
  delete env.DATABASE_URL;
  delete env.NODE_ENV;
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { cwd: PROJECT_ROOT, env, stdio: ['ignore', 'pipe', 'inherit'] });
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
      if (!ready) reject(new Error(`src/main.ts exited (code ${code}, signal ${signal}) before it was running`));
      else if (code !== 0) reject(new Error(`src/main.ts did not shut down cleanly on SIGTERM (code ${code}, signal ${signal})`));
      else resolve(ready);
    });
  });
}

async function startupTimes(): Promise<{ first: Startup; restart: Startup }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'vv-bench-start-'));
  try {
    const first = await startOnce(dataDir);
    const restart = await startOnce(dataDir);
    return { first, restart };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** A page that answers 200 but shows none of the data would be a cheap benchmark: one look before measuring. */
async function check(url: string, mustContain: string[]): Promise<string | undefined> {
  const response = await fetch(url);
  const body = await response.text();
  if (response.status !== 200) return `GET ${url} answered ${response.status}`;
  const missing = mustContain.filter((text) => !body.includes(text));
  if (missing.length) return `GET ${url} does not show ${missing.map((m) => JSON.stringify(m)).join(', ')}`;
  return undefined;
}

async function main(): Promise<void> {
  await admin(`drop database if exists ${DATABASE} with (force)`);
  await admin(`create database ${DATABASE}`);
  const handle = openPostgres(databaseUrl(DATABASE), 20);
  const dataDir = mkdtempSync(join(tmpdir(), 'vv-bench-'));
  try {
    await migrateToLatest(handle.db);
    const config = loadConfig({ DATABASE_URL: databaseUrl(DATABASE), DATA_DIR: dataDir, LOG_LEVEL: 'silent', DEMO_DATA: 'false', SESSION_SECRET: 'bench-secret-bench-secret-bench-secret', PORT: '0' });
    const app = await buildApp({ config, handle, startJobs: false });
    await seedInstallation({ services: app.services, modules: allModules(), demo: false, log: () => {} });
    const generationStart = Date.now();
    const counts = { ...(await generateLandScale(handle.db)), ...(await generateParticipation(handle.db)) };
    console.log(
      `generated in ${Date.now() - generationStart} ms: ${Object.entries(counts)
        .map(([k, v]) => `${k}=${v}`)
        .join(' ')}`,
    );

    const appUrl = await app.fastify.listen({ port: 0, host: '127.0.0.1' });
    const baseline = Fastify({ logger: false });
    baseline.get('/', async (_request, reply) => reply.type('text/html; charset=utf-8').send('<!DOCTYPE html><html lang="de"><title>Baseline</title><p>Hallo</p></html>'));
    const baselineUrl = await baseline.listen({ port: 0, host: '127.0.0.1' });

    const busiest = await handle.db
      .selectFrom('measures')
      .innerJoin('municipalities', 'municipalities.id', 'measures.municipality_id')
      .select(['municipalities.ags', 'municipalities.name', 'municipalities.county_ags', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy(['municipalities.ags', 'municipalities.name', 'municipalities.county_ags'])
      .orderBy('n', 'desc')
      .orderBy('municipalities.ags')
      .limit(1)
      .executeTakeFirstOrThrow();
    const nameFragment = busiest.name.slice(0, 4);
    const firstProcess = await handle.db.selectFrom('participation_processes').select('id').orderBy('id').executeTakeFirstOrThrow();
    const discussed = await handle.db.selectFrom('proposals').select(['id', 'process_id']).where('comment_count', '=', 200).orderBy('id').executeTakeFirstOrThrow();
    const survey = await handle.db.selectFrom('surveys').select('id').orderBy('id').executeTakeFirstOrThrow();
    // [name, url, texts the page must show]: each page must really show the generated data.
    const scenarios: Array<[string, string, string[]]> = [
      ['baseline', `${baselineUrl}/`, ['Hallo']],
      ['kommunen', `${appUrl}/kommunen`, ['href="/kommunen/06']],
      ['kommunen_filtered', `${appUrl}/kommunen?q=${encodeURIComponent(nameFragment)}&kreis=${busiest.county_ags}&groesse=target&teilnahme=ja&sort=-population`, [busiest.name]],
      ['kommune', `${appUrl}/kommunen/${busiest.ags}`, [busiest.name, 'Ortsteil 1']],
      ['umsetzung', `${appUrl}/kommunen/${busiest.ags}/umsetzung`, [busiest.name, 'Maßnahme ']],
      ['vorschlaege', `${appUrl}/beteiligung/${firstProcess.id}`, ['Vorschlag', 'Unterstützungen']],
      ['vorschlaege_unterstuetzt', `${appUrl}/beteiligung/${firstProcess.id}?sort=supported`, ['Unterstützungen']],
      ['vorschlaege_suche', `${appUrl}/beteiligung/${firstProcess.id}?q=Vereine`, ['Verein']],
      ['vorschlag_200_kommentare', `${appUrl}/beteiligung/${discussed.process_id}/vorschlaege/${discussed.id}`, ['200 Kommentare']],
      ['umfrage_ergebnisse', `${appUrl}/umfragen/${survey.id}/ergebnisse`, ['500 Antworten']],
    ];
    const only = process.env.BENCH_SCENARIOS?.split(',').map((n) => n.trim());
    const unknown = only?.filter((n) => !scenarios.some(([name]) => name === n)) ?? [];
    if (unknown.length) throw new Error(`BENCH_SCENARIOS: unknown ${unknown.join(', ')}; known: ${scenarios.map(([n]) => n).join(', ')}`);
    console.log(`${busiest.name} (${busiest.ags}) with ${busiest.n} measures; ${CONNECTIONS} connections, ${DURATION} s each after ${WARMUP} s warm-up, load from a worker thread`);

    let baselineRps = 0;
    const failures: string[] = [];
    for (const [name, url, mustContain] of scenarios.filter(([n]) => !only || n === 'baseline' || only.includes(n))) {
      // A failed scenario gets no RESULT line: the number of a 404 page would be read as a result.
      const problem = await check(url, mustContain);
      if (problem) {
        failures.push(`FAILED ${name}: ${problem}`);
        console.error(failures.at(-1));
        continue;
      }
      await measure({ url, connections: CONNECTIONS, duration: WARMUP });
      const result = await measure({ url, connections: CONNECTIONS, duration: DURATION });
      if (result.non2xx > 0 || result.errors > 0 || result.requests === 0) {
        failures.push(`FAILED ${name}: ${result.non2xx} non-2xx responses and ${result.errors} errors (${result.timeouts} timeouts) in ${result.requests} responses`);
        console.error(failures.at(-1));
        continue;
      }
      if (name === 'baseline') baselineRps = result.rps;
      if (!baselineRps) throw new Error('the baseline failed, so no ratio can be computed');
      console.log(`RESULT ${name} rps=${Math.round(result.rps)} p95_ms=${Math.round(result.p95)} ratio=${(result.rps / baselineRps).toFixed(2)}`);
    }
    await baseline.close();
    await app.close();

    if (!only) {
      const startup = await startupTimes();
      console.log(`RESULT startup_first ms=${startup.first.wall}`);
      console.log(`RESULT startup_restart ms=${startup.restart.wall}`);
      console.log(`startup as the app logs it (startupMs, without Node and tsx): first ${startup.first.app} ms, restart ${startup.restart.app} ms`);
    }
    if (failures.length) throw new Error(`${failures.length} scenario(s) failed:\n${failures.join('\n')}`);
  } finally {
    await handle.close();
    rmSync(dataDir, { recursive: true, force: true });
    if (process.env.BENCH_KEEP !== '1') await dropDatabase();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
