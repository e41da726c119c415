/**
 * npm run bench: a Land-scale data set on PostgreSQL, the real app (twice: page cache off and on)
 * and a bare Fastify route in one process, measured with autocannon from a worker thread; then the
 * first start and a restart of the app on an empty PGlite data dir.
 * The scenarios are the definitions in bench/scenarios-<topic>.ts (see bench/scenarios.ts). Prints
 * one line per measurement: RESULT <scenario>[cache=off|cache=on] rps=<n> p95_ms=<n> ratio=<rps / baseline rps>
 * Environment: BENCH_PG_URL (server, default postgres://postgres@127.0.0.1:5432/postgres),
 * BENCH_DB (database to create and drop, default vv_bench), BENCH_DURATION (seconds per scenario,
 * default 10), BENCH_CONNECTIONS (default 32), BENCH_KEEP=1 (keep the database), BENCH_REUSE=1
 * (measure on the database a run with BENCH_KEEP=1 left, without generating it again),
 * BENCH_SCENARIOS (comma-separated scenario names, names with their variant or topics, and
 * `startup`; without it everything runs).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import type { Kysely } from 'kysely';
import pg from 'pg';
import { allModules, buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { openPostgres } from '../src/platform/db/connect.ts';
import { migrateToLatest } from '../src/platform/db/migrate.ts';
import type { Database } from '../src/platform/db/schema.ts';
import { seedInstallation } from '../src/platform/db/seed.ts';
import type { AppServices } from '../src/platform/module.ts';
import { generateLandScale } from './generate.ts';
import { generateEvents } from './generate-events.ts';
import { generateParticipation } from './generate-participation.ts';
import { generateQualification } from './generate-qualification.ts';
import { measure } from './load.ts';
import { benchContext, isPageScenario, loadScenarioSets, type PageScenario, resultLine, type RunScenario, type ScenarioSet } from './scenarios.ts';
import { startupTimes } from './startup.ts';

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

/** What BENCH_SCENARIOS selects: a scenario by name or by name and variant, a whole topic, or the start. */
function selection(sets: ScenarioSet[]) {
  const only = process.env.BENCH_SCENARIOS?.split(',')
    .map((n) => n.trim())
    .filter(Boolean);
  const known = new Set(['startup', ...sets.map((s) => s.topic), ...sets.flatMap((s) => s.scenarios.map((c) => c.name))]);
  const variantOf = (name: string) => /^([a-z0-9_]+)\[(cache=off|cache=on)\]$/.exec(name);
  const unknown = only?.filter((n) => !known.has(n) && !known.has(variantOf(n)?.[1] ?? '')) ?? [];
  if (unknown.length) throw new Error(`BENCH_SCENARIOS: unknown ${unknown.join(', ')}; known: ${[...known].join(', ')}`);
  return {
    startup: !only || only.includes('startup'),
    /** The variants of a scenario to measure (`cache=off`, `cache=on`), none when it is not selected. */
    variants(set: ScenarioSet, name: string): string[] {
      const all = ['cache=off', 'cache=on'];
      if (!only || only.includes(set.topic) || only.includes(name)) return all;
      return all.filter((variant) => only.includes(`${name}[${variant}]`));
    },
  };
}

/** A page that answers 200 but shows none of the data would be a cheap benchmark: one look before measuring. */
async function check(url: string, mustContain: string[], cookie?: string): Promise<string | undefined> {
  const response = await fetch(url, { headers: cookie ? { cookie } : {}, redirect: 'manual' });
  const body = await response.text();
  if (response.status !== 200) return `GET ${url} answered ${response.status}`;
  const missing = mustContain.filter((text) => !body.includes(text));
  if (missing.length) return `GET ${url} does not show ${missing.map((m) => JSON.stringify(m)).join(', ')}`;
  return undefined;
}

/** Looks once, warms up, measures; prints the RESULT line or returns why it failed (a failed scenario gets no number). */
async function measurePage(name: string, variant: string, url: string, target: { mustContain: string[]; cookie?: string }, baselineRps: number): Promise<{ rps: number; failure?: string }> {
  const problem = await check(url, target.mustContain, target.cookie);
  if (problem) return { rps: 0, failure: `FAILED ${name}[${variant}]: ${problem}` };
  const options = { url, connections: CONNECTIONS, ...(target.cookie ? { cookie: target.cookie } : {}) };
  await measure({ ...options, duration: WARMUP });
  const result = await measure({ ...options, duration: DURATION });
  if (result.non2xx > 0 || result.errors > 0 || result.requests === 0) {
    return { rps: 0, failure: `FAILED ${name}[${variant}]: ${result.non2xx} non-2xx responses and ${result.errors} errors (${result.timeouts} timeouts) in ${result.requests} responses` };
  }
  console.log(resultLine(name, variant, result, baselineRps || result.rps));
  return { rps: result.rps };
}

