import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { copyFile, mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { promisify } from 'node:util';
import { type DatabaseHandle, type Engine, openPglite, openPostgres } from '../db/connect.ts';
import { backupRepository, type TableChecksum } from './backup-repository.ts';

const run = promisify(execFile);

export const BACKUP_FORMAT = 'vielfalt-verankern-backup/1';
const MANIFEST = 'manifest.json';
/** Inside the data dir, the embedded database lives here; it goes into the backup as a dump, not as files. */
const PGLITE_DIR = 'db';

export interface BackupManifest {
  format: typeof BACKUP_FORMAT;
  createdAt: string;
  engine: Engine;
  /** The database: `pg_dump --format=custom` for PostgreSQL, PGlite's own data dir dump (tar.gz) for PGlite. */
  database: { file: string; bytes: number; sha256: string };
  /** Row count and checksum of every table at the moment of the dump. */
  tables: Record<string, TableChecksum>;
  /** Every file of the data dir (uploads, mails written without SMTP, the session secret), relative to it. */
  files: Array<{ path: string; bytes: number; sha256: string }>;
}

export class BackupError extends Error {}

export async function sha256Of(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk);
  return hash.digest('hex');
}

/** Every file below `dir`, relative to it, in a stable order; `skip` names top-level entries left out. */
export async function filesBelow(dir: string, skip: string[] = []): Promise<string[]> {
  if (!existsSync(dir)) return [];
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .filter((path) => !skip.includes(path.split('/')[0] ?? ''))
    .sort();
}

async function listFiles(root: string, skip: string[]): Promise<BackupManifest['files']> {
  const files: BackupManifest['files'] = [];
  for (const path of await filesBelow(root, skip)) {
    const full = join(root, path);
    files.push({ path, bytes: (await stat(full)).size, sha256: await sha256Of(full) });
  }
  return files;
}

async function emptyDirectory(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  if ((await readdir(dir)).length > 0) throw new BackupError(`the backup directory must be empty: ${dir}`);
}

/**
 * Writes a backup of the database and the data dir into `target`: the database dump, a copy of every
 * file, and a manifest with the sha256 of each and a checksum of every table. On PostgreSQL the dump
 * and the table checksums come from one snapshot (pg_dump --snapshot), so a backup taken while the
 * app runs is consistent. PGlite belongs to one process: back it up with the app stopped.
 */
export async function createBackup(options: { handle: DatabaseHandle; databaseUrl?: string; dataDir: string; target: string }): Promise<BackupManifest> {
  const { handle, target } = options;
  await emptyDirectory(target);
  let database: BackupManifest['database'];
  let tables: Record<string, TableChecksum>;
  const repo = backupRepository(handle.db);
  if (handle.engine === 'postgres') {
    if (!options.databaseUrl) throw new BackupError('a PostgreSQL backup needs DATABASE_URL');
    const file = 'database.pgdump';
    const result = await handle.db
      .transaction()
      .setIsolationLevel('repeatable read')
      .execute(async (trx) => {
        const snapshot = await backupRepository(trx).exportSnapshot();
        const names = await backupRepository(trx).tables();
        await run('pg_dump', ['--format=custom', '--no-owner', '--no-privileges', `--snapshot=${snapshot}`, `--file=${join(target, file)}`, `--dbname=${options.databaseUrl}`]).catch(
          (error: Error & { stderr?: string }) => {
            throw new BackupError(`pg_dump failed: ${error.stderr ?? error.message}`);
          },
        );
        return { names, checksums: await backupRepository(trx).checksums(names) };
      });
    tables = result.checksums;
    database = { file, bytes: (await stat(join(target, file))).size, sha256: await sha256Of(join(target, file)) };
  } else {
    if (!handle.dumpDataDir) throw new BackupError('this database cannot be dumped');
    const file = 'database.pglite.tar.gz';
    tables = await repo.checksums(await repo.tables());
    const dump = Buffer.from(await (await handle.dumpDataDir()).arrayBuffer());
    await writeFile(join(target, file), dump, { mode: 0o600 });
    database = { file, bytes: dump.length, sha256: await sha256Of(join(target, file)) };
  }
  const files = await listFiles(options.dataDir, [PGLITE_DIR]);
  for (const entry of files) {
    await mkdir(dirname(join(target, 'files', entry.path)), { recursive: true });
    await copyFile(join(options.dataDir, entry.path), join(target, 'files', entry.path));
  }
  const manifest: BackupManifest = { format: BACKUP_FORMAT, createdAt: new Date().toISOString(), engine: handle.engine, database, tables, files };
  // Written last: a backup without its manifest is an unfinished one.
  await writeFile(join(target, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600 });
  return manifest;
}

