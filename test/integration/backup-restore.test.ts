import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { type BackupManifest, compareTables, createBackup, filesBelow, restoreBackup, sha256Of } from '../../src/platform/backup/backup.ts';
import { backupRepository } from '../../src/platform/backup/backup-repository.ts';
import { type DatabaseHandle, openPglite, openPostgres } from '../../src/platform/db/connect.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { adminQuery, testEngine, urlFor } from '../support/database.ts';

const run = promisify(execFile);

/** Every file of a data dir (without the embedded database) with its sha256. */
async function fileSums(dir: string): Promise<Record<string, string>> {
  const sums: Record<string, string> = {};
  for (const path of await filesBelow(dir, ['db'])) sums[path] = await sha256Of(join(dir, path));
  return sums;
}

/** A new, empty place to restore into: an empty PostgreSQL database or an empty data dir. */
async function newPlace(): Promise<{ dataDir: string; databaseUrl?: string; open(): Promise<DatabaseHandle>; drop(): Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'vv-restore-'));
  if (testEngine() === 'pglite') {
    return { dataDir, open: () => openPglite(join(dataDir, 'db')), drop: async () => rmSync(dataDir, { recursive: true, force: true }) };
  }
  const name = `vv_r_${randomBytes(6).toString('hex')}`;
  await adminQuery(`create database ${name}`);
  return {
    dataDir,
    databaseUrl: urlFor(name),
    open: async () => openPostgres(urlFor(name), 2),
    drop: async () => {
      await adminQuery(`drop database if exists ${name} with (force)`);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

describe('backup and restore', () => {
  let t: TestApp;
  let backupDir: string;
  let manifest: BackupManifest;
  const places: Array<Awaited<ReturnType<typeof newPlace>>> = [];

  before(async () => {
    t = await startTestApp({ variant: 'demo' });
    // What an installation keeps besides the database: uploads, mails written without SMTP, the secret.
    mkdirSync(join(t.dataDir, 'files', 'ab'), { recursive: true });
    writeFileSync(join(t.dataDir, 'files', 'ab', 'abcdef.jpg'), randomBytes(50_000));
    mkdirSync(join(t.dataDir, 'mail'), { recursive: true });
    writeFileSync(join(t.dataDir, 'mail', '00000001.eml'), 'Subject: Willkommen\r\n\r\nHallo');
    backupDir = mkdtempSync(join(tmpdir(), 'vv-backup-'));
    manifest = await createBackup({ handle: t.database.handle, databaseUrl: t.database.url, dataDir: t.dataDir, target: backupDir });
  });
  after(async () => {
    for (const place of places) await place.drop();
    rmSync(backupDir, { recursive: true, force: true });
    await t.close();
  });

  it('backs up the demo and restores it into a new place with every table and every file the same', { timeout: 300_000 }, async () => {
    assert.equal(manifest.engine, testEngine());
    assert.ok(manifest.tables.municipalities && manifest.tables.municipalities.rows > 400, 'the register is in it');
    assert.ok(Object.values(manifest.tables).filter((table) => table.rows > 0).length > 20, 'the demo fills many tables');
    assert.ok(manifest.files.some((f) => f.path === 'files/ab/abcdef.jpg'));

    const place = await newPlace();
    places.push(place);
    // Through the command an operator runs, configured by the environment like the app.
    const env = { ...process.env, DATA_DIR: place.dataDir, DATABASE_URL: place.databaseUrl ?? '', LOG_LEVEL: 'silent' };
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'scripts/restore.ts', backupDir], { env });
    assert.match(stdout, /every checksum matches/);

    // Compared here on their own: each table of the original against the restored one, and each file.
    const restored = await place.open();
    try {
      const tables = await backupRepository(t.database.handle.db).tables();
      assert.deepEqual(await backupRepository(restored.db).tables(), tables);
      const original = await backupRepository(t.database.handle.db).checksums(tables);
      assert.deepEqual(await backupRepository(restored.db).checksums(tables), original);
      assert.deepEqual(await compareTables(restored, manifest.tables), []);
    } finally {
      await restored.close();
    }
    assert.deepEqual(await fileSums(place.dataDir), await fileSums(t.dataDir));
  });

  it('refuses a backup whose files were changed, and a target that is not empty', { timeout: 300_000 }, async () => {
    const copy = mkdtempSync(join(tmpdir(), 'vv-backup-bad-'));
    try {
      await run('cp', ['-r', `${backupDir}/.`, copy]);
      const upload = join(copy, 'files', 'files', 'ab', 'abcdef.jpg');
      const bytes = readFileSync(upload);
      bytes[100] = (bytes[100] ?? 0) ^ 0xff;
      writeFileSync(upload, bytes);
      const place = await newPlace();
      places.push(place);
      await assert.rejects(restoreBackup({ source: copy, databaseUrl: place.databaseUrl, dataDir: place.dataDir }), /checksum mismatch or missing: files\/files\/ab\/abcdef.jpg/);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
    // The first place holds the restored demo by now.
    const filled = places[0];
    assert.ok(filled);
    await assert.rejects(restoreBackup({ source: backupDir, databaseUrl: filled.databaseUrl, dataDir: filled.dataDir }), /not empty/);
    // Nor does a backup go over an older one.
    await assert.rejects(createBackup({ handle: t.database.handle, databaseUrl: t.database.url, dataDir: t.dataDir, target: backupDir }), /must be empty/);
  });
});
