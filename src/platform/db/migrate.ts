import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Kysely, sql } from 'kysely';
import { type Migration, type MigrationProvider, Migrator } from 'kysely/migration';
import { COMPILED, PROJECT_ROOT } from '../paths.ts';
import type { Database } from './schema.ts';

/** The compiled start (dist/main.js) imports the migrations compiled next to it; names stay the same. */
export const MIGRATIONS_DIR = COMPILED ? join(PROJECT_ROOT, 'dist', 'migrations') : join(PROJECT_ROOT, 'migrations');

class FolderMigrationProvider implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    const files = (await readdir(MIGRATIONS_DIR)).filter((f) => /^\d{4}_.+\.[jt]s$/.test(f)).sort();
    const migrations: Record<string, Migration> = {};
    for (const file of files) {
      migrations[file.replace(/\.[jt]s$/, '')] = (await import(pathToFileURL(join(MIGRATIONS_DIR, file)).href)) as Migration;
    }
    return migrations;
  }
}

export function createMigrator(db: Kysely<Database>): Migrator {
  // Modules are built side by side on branches, each with its own migration number; one that lands
  // after a higher number has already run on an installation must still be applied.
  return new Migrator({ db: db as Kysely<unknown>, provider: new FolderMigrationProvider(), allowUnorderedMigrations: true });
}

export async function migrateToLatest(db: Kysely<Database>): Promise<string[]> {
  const { error, results } = await createMigrator(db).migrateToLatest();
  if (error) throw error;
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** For /healthz: are all migrations in the folder applied? */
export async function pendingMigrations(db: Kysely<Database>): Promise<string[]> {
  const migrations = await createMigrator(db).getMigrations();
  return migrations.filter((m) => m.executedAt === undefined).map((m) => m.name);
}

/** Runs statements one by one: PGlite's extended protocol takes one statement per call. */
export async function runStatements(db: Kysely<unknown>, statements: string[]): Promise<void> {
  for (const statement of statements) {
    await sql.raw(statement).execute(db);
  }
}