async function main(): Promise<void> {
  const sets = await loadScenarioSets();
  const selected = selection(sets);
  const chosen = sets.flatMap((set) => set.scenarios.map((scenario) => ({ set, scenario, variants: selected.variants(set, scenario.name) }))).filter((c) => c.variants.length > 0);
  const failures: string[] = [];
  if (chosen.length) failures.push(...(await measureScenarios(chosen)));
  if (selected.startup) {
    const startup = await startupTimes();
    console.log(`RESULT startup_first ms=${startup.first.wall}`);
    console.log(`RESULT startup_restart ms=${startup.restart.wall}`);
    console.log(`startup as the app logs it (startupMs, without starting Node): first ${startup.first.app} ms, restart ${startup.restart.app} ms`);
  }
  if (failures.length) throw new Error(`${failures.length} scenario(s) failed:\n${failures.join('\n')}`);
}

async function generate(db: Kysely<Database>, services: AppServices, sets: Set<ScenarioSet>): Promise<void> {
  await seedInstallation({ services, modules: allModules(), demo: false, log: () => {} });
  const started = Date.now();
  const counts = { ...(await generateLandScale(db)), ...(await generateParticipation(db)), ...(await generateEvents(db)), ...(await generateQualification(db)) };
  for (const set of sets) if (set.generate) Object.assign(counts, await set.generate(db));
  console.log(
    `generated in ${Date.now() - started} ms: ${Object.entries(counts)
      .map(([k, v]) => `${k}=${v}`)
      .join(' ')}`,
  );
}

async function measureScenarios(chosen: Array<{ set: ScenarioSet; scenario: PageScenario | RunScenario; variants: string[] }>): Promise<string[]> {
  const reuse = process.env.BENCH_REUSE === '1';
  if (!reuse) {
    await admin(`drop database if exists ${DATABASE} with (force)`);
    await admin(`create database ${DATABASE}`);
  }
  const handle = openPostgres(databaseUrl(DATABASE), 20);
  const dataDir = mkdtempSync(join(tmpdir(), 'vv-bench-'));
  const failures: string[] = [];
  try {
    await migrateToLatest(handle.db);
    const env = {
      DATABASE_URL: databaseUrl(DATABASE),
      DATA_DIR: dataDir,
      LOG_LEVEL: 'silent',
      DEMO_DATA: 'false',
      SESSION_SECRET: 'bench-secret-bench-secret-bench-secret',
      PORT: '0',
      GUEST_REGISTRATIONS_PER_MINUTE: '0',
      // The bench signs in as the programme office with a password only.
      OFFICE_REQUIRES_SECOND_FACTOR: 'false',
    };
    // Two instances of the app on one database: what a visitor gets, and what everyone signed in (or a crawler) gets.
    const cached = await buildApp({ config: loadConfig(env), handle, startJobs: false });
    const uncached = await buildApp({ config: loadConfig({ ...env, PAGE_CACHE_SECONDS: '0' }), handle, startJobs: false });
    if (!reuse) await generate(handle.db, uncached.services, new Set(chosen.map((c) => c.set)));

    const urls: Record<string, string> = { 'cache=off': await uncached.fastify.listen({ port: 0, host: '127.0.0.1' }), 'cache=on': await cached.fastify.listen({ port: 0, host: '127.0.0.1' }) };
    const baseline = Fastify({ logger: false });
    baseline.get('/', async (_request, reply) => reply.type('text/html; charset=utf-8').send('<!DOCTYPE html><html lang="de"><title>Baseline</title><p>Hallo</p></html>'));
    const baselineUrl = await baseline.listen({ port: 0, host: '127.0.0.1' });

    console.log(`${CONNECTIONS} connections, ${DURATION} s each after ${WARMUP} s warm-up, load from a worker thread`);
    const base = await measurePage('baseline', '', `${baselineUrl}/`, { mustContain: ['Hallo'] }, 0);
    if (base.failure) throw new Error(base.failure);
    const baselineRps = base.rps;

    const ctx = benchContext({ db: handle.db, services: uncached.services, appUrl: urls['cache=off'] as string, connections: CONNECTIONS, duration: DURATION, baselineRps: () => baselineRps });

    // Pages first, then the runs that change data (the registration run adds thousands of rows).
    for (const { scenario, variants } of chosen) {
      if (!isPageScenario(scenario)) continue;
      let target: Awaited<ReturnType<PageScenario['page']>>;
      try {
        target = await scenario.page(ctx);
      } catch (error) {
        failures.push(`FAILED ${scenario.name}: ${error instanceof Error ? error.message : String(error)}`);
        console.error(failures.at(-1));
        continue;
      }
      // A signed-in person's page is never cached: one measurement, on the instance without the cache.
      for (const variant of target.cookie ? variants.filter((v) => v === 'cache=off') : variants) {
        const measured = await measurePage(scenario.name, variant, `${urls[variant]}${target.path}`, target, baselineRps);
        if (measured.failure) {
          failures.push(measured.failure);
          console.error(measured.failure);
        }
      }
    }
    for (const { scenario } of chosen) {
      if (isPageScenario(scenario)) continue;
      const problems = await scenario.run(ctx);
      for (const problem of problems) console.error(problem);
      failures.push(...problems);
    }
    await baseline.close();
    await cached.close();
    await uncached.close();
    return failures;
  } finally {
    await handle.close();
    rmSync(dataDir, { recursive: true, force: true });
    if (process.env.BENCH_KEEP !== '1' && !reuse) await dropDatabase();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
