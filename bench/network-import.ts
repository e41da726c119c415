/**
 * The network import at the size the issue names: a CSV of 5,000 organisations (about 2 % likely
 * duplicates of the town's 2,000 existing ones, 1 % rows with errors) read, previewed, run and
 * undone through the import service, on PostgreSQL and on PGlite. Prints one line per step:
 *   IMPORT <engine> read_ms=… preview_ms=… run_ms=… undo_ms=… created=… updated=… skipped=…
 *
 *   npx tsx bench/network-import.ts [postgres,pglite]
 *
 * Environment: BENCH_PG_URL (server, default postgres://postgres@127.0.0.1:5432/postgres),
 * IMPORT_DB (database to create and drop, default vv_bench_import), IMPORT_ROWS (default 5000),
 * IMPORT_EXISTING (default 2000), IMPORT_KEEP=1 (keep the PostgreSQL database to look at the plans).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Kysely } from 'kysely';
import pg from 'pg';
import { allModules, buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { scoreQueuedCandidates } from '../src/modules/network/candidates-job.ts';
import { networkImportService } from '../src/modules/network/import-service.ts';
import { SYSTEM } from '../src/platform/access/actor.ts';
import { type DatabaseHandle, openPglite, openPostgres } from '../src/platform/db/connect.ts';
import { migrateToLatest } from '../src/platform/db/migrate.ts';
import type { Database } from '../src/platform/db/schema.ts';
import { seedInstallation } from '../src/platform/db/seed.ts';

const SERVER_URL = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const DATABASE = process.env.IMPORT_DB ?? 'vv_bench_import';
if (!/^[a-z_][a-z0-9_]{0,62}$/.test(DATABASE)) throw new Error('IMPORT_DB must be a plain lower-case identifier');
const ROWS = Number(process.env.IMPORT_ROWS ?? 5000);
const EXISTING = Number(process.env.IMPORT_EXISTING ?? 2000);
const TYPES = ['Verein', 'Migrantenorganisation', 'Schule', 'Initiative', 'Unternehmen', 'Bildungsträger'];
const WORDS = ['Nachbarschaft', 'Sport', 'Kultur', 'Eltern', 'Jugend', 'Senioren', 'Musik', 'Garten', 'Sprache', 'Integration', 'Frauen', 'Bildung'];

function databaseUrl(name: string): string {
  const url = new URL(SERVER_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

async function admin(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: SERVER_URL });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

const orgName = (n: number) => `${WORDS[n % WORDS.length]} ${WORDS[(n * 7) % WORDS.length]}verein ${n} Bensheim`;

/**
 * The file as a town would keep it: semicolons, German headers, a few rows naming organisations the
 * town already has (`existing`, every 50th row) and a few broken rows (every 100th).
 */
function csv(rows: number, existing: string[]): Buffer {
  const lines = ['Name;Art;Internetseite;E-Mail;Öffentlich;Beschreibung'];
  for (let i = 0; i < rows; i++) {
    if (i % 100 === 1) lines.push(`;Verein;;;ja;ohne Namen ${i}`);
    else if (i % 50 === 3 && existing.length) lines.push(`${existing[i % existing.length]};Verein;;;ja;Dublette`);
    else lines.push(`Neue Organisation ${i} ${WORDS[i % WORDS.length]};${TYPES[i % TYPES.length]};www.org-${i}.example;info@org-${i}.example;${i % 3 ? 'ja' : 'nein'};Aus der Liste, Zeile ${i}`);
  }
  return Buffer.from(lines.join('\r\n'), 'utf8');
}

export interface ImportTimes {
  kB: number;
  readMs: number;
  previewMs: number;
  runMs: number;
  /** The background comparison of the organisations the run wrote with their town (job network.duplicate_candidates). */
  candidatesMs: number;
  undoMs: number;
  created: number;
  updated: number;
  skipped: number;
  duplicates: number;
  errors: number;
}

/**
 * Reads, previews, runs and undoes an import of `rows` organisations into the town through the
 * import service, as the coordinator's pages do; `existing` are names the town has (for duplicates).
 */