/** Reads the manifest and checks the sha256 of the dump and of every file against it. */
export async function verifyBackup(source: string): Promise<BackupManifest> {
  const path = join(source, MANIFEST);
  if (!existsSync(path)) throw new BackupError(`no ${MANIFEST} in ${source}: not a backup, or an unfinished one`);
  const manifest = JSON.parse(await readFile(path, 'utf8')) as BackupManifest;
  if (manifest.format !== BACKUP_FORMAT) throw new BackupError(`unknown backup format "${manifest.format}"`);
  const wrong: string[] = [];
  const check = async (file: string, expected: string) => {
    if (!existsSync(file) || (await sha256Of(file)) !== expected) wrong.push(relative(source, file));
  };
  await check(join(source, manifest.database.file), manifest.database.sha256);
  for (const entry of manifest.files) await check(join(source, 'files', entry.path), entry.sha256);
  if (wrong.length) throw new BackupError(`checksum mismatch or missing: ${wrong.join(', ')}`);
  return manifest;
}

export interface RestoreResult {
  manifest: BackupManifest;
  /** Tables whose rows differ from the manifest after the restore (empty when all is well). */
  mismatches: string[];
}

/** Compares the tables of an open database with the checksums of a manifest. */
export async function compareTables(handle: DatabaseHandle, expected: Record<string, TableChecksum>): Promise<string[]> {
  const actual = await backupRepository(handle.db).checksums(Object.keys(expected));
  return Object.entries(expected)
    .filter(([name, sum]) => actual[name]?.rows !== sum.rows || actual[name]?.checksum !== sum.checksum)
    .map(([name]) => name);
}

/**
 * Restores a backup into the configured place: an empty PostgreSQL database (DATABASE_URL) or an
 * empty PGlite data dir, and the files into DATA_DIR. Checks every checksum before and every table after.
 */
export async function restoreBackup(options: { source: string; databaseUrl?: string; dataDir: string }): Promise<RestoreResult> {
  const manifest = await verifyBackup(options.source);
  const engine: Engine = options.databaseUrl ? 'postgres' : 'pglite';
  if (manifest.engine !== engine) throw new BackupError(`this is a ${manifest.engine} backup; the configuration points at ${engine}`);
  const dump = join(options.source, manifest.database.file);
  let handle: DatabaseHandle;
  if (options.databaseUrl) {
    handle = openPostgres(options.databaseUrl, 2);
    if (!(await backupRepository(handle.db).isEmpty())) {
      await handle.close();
      throw new BackupError('the target database is not empty; restore into a new database (createdb) or drop its tables first');
    }
    await run('pg_restore', ['--no-owner', '--no-privileges', '--exit-on-error', '--single-transaction', `--dbname=${options.databaseUrl}`, dump]).catch(async (error: Error & { stderr?: string }) => {
      await handle.close();
      throw new BackupError(`pg_restore failed: ${error.stderr ?? error.message}`);
    });
  } else {
    const dir = join(options.dataDir, PGLITE_DIR);
    if (existsSync(dir) && (await readdir(dir)).length > 0) throw new BackupError(`the database directory is not empty: ${dir}`);
    await mkdir(dir, { recursive: true });
    handle = await openPglite(dir, new Blob([await readFile(dump)]));
  }
  try {
    for (const entry of manifest.files) {
      const target = join(options.dataDir, entry.path);
      await mkdir(dirname(target), { recursive: true });
      await copyFile(join(options.source, 'files', entry.path), target);
    }
    return { manifest, mismatches: await compareTables(handle, manifest.tables) };
  } finally {
    await handle.close();
  }
}
