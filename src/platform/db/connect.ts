import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { Mutex } from 'async-mutex';
import { type Dialect, Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { SerializedPGliteDialect } from './pglite-dialect.ts';
import { prepareMarkedStatements } from './prepared.ts';
import type { Database } from './schema.ts';
import { GuardedKysely, guardedDialect } from './transaction-guard.ts';

export type Engine = 'postgres' | 'pglite';

/**
 * Outside production a query on the pool while a transaction of the same flow is open throws at
 * once, instead of waiting for ever on PGlite (ADR 0002) or reading around the transaction on PostgreSQL.
 */
function kyselyFor(dialect: Dialect): Kysely<Database> {
  if (process.env.NODE_ENV === 'production') return new Kysely<Database>({ dialect });
  return new GuardedKysely<Database>({ dialect: guardedDialect(dialect) });
}

export interface DatabaseHandle {
  db: Kysely<Database>;
  engine: Engine;
  /** Runs raw SQL (one statement with parameters, or several without) with the engine's own client; pg-boss uses it. */
  executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
  close(): Promise<void>;
  /** PGlite only: the whole database as a tarball (backups, test templates). */
  dumpDataDir?(): Promise<Blob>;
  /**
   * PostgreSQL only: hears NOTIFY on `channel` over a connection of its own, which comes back by
   * itself after a loss. `onState(false)` says that notifications may be missed until the next
   * `onState(true)`. Returns how to stop listening.
   */
  listen?(channel: string, onMessage: (payload: string) => void, onState: (connected: boolean) => void): Promise<() => Promise<void>>;
  /** Sends a notification to every listener on `channel` (PostgreSQL; PGlite has a single process and nobody else to tell). */
  notify?(channel: string, payload: string): Promise<void>;
  /**
   * Waits until no other instance is starting on this database and holds that until `release`
   * (PostgreSQL advisory lock on a connection of its own): instances started together on an empty
   * database would otherwise create pg-boss's queues at once and one fails with a deadlock.
   */
  startupLock?(): Promise<() => Promise<void>>;
}

/** Any fixed number: the advisory lock every instance of an installation takes while it starts. */
const STARTUP_LOCK = 7_301_915;

async function startupLock(connectionString: string): Promise<() => Promise<void>> {
  const client = new pg.Client({ connectionString });
  client.on('error', () => {});
  await client.connect();
  await client.query('select pg_advisory_lock($1)', [STARTUP_LOCK]);
  // Ending the session releases the lock, also when the process dies while it starts.
  return () => client.end().catch(() => {});
}

/** Listens on one channel and reconnects a second after each loss until stopped. */
async function listenOn(connectionString: string, channel: string, onMessage: (payload: string) => void, onState: (connected: boolean) => void): Promise<() => Promise<void>> {
  let current: pg.Client | null = null;
  let stopped = false;
  let retry: NodeJS.Timeout | undefined;
  const lost = (client: pg.Client) => {
    if (current === client) current = null;
    client.removeAllListeners('notification');
    client.end().catch(() => {});
    if (stopped) return;
    onState(false);
    if (!retry) {
      retry = setTimeout(() => {
        retry = undefined;
        void connect();
      }, 1000);
      retry.unref();
    }
  };
  const connect = async () => {
    const client = new pg.Client({ connectionString });
    client.on('notification', (message) => {
      if (message.channel === channel) onMessage(message.payload ?? '');
    });
    client.on('error', () => lost(client));
    client.on('end', () => lost(client));
    try {
      await client.connect();
      await client.query(`listen ${client.escapeIdentifier(channel)}`);
      if (stopped) {
        await client.end();
        return;
      }
      current = client;
      onState(true);
    } catch {
      lost(client);
    }
  };
  await connect();
  return async () => {
    stopped = true;
    clearTimeout(retry);
    const client = current;
    current = null;
    await client?.end().catch(() => {});
  };
}

const INT8 = 20;
const NUMERIC = 1700;
const DATE = 1082;

// Counts come back as bigint; every count here fits in a JS number. Dates stay 'YYYY-MM-DD' text so
// that no time zone shifts a calendar day.
pg.types.setTypeParser(INT8, (v) => Number.parseInt(v, 10));
pg.types.setTypeParser(NUMERIC, (v) => Number.parseFloat(v));
pg.types.setTypeParser(DATE, (v) => v);

export function openPostgres(connectionString: string, poolSize = 10): DatabaseHandle {
  const pool = new pg.Pool({ connectionString, max: poolSize });
  // A server restart or failover breaks idle connections; the pool replaces them, the process must not die.
  pool.on('error', (error) => process.emitWarning(`PostgreSQL connection lost: ${error.message}`));
  pool.on('connect', prepareMarkedStatements);
  const db = kyselyFor(new PostgresDialect({ pool }));
  return {
    db,
    engine: 'postgres',
    executeSql: async (text, values) => {
      const result = await pool.query(text, values as unknown[]);
      return { rows: Array.isArray(result) ? (result.at(-1)?.rows ?? []) : result.rows };
    },
    close: () => db.destroy(),
    listen: (channel, onMessage, onState) => listenOn(connectionString, channel, onMessage, onState),
    startupLock: () => startupLock(connectionString),
    notify: async (channel, payload) => {
      await pool.query('select pg_notify($1, $2)', [channel, payload]);
    },
  };
}

/** A data dir, a dump to open in memory, or a data dir filled from a dump (a restore). */
export async function openPglite(dataDirOrBlob?: string | Blob, loadInto?: Blob): Promise<DatabaseHandle> {
  const options = {
    // PostgreSQL ships pg_trgm as a contrib module; PGlite needs it handed in before `create extension` can find it.
    extensions: { pg_trgm },
    parsers: {
      [INT8]: (v: string) => Number.parseInt(v, 10),
      [NUMERIC]: (v: string) => Number.parseFloat(v),
      [DATE]: (v: string) => v,
    },
  };
  const pglite =
    dataDirOrBlob instanceof Blob
      ? await PGlite.create({ ...options, loadDataDir: dataDirOrBlob })
      : await PGlite.create(dataDirOrBlob ?? 'memory://', loadInto ? { ...options, loadDataDir: loadInto } : options);
  const lock = new Mutex();
  const db = kyselyFor(new SerializedPGliteDialect(pglite, lock));
  return {
    db,
    engine: 'pglite',
    executeSql: (text, values) =>
      lock.runExclusive(async () => {
        if (values && values.length > 0) {
          const result = await pglite.query(text, values);
          return { rows: result.rows };
        }
        const results = await pglite.exec(text);
        return { rows: results.at(-1)?.rows ?? [] };
      }),
    close: () => db.destroy(),
    dumpDataDir: () => lock.runExclusive(() => pglite.dumpDataDir('gzip')),
  };
}
