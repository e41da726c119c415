/**
 * npm run restore -- <dir>: restores a backup made by npm run backup into the configured place (an
 * empty database at DATABASE_URL, or an empty PGlite data dir in DATA_DIR) and its files into
 * DATA_DIR; checks every checksum before and every table after. Stop the app first.
 */
import { resolve } from 'node:path';
import { loadConfig } from '../src/config.ts';
import { restoreBackup } from '../src/platform/backup/backup.ts';

const source = process.argv[2];
if (!source) {
  process.stderr.write('usage: npm run restore -- <directory>\n');
  process.exit(2);
}
// The tool needs no session secret; without this, reading the configuration would create one in DATA_DIR.
const config = loadConfig({ ...process.env, SESSION_SECRET: process.env.SESSION_SECRET || 'not-needed-by-backup-or-restore-00000000' });
try {
  const { manifest, mismatches } = await restoreBackup({ source: resolve(source), databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  if (mismatches.length) {
    process.stderr.write(`restored, but these tables differ from the backup: ${mismatches.join(', ')}\n`);
    process.exitCode = 1;
  } else {
    process.stdout.write(`restored the backup of ${manifest.createdAt}: ${Object.keys(manifest.tables).length} tables and ${manifest.files.length} files, every checksum matches\n`);
  }
} catch (error) {
  process.stderr.write(`restore failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
