/**
 * What one page costs the app, request by request, on the database a bench run kept
 * (`BENCH_KEEP=1`): wall time, the app's CPU time, SQL statements and their time, bytes. Requests go
 * one after another through `fastify.inject`, so the figures hardly depend on what else the machine
 * is doing (unlike requests per second at 32 connections). The page cache is off.
 *
 *   npx tsx bench/page-cost.ts [scenario|topic ...]        all page scenarios without arguments
 *   COST_PROFILE=prof npx tsx bench/page-cost.ts umsetzung
 *   npx tsx bench/cpu-profile-summary.ts prof/umsetzung.cpuprofile
 *
 * Environment: BENCH_PG_URL, BENCH_DB as for bench/run.ts; COST_REQUESTS (default 200); COST_WARMUP
 * (requests before measuring, default 20);
 * COST_SQL=1 lists each statement of one request with its time; COST_EXPLAIN=1 runs each read of
 * that request again under EXPLAIN (ANALYZE, BUFFERS) and prints its time and shared buffers
 * (COST_EXPLAIN_PLANS=1 also the plans); COST_HTML=<dir> writes each page;
 * COST_PLANS=1 runs on one connection and lists its named statements with their generic and custom
 * plan counts after each page; COST_LOG_LEVEL (default silent) for the app's log;
 * COST_LOAD=<seconds> measures each page at 32 connections over HTTP as well (see underLoad);
 * COST_PROFILE=<dir> writes a CPU profile of the
 * measured requests of each page (<dir>/<scenario>.cpuprofile, as `node --cpu-prof` would, but
 * without the start).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance as nodePerformance } from 'node:perf_hooks';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
// Also sets the pg type parsers the app relies on (counts as numbers, dates as text).
import { type DatabaseHandle, openPostgres } from '../src/platform/db/connect.ts';
import { prepareMarkedStatements } from '../src/platform/db/prepared.ts';
import type { Database } from '../src/platform/db/schema.ts';
import { measure } from './load.ts';
import { benchContext, isPageScenario, loadScenarioSets } from './scenarios.ts';

const SERVER_URL = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const DATABASE = process.env.BENCH_DB ?? 'vv_bench';
const REQUESTS = Number(process.env.COST_REQUESTS ?? 200);
const WARMUP_REQUESTS = Number(process.env.COST_WARMUP ?? 20);
const LOAD_SECONDS = Number(process.env.COST_LOAD ?? 0);

/**
 * COST_PROFILE=<dir>: a CPU profile of what runs until the returned function is called, written to
 * <dir>/<file>.cpuprofile (as `node --cpu-prof` would, but without the start); without it, nothing.
 */
async function startProfile(file: string): Promise<() => Promise<void>> {
  const dir = process.env.COST_PROFILE;
  if (!dir) return async () => {};
  const profiler = new Session();
  profiler.connect();
  await profiler.post('Profiler.enable');
  await profiler.post('Profiler.start');
  return async () => {
    const { profile } = await profiler.post('Profiler.stop');
    writeFileSync(join(dir, `${file}.cpuprofile`), JSON.stringify(profile));
    profiler.disconnect();
  };
}

/**
 * COST_LOAD=<seconds>: the page once more over HTTP at the bench's 32 connections (load from a
 * worker thread, as in bench/run.ts), with the main thread's busy time per response: what one
 * request costs the app when many are in flight, with HTTP and garbage collection as in the bench.
 * With COST_PROFILE the profile of this phase goes to <dir>/<scenario>.load.cpuprofile.
 */
async function underLoad(name: string, url: string, cookie: string | undefined): Promise<void> {
  const stopProfile = await startProfile(`${name}.load`);
  const before = nodePerformance.eventLoopUtilization();
  const result = await measure({ url, connections: 32, duration: LOAD_SECONDS, cookie });
  const busy = nodePerformance.eventLoopUtilization(before);
  await stopProfile();
  const perResponse = result.requests ? busy.active / result.requests : 0;
  console.log(
    `LOAD ${name} rps=${Math.round(result.rps)} p95_ms=${result.p95} non2xx=${result.non2xx} main_thread_busy=${(busy.utilization * 100).toFixed(0)}% busy_ms_per_response=${perResponse.toFixed(2)}`,
  );
}

interface Statement {
  sql: string;
  parameters: readonly unknown[];
  ms: number;
}

/**
 * COST_EXPLAIN=1: each read of one request again under EXPLAIN (ANALYZE, BUFFERS) with its own
 * parameters. Shared buffers touched hardly depend on the machine's load, unlike milliseconds.
 */
async function explainAll(pool: pg.Pool, statements: Statement[]): Promise<void> {
  for (const s of statements) {
    if (!/^\s*(\/\* prepared \*\/\s*)?(select|with)\b/i.test(s.sql)) continue;
    const rows = (await pool.query(`explain (analyze, buffers, format json) ${s.sql}`, s.parameters as unknown[])).rows as Array<{
      'QUERY PLAN': Array<{ Plan: Record<string, number>; 'Execution Time': number; 'Planning Time': number }>;
    }>;
    const plan = rows[0]?.['QUERY PLAN'][0];
    if (!plan) continue;
    const buffers = (plan.Plan['Shared Hit Blocks'] ?? 0) + (plan.Plan['Shared Read Blocks'] ?? 0);
    console.log(`  EXPLAIN ${plan['Execution Time'].toFixed(2)} ms (planning ${plan['Planning Time'].toFixed(2)} ms)  ${buffers} buffers  ${s.sql.replace(/\s+/g, ' ').slice(0, 160)}`);
    if (process.env.COST_EXPLAIN_PLANS === '1') {
      const text = (await pool.query(`explain (analyze, buffers) ${s.sql}`, s.parameters as unknown[])).rows.map((r: Record<string, string>) => r['QUERY PLAN']);
      for (const line of text) console.log(`      ${line}`);
    }
  }
}

