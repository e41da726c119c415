import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Kysely, sql } from 'kysely';
import { type Migration, type MigrationProvider, Migrator } from 'kysely/migration';
import { COMPILED, PROJECT_ROOT } from '../paths.ts';
import type { Database } from './schema.ts';

/** The compiled start (dist/main.js) imports the migrations compiled next to it; names stay the same. */
export const MIGRATIONS_DIR = COMPILED ? join(PROJECT_ROOT, 'dist', 'migrations') : join(PROJECT_ROOT, 'migrations');

const MIGRATION_FILE = /^\d{4}_.+\.[jt]s$/;

/** The migrations in the folder, by name (the file name without its extension), in order. */
async function migrationFiles(): Promise<Array<{ name: string; file: string }>> {
  return (await readdir(MIGRATIONS_DIR))
    .filter((f) => MIGRATION_FILE.test(f))
    .sort()
    .map((file) => ({ name: file.replace(/\.[jt]s$/, ''), file }));
}

class FolderMigrationProvider implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    const migrations: Record<string, Migration> = {};
    for (const { name, file } of await migrationFiles()) {
      migrations[name] = (await import(pathToFileURL(join(MIGRATIONS_DIR, file)).href)) as Migration;
    }
    return migrations;
  }
}

/**
 * The migrations in the folder that the database has not applied, by name alone: one query, no
 * migration loaded. Kysely's migrator imports every migration first (half a second for forty on a
 * restart that has nothing to do).
 */
async function unappliedNames(db: Kysely<Database>): Promise<string[]> {
  const files = await migrationFiles();
  const table = await sql<{ present: boolean }>`select to_regclass('kysely_migration') is not null as present`.execute(db);
  if (!table.rows[0]?.present) return files.map((f) => f.name);
  const applied = new Set((await sql<{ name: string }>`select name from kysely_migration`.execute(db)).rows.map((row) => row.name));
  return files.filter((f) => !applied.has(f.name)).map((f) => f.name);
}

export function createMigrator(db: Kysely<Database>): Migrator {
  // Modules are built side by side on branches, each with its own migration number; one that lands
  // after a higher number has already run on an installation must still be applied.
  return new Migrator({ db: db as Kysely<unknown>, provider: new FolderMigrationProvider(), allowUnorderedMigrations: true });
}

export async function migrateToLatest(db: Kysely<Database>): Promise<string[]> {
  if ((await unappliedNames(db)).length === 0) return [];
  const { error, results } = await createMigrator(db).migrateToLatest();
  if (error) throw error;
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** For /healthz: are all migrations in the folder applied? */
export async function pendingMigrations(db: Kysely<Database>): Promise<string[]> {
  return unappliedNames(db);
}

/** Runs statements one by one: PGlite's extended protocol takes one statement per call. */
export async function runStatements(db: Kysely<unknown>, statements: string[]): Promise<void> {
  for (const statement of statements) {
    await sql.raw(statement).execute(db);
  }
}
