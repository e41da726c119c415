/**
 * npm run backup -- <dir>: writes a backup of the configured database (DATABASE_URL, or the PGlite
 * data dir in DATA_DIR) and of every file in DATA_DIR into <dir>, with a manifest of checksums.
 */
import { join, resolve } from 'node:path';
import { loadConfig } from '../src/config.ts';
import { createBackup } from '../src/platform/backup/backup.ts';
import { openPglite, openPostgres } from '../src/platform/db/connect.ts';

const target = process.argv[2];
if (!target) {
  process.stderr.write('usage: npm run backup -- <directory>\n');
  process.exit(2);
}
// The tool needs no session secret; without this, reading the configuration would create one in DATA_DIR.
const config = loadConfig({ ...process.env, SESSION_SECRET: process.env.SESSION_SECRET || 'not-needed-by-backup-or-restore-00000000' });
const handle = config.databaseUrl ? openPostgres(config.databaseUrl, 2) : await openPglite(join(config.dataDir, 'db'));
try {
  const manifest = await createBackup({ handle, databaseUrl: config.databaseUrl, dataDir: config.dataDir, target: resolve(target) });
  const rows = Object.values(manifest.tables).reduce((sum, t) => sum + t.rows, 0);
  process.stdout.write(`backup written: ${manifest.engine}, ${Object.keys(manifest.tables).length} tables, ${rows} rows, ${manifest.files.length} files\n`);
} catch (error) {
  process.stderr.write(`backup failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
} finally {
  await handle.close();
}