/**
 * COST_PLANS=1: the connection's named statements (platform/db/prepared.ts) with how often
 * PostgreSQL planned them for the run's values (custom) and used its one kept plan (generic): a
 * marked statement whose custom count grows with every request is planned on every request (the
 * counts add up over the pages of one run).
 */
async function printPlans(pool: pg.Pool): Promise<void> {
  const rows = (await pool.query('select statement, generic_plans, custom_plans from pg_prepared_statements order by statement')).rows as Array<{
    statement: string;
    generic_plans: number;
    custom_plans: number;
  }>;
  for (const r of rows) console.log(`  PLANS generic=${r.generic_plans} custom=${r.custom_plans}  ${r.statement.replace(/\s+/g, ' ').slice(0, 140)}`);
}

async function main(): Promise<void> {
  const url = new URL(SERVER_URL);
  url.pathname = `/${DATABASE}`;
  // The app's own handle only to register pg's type parsers; the pool below logs each statement with its time.
  await openPostgres(url.toString(), 1).close();
  // COST_PLANS=1: one connection, so that its named statements can be looked at after each page.
  const pool = new pg.Pool({ connectionString: url.toString(), max: process.env.COST_PLANS === '1' ? 1 : 20 });
  // As the app's own pool (openPostgres): marked statements run as named ones.
  pool.on('connect', prepareMarkedStatements);
  let statements: Statement[] = [];
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool }),
    log: (event) => {
      statements.push({ sql: event.query.sql, parameters: event.query.parameters, ms: event.queryDurationMillis });
    },
  });
  const handle: DatabaseHandle = {
    db,
    engine: 'postgres',
    executeSql: async (text, values) => ({ rows: (await pool.query(text, values as unknown[])).rows }),
    close: () => db.destroy(),
  };
  const dataDir = mkdtempSync(join(tmpdir(), 'vv-cost-'));
  const config = loadConfig({
    DATABASE_URL: url.toString(),
    DATA_DIR: dataDir,
    LOG_LEVEL: process.env.COST_LOG_LEVEL ?? 'silent',
    DEMO_DATA: 'false',
    SESSION_SECRET: 'bench-secret-bench-secret-bench-secret',
    PORT: '0',
    PAGE_CACHE_SECONDS: '0',
    OFFICE_REQUIRES_SECOND_FACTOR: 'false',
    // As in bench/run.ts: the bench's 32 connections come from one address.
    API_REQUESTS_PER_MINUTE: '0',
  });
  const app = await buildApp({ config, handle, startJobs: false, logger: process.env.COST_LOG_LEVEL ? { level: process.env.COST_LOG_LEVEL } : false });
  const appUrl = await app.fastify.listen({ port: 0, host: '127.0.0.1' });
  const ctx = benchContext({ db, services: app.services, appUrl, connections: 1, duration: 1, baselineRps: () => 1 });
  const wanted = process.argv.slice(2);
  const sets = await loadScenarioSets();
  try {
    for (const set of sets) {
      for (const scenario of set.scenarios) {
        if (!isPageScenario(scenario) || (wanted.length && !wanted.includes(scenario.name) && !wanted.includes(set.topic))) continue;
        const target = await scenario.page(ctx);
        const request = { method: 'GET' as const, url: target.path, headers: target.cookie ? { cookie: target.cookie } : {} };
        const first = await app.fastify.inject(request);
        if (first.statusCode !== 200) throw new Error(`${scenario.name}: ${target.path} answered ${first.statusCode}`);
        const missing = target.mustContain.filter((text) => !first.body.includes(text));
        if (missing.length) console.error(`${scenario.name}: the page does not show ${missing.join(', ')}`);
        if (process.env.COST_HTML) writeFileSync(join(process.env.COST_HTML, `${scenario.name}.html`), first.body);
        for (let i = 0; i < WARMUP_REQUESTS; i++) await app.fastify.inject(request);
        statements = [];
        await app.fastify.inject(request);
        const one = statements;
        statements = [];
        const stopProfile = await startProfile(scenario.name);
        const cpu = process.cpuUsage();
        const started = performance.now();
        for (let i = 0; i < REQUESTS; i++) await app.fastify.inject(request);
        const wall = (performance.now() - started) / REQUESTS;
        const used = process.cpuUsage(cpu);
        await stopProfile();
        const cpuMs = (used.user + used.system) / 1000 / REQUESTS;
        const sqlMs = statements.reduce((sum, s) => sum + s.ms, 0) / REQUESTS;
        console.log(
          `COST ${scenario.name} wall_ms=${wall.toFixed(2)} cpu_ms=${cpuMs.toFixed(2)} queries=${one.length} sql_ms=${sqlMs.toFixed(2)} kB=${(Buffer.byteLength(first.body) / 1024).toFixed(1)}`,
        );
        if (process.env.COST_SQL === '1') for (const s of one) console.log(`  ${s.ms.toFixed(2)} ms  ${s.sql.replace(/\s+/g, ' ').slice(0, 300)}`);
        if (process.env.COST_PLANS === '1') await printPlans(pool);
        if (process.env.COST_EXPLAIN === '1') await explainAll(pool, one);
        if (LOAD_SECONDS > 0) await underLoad(scenario.name, `${appUrl}${target.path}`, target.cookie);
      }
    }
  } finally {
    await app.close();
    await handle.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
