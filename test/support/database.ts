import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { type DatabaseHandle, type Engine, openPglite, openPostgres } from '../../src/platform/db/connect.ts';

/** Where the runner (scripts/test.ts) leaves the prepared template databases. */
export const TEST_PG_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
export const TEMPLATE_DIR = join(process.cwd(), '.tmp');

export type Variant = 'reference' | 'demo';

export function testEngine(): Engine {
  return process.env.TEST_ENGINE === 'pglite' ? 'pglite' : 'postgres';
}

/** Per checkout, so that two checkouts on one machine can run their tests at the same time. */
const CHECKOUT = createHash('sha1').update(process.cwd()).digest('hex').slice(0, 8);

export function templateName(variant: Variant): string {
  return `vv_test_template_${variant}_${CHECKOUT}`;
}

export function pgliteTemplateFile(variant: Variant): string {
  return join(TEMPLATE_DIR, `pglite-${variant}.tar.gz`);
}

function urlFor(database: string): string {
  const url = new URL(TEST_PG_URL);
  url.pathname = `/${database}`;
  return url.toString();
}

async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_PG_URL });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

export interface TestDatabase {
  handle: DatabaseHandle;
  /** PostgreSQL: where the database is, so that a second instance (or a tool) can open it too. */
  url?: string;
  drop(): Promise<void>;
}

/**
 * A fresh database with the schema and the municipality register (and, for 'demo', the demo data),
 * cloned from a template that the test runner prepared once, on the engine the run is for.
 */
export async function createTestDatabase(variant: Variant = 'reference', engine: Engine = testEngine()): Promise<TestDatabase> {
  if (engine === 'pglite') {
    const file = pgliteTemplateFile(variant);
    if (!existsSync(file)) throw new Error(`PGlite template missing: run the tests with npm test (scripts/test.ts prepares ${variant})`);
    const handle = await openPglite(new Blob([readFileSync(file)]));
    return { handle, drop: () => handle.close() };
  }
  const name = `vv_t_${randomBytes(6).toString('hex')}`;
  await adminQuery(`create database ${name} template ${templateName(variant)}`);
  const handle = openPostgres(urlFor(name), 5);
  return {
    handle,
    url: urlFor(name),
    async drop() {
      await handle.close();
      await adminQuery(`drop database if exists ${name} with (force)`);
    },
  };
}

export { adminQuery, urlFor };
