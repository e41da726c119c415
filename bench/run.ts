/**
 * npm run bench: a Land-scale data set on PostgreSQL, the real app and a bare Fastify route in one
 * process, measured with autocannon; then the first start and a restart of `npm start` on PGlite.
 * Prints one line per scenario: RESULT <scenario> rps=<n> p95_ms=<n> ratio=<rps / baseline rps>
 * Environment: BENCH_PG_URL (server, default postgres://postgres@127.0.0.1:5432/postgres),
 * BENCH_DURATION (seconds per scenario, default 10), BENCH_CONNECTIONS (default 32), BENCH_KEEP=1,
 * BENCH_SCENARIOS (comma-separated names; skips the startup measurement).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import Fastify from 'fastify';
import pg from 'pg';
import { allModules, buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { openPostgres } from '../src/platform/db/connect.ts';
import { migrateToLatest } from '../src/platform/db/migrate.ts';
import { seedInstallation } from '../src/platform/db/seed.ts';
import { generateLandScale } from './generate.ts';

const SERVER_URL = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const DATABASE = 'vv_bench';
const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);

function databaseUrl(name: string): string {
  const url = new URL(SERVER_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

async function admin(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: SERVER_URL });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

interface Measured {
  rps: number;
  p95: number;
  non2xx: number;
  errors: number;
}

async function measure(url: string, duration = DURATION): Promise<Measured> {
  const times: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ url, connections: CONNECTIONS, duration }, (error, done) => (error ? reject(error) : resolve(done)));
    instance.on('response', (_client, _status, _bytes, responseTime) => times.push(responseTime));
  });
  times.sort((a, b) => a - b);
  const p95 = times.length ? (times[Math.min(times.length - 1, Math.floor(times.length * 0.95))] as number) : Number.NaN;
  return { rps: result.requests.average, p95, non2xx: result.non2xx, errors: result.errors };
}

async function startupTimes(): Promise<{ first: number; restart: number }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'vv-bench-start-'));
  const once = () =>
    new Promise<number>((resolve, reject) => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
        env: { ...process.env, DATA_DIR: dataDir, PORT: '0', DATABASE_URL: '', DEMO_DATA: 'true', LOG_LEVEL: 'info' },
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      const started = Date.now();
      let buffer = '';
      child.stdout.on('data', (chunk: Buffer) => {
        buffer += chunk.toString();
        const match = /"startupMs":(\d+)/.exec(buffer);
        if (match) {
          const wall = Date.now() - started;
          child.kill('SIGTERM');
          child.on('exit', () => resolve(wall));
        }
      });
      child.on('error', reject);
      setTimeout(() => reject(new Error('start took longer than 60 s')), 60_000).unref();
    });
  try {
    const first = await once();
    const restart = await once();
    return { first, restart };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
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
    const counts = await generateLandScale(handle.db);
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
      .select(['municipalities.ags', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('municipalities.ags')
      .orderBy('n', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    const countyOf = busiest.ags.slice(0, 5);
    const scenarios: Array<[string, string]> = [
      ['baseline', `${baselineUrl}/`],
      ['kommunen', `${appUrl}/kommunen`],
      ['kommunen_filtered', `${appUrl}/kommunen?q=a&kreis=${countyOf}&groesse=target&teilnahme=ja&sort=-population`],
      ['kommune', `${appUrl}/kommunen/${busiest.ags}`],
      ['umsetzung', `${appUrl}/kommunen/${busiest.ags}/umsetzung`],
    ];
    console.log(`umsetzung of ${busiest.ags} with ${busiest.n} measures; ${CONNECTIONS} connections, ${DURATION} s each`);
    let baselineRps = 0;
    let failed = false;
    const only = process.env.BENCH_SCENARIOS?.split(',');
    for (const [name, url] of scenarios.filter(([n]) => !only || n === 'baseline' || only.includes(n))) {
      await measure(url, 2);
      const result = await measure(url);
      if (name === 'baseline') baselineRps = result.rps;
      if (result.non2xx > 0 || result.errors > 0) {
        failed = true;
        console.error(`scenario ${name}: ${result.non2xx} non-2xx responses, ${result.errors} errors`);
      }
      console.log(`RESULT ${name} rps=${Math.round(result.rps)} p95_ms=${Math.round(result.p95)} ratio=${(result.rps / baselineRps).toFixed(2)}`);
    }
    await baseline.close();
    await app.close();

    if (only) return;
    const startup = await startupTimes();
    console.log(`RESULT startup_first ms=${startup.first}`);
    console.log(`RESULT startup_restart ms=${startup.restart}`);
    if (failed) process.exitCode = 1;
  } finally {
    await handle.close();
    rmSync(dataDir, { recursive: true, force: true });
    if (process.env.BENCH_KEEP !== '1') await admin(`drop database if exists ${DATABASE} with (force)`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