export async function timeImport(db: Kysely<Database>, town: { id: number }, rows: number, existing: string[]): Promise<ImportTimes> {
  const service = networkImportService(db);
  const file = csv(rows, existing);
  const t0 = performance.now();
  const id = await service.upload(SYSTEM, town, { filename: 'liste.csv', mimetype: 'text/csv', data: file });
  const t1 = performance.now();
  const preview = await service.preview(town, id);
  const t2 = performance.now();
  // Every other likely duplicate updates its best hit, the rest are skipped.
  const choices = Object.fromEntries(preview.rows.filter((r) => r.values && r.hits.length).map((r, i) => [`row-${r.line}`, i % 2 && r.hits[0] ? `update-${r.hits[0].id}` : 'skip']));
  const result = await service.run(SYSTEM, town, id, choices);
  const t3 = performance.now();
  // What the job network.duplicate_candidates then does in the background: compare what the import wrote.
  await scoreQueuedCandidates(db, Number.POSITIVE_INFINITY);
  const candidatesMs = performance.now() - t3;
  const t3b = performance.now();
  await service.undo(SYSTEM, town, id);
  const t4 = performance.now();
  await scoreQueuedCandidates(db, Number.POSITIVE_INFINITY);
  return {
    kB: Math.round(file.length / 1024),
    readMs: t1 - t0,
    previewMs: t2 - t1,
    runMs: t3 - t2,
    candidatesMs,
    undoMs: t4 - t3b,
    created: result.created,
    updated: result.updated,
    skipped: result.skipped,
    duplicates: preview.counts.duplicates,
    errors: preview.counts.errors,
  };
}

async function measure(engine: 'postgres' | 'pglite'): Promise<void> {
  let handle: DatabaseHandle;
  if (engine === 'postgres') {
    await admin(`drop database if exists ${DATABASE} with (force)`);
    await admin(`create database ${DATABASE}`);
    handle = openPostgres(databaseUrl(DATABASE), 5);
  } else {
    handle = await openPglite();
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'vv-import-'));
  try {
    await migrateToLatest(handle.db);
    const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', DEMO_DATA: 'false', SESSION_SECRET: 'bench-secret-bench-secret-bench-secret', PAGE_CACHE_SECONDS: '0' });
    const app = await buildApp({ config, handle, startJobs: false, logger: false });
    await seedInstallation({ services: app.services, modules: allModules(), demo: false, log: () => {} });
    const db = handle.db;
    const town = await db.selectFrom('municipalities').select('id').where('ags', '=', '06431002').executeTakeFirstOrThrow();
    for (let i = 0; i < EXISTING; i += 500) {
      const batch = Array.from({ length: Math.min(500, EXISTING - i) }, (_, k) => ({
        municipality_id: town.id,
        name: orgName(i + k),
        type: 'club' as const,
        address: '',
        website: '',
        email: '',
        description: '',
        is_public: true,
      }));
      await db.insertInto('network_organisations').values(batch).execute();
    }
    const t = await timeImport(
      db,
      town,
      ROWS,
      Array.from({ length: EXISTING }, (_, n) => orgName(n)),
    );
    console.log(
      `IMPORT ${engine} rows=${ROWS} existing=${EXISTING} kB=${t.kB} read_ms=${t.readMs.toFixed(0)} preview_ms=${t.previewMs.toFixed(0)} run_ms=${t.runMs.toFixed(0)} candidates_job_ms=${t.candidatesMs.toFixed(0)} undo_ms=${t.undoMs.toFixed(0)} total_ms=${(t.readMs + t.previewMs + t.runMs).toFixed(0)} created=${t.created} updated=${t.updated} skipped=${t.skipped} duplicates=${t.duplicates} errors=${t.errors}`,
    );
    await app.close();
  } finally {
    await handle.close();
    rmSync(dataDir, { recursive: true, force: true });
    if (engine === 'postgres' && process.env.IMPORT_KEEP !== '1') await admin(`drop database if exists ${DATABASE} with (force)`);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const engine of (process.argv[2] ?? 'postgres,pglite').split(',')) {
    if (engine !== 'postgres' && engine !== 'pglite') throw new Error(`unknown engine ${engine}`);
    await measure(engine);
  }
}
