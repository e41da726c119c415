/**
 * The monitoring's hourly job (ADR 0020) on a database a bench run kept (`BENCH_KEEP=1`), timed:
 * `npx tsx bench/monitoring-job.ts [current|all]`. Prints `RESULT monitoring_summary_<which> ms=…`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../src/app.ts';
import { refreshFigures } from '../src/modules/monitoring/figure-store.ts';
import { loadConfig } from '../src/config.ts';
import { openPostgres } from '../src/platform/db/connect.ts';

const url = new URL(process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
url.pathname = `/${process.env.BENCH_DB ?? 'vv_bench'}`;
const which = process.argv[2] === 'all' ? 'all' : 'current';
const handle = openPostgres(url.toString(), 4);
const dataDir = mkdtempSync(join(tmpdir(), 'vv-job-'));
const config = loadConfig({ DATABASE_URL: url.toString(), DATA_DIR: dataDir, LOG_LEVEL: 'silent', DEMO_DATA: 'false', SESSION_SECRET: 'bench-secret-bench-secret-bench-secret', PORT: '0' });
const app = await buildApp({ config, handle, startJobs: false, logger: false });
try {
  const { periods, ms } = await refreshFigures(app.services, which);
  console.log(`RESULT monitoring_summary_${which} ms=${ms} periods=${periods.length}`);
} finally {
  await app.close();
  await handle.close();
  rmSync(dataDir, { recursive: true, force: true });
}
