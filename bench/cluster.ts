/**
 * npm run bench:cluster — several instances of the compiled app behind a real nginx on one
 * PostgreSQL database (scripts/cluster-lib.ts), with the demo data, killed with SIGKILL under load.
 * Not part of `npm test`: it takes a few minutes and needs nginx.
 *
 * Prints one line per measurement: RESULT cluster_<what> key=value …, and a FAILED line for every
 * aim missed (exit code 1): no failed GET while an instance dies, no committed write lost or
 * doubled, a change visible on the other instances within a second, one session and one rate limit
 * for all instances, every mail sent once (a crash between the mail server's "250 OK" and our
 * COMMIT may send one mail again under the same Message-ID; that is counted, not failed).
 *
 * Environment: BENCH_PG_URL (server, default postgres://postgres@127.0.0.1:5432/postgres), BENCH_DB
 * (database to create and drop, default vv_bench_cluster), BENCH_INSTANCES (default 3),
 * BENCH_DURATION (seconds of each load phase, default 20), BENCH_CONNECTIONS (GET load, default 16),
 * BENCH_KEEP=1 (keep the database).
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { loadConfig } from '../src/config.ts';
import { openPostgres } from '../src/platform/db/connect.ts';
import { startSmtpServer } from '../test/support/smtp.ts';
import { type Cluster, startCluster } from '../scripts/cluster-lib.ts';
import { prepareClusterData } from './cluster-data.ts';
import { crashEveryInstance, getUnderKill, mailsOnce, type Phase, propagation, rateLimitAcrossInstances, rollingRestart, sessionsAcrossInstances, writesUnderKill } from './cluster-phases.ts';

const SERVER_URL = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const DATABASE = process.env.BENCH_DB ?? 'vv_bench_cluster';
if (!/^[a-z_][a-z0-9_]{0,62}$/.test(DATABASE)) throw new Error('BENCH_DB must be a plain lower-case identifier');
const INSTANCES = Number(process.env.BENCH_INSTANCES ?? 3);
const DURATION = Number(process.env.BENCH_DURATION ?? 20);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);
const WRITERS = 8;
for (const [name, value] of Object.entries({ BENCH_INSTANCES: INSTANCES, BENCH_DURATION: DURATION, BENCH_CONNECTIONS: CONNECTIONS })) {
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive whole number`);
}
if (INSTANCES < 2) throw new Error('BENCH_INSTANCES must be at least 2: one is killed while the others serve');

async function admin(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: SERVER_URL });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

function databaseUrl(name: string): string {
  const url = new URL(SERVER_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

async function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** `count` free ports in a row (nginx's, then one per instance). */
async function freePorts(count: number): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    // Below Linux's ephemeral range (32768–60999), so that no outgoing connection takes one meanwhile.
    const first = 20_000 + Math.floor(Math.random() * 12_000);
    let ok = true;
    for (let i = 0; i < count && ok; i++) ok = await portFree(first + i);
    if (ok) return first;
  }
  throw new Error('no free ports found');
}

async function main(): Promise<void> {
  const smtp = await startSmtpServer();
  await admin(`drop database if exists ${DATABASE} with (force)`);
  await admin(`create database ${DATABASE}`);
  const dataDir = mkdtempSync(join(tmpdir(), 'vv-bench-cluster-'));
  const url = databaseUrl(DATABASE);
  const env = {
    DATABASE_URL: url,
    DATA_DIR: dataDir,
    SESSION_SECRET: randomBytes(32).toString('hex'),
    SMTP_URL: smtp.url,
    DEMO_DATA: 'true',
    LOG_LEVEL: 'warn',
    // Every writer registers many guests from its one address; the sign-in limit stays on (it is measured).
    GUEST_REGISTRATIONS_PER_MINUTE: '0',
    OFFICE_REQUIRES_SECOND_FACTOR: 'false',
  };
  const port = await freePorts(INSTANCES + 1);
  const output: string[] = [];
  let cluster: Cluster | undefined;
  const handle = openPostgres(url, 4);
  const failures: string[] = [];
  try {
    const started = Date.now();
    cluster = await startCluster({
      instances: INSTANCES,
      port,
      env,
      upstreamHeader: true,
      log: (source, line) => {
        output.push(`${source} ${line}`);
        if (output.length > 400) output.shift();
      },
    });
    console.log(`RESULT cluster_start instances=${INSTANCES} ms=${Date.now() - started} (build if stale, migrations and demo data on an empty database, then the other instances)`);
    const data = await prepareClusterData(handle.db, WRITERS);
    const phase: Phase = {
      cluster,
      db: handle.db,
      smtp,
      data,
      duration: DURATION,
      connections: CONNECTIONS,
      writers: WRITERS,
      mailFrom: loadConfig({ ...process.env, ...env }).mailFrom,
      result: (line) => console.log(`RESULT ${line}`),
      fail: (line) => {
        failures.push(line);
        console.log(`FAILED ${line}`);
      },
    };
    const coordinator = await sessionsAcrossInstances(phase);
    await rateLimitAcrossInstances(phase);
    await mailsOnce(phase);
    await propagation(phase, coordinator);
    await getUnderKill(phase);
    await writesUnderKill(phase);
    await rollingRestart(phase);
    await crashEveryInstance(phase);
  } catch (error) {
    console.error(output.slice(-60).join('\n'));
    throw error;
  } finally {
    await cluster?.stop();
    await handle.close();
    await smtp.close();
    rmSync(dataDir, { recursive: true, force: true });
    if (process.env.BENCH_KEEP !== '1') await admin(`drop database if exists ${DATABASE} with (force)`);
  }
  if (failures.length) {
    console.log(`${failures.length} aim(s) missed`);
    process.exitCode = 1;
  }
}

await main();
