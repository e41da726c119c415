import { AsyncLocalStorage } from 'node:async_hooks';
import { type DatabaseConnection, type Dialect, type Driver, Kysely, type Transaction, type TransactionBuilder } from 'kysely';

interface OpenTransaction {
  /** The transaction has its connection; any further one asked for in this flow is a query on the pool. */
  connected: boolean;
  finished: boolean;
}

const openTransaction = new AsyncLocalStorage<OpenTransaction>();

export class QueryOutsideTransactionError extends Error {
  constructor() {
    super(
      'a query ran on the pool while a transaction of the same flow was open: use the transaction (trx) for it. On PGlite this waits for ever (ADR 0002); on PostgreSQL it reads around the transaction.',
    );
  }
}

function guardDriver(driver: Driver): Driver {
  return {
    init: () => driver.init(),
    async acquireConnection(): Promise<DatabaseConnection> {
      const open = openTransaction.getStore();
      if (open && !open.finished) {
        if (open.connected) throw new QueryOutsideTransactionError();
        open.connected = true;
      }
      return driver.acquireConnection();
    },
    beginTransaction: (connection, settings) => driver.beginTransaction(connection, settings),
    commitTransaction: (connection) => driver.commitTransaction(connection),
    rollbackTransaction: (connection) => driver.rollbackTransaction(connection),
    releaseConnection: (connection) => driver.releaseConnection(connection),
    destroy: () => driver.destroy(),
  };
}

/** The engine's dialect with a driver that refuses pool queries inside an open transaction of the same flow. */
export function guardedDialect(dialect: Dialect): Dialect {
  return {
    // Kysely would queue a single-connection engine's callers before the driver sees them, so the guard
    // could never answer; the PGlite driver serialises its callers itself (pglite-dialect.ts).
    createAdapter: () => {
      const adapter = dialect.createAdapter();
      return new Proxy(adapter, { get: (target, property) => (property === 'supportsMultipleConnections' ? true : Reflect.get(target, property, target)) });
    },
    createDriver: () => guardDriver(dialect.createDriver()),
    createIntrospector: (db) => dialect.createIntrospector(db),
    createQueryCompiler: () => dialect.createQueryCompiler(),
  };
}

function guardBuilder<DB>(builder: TransactionBuilder<DB>): TransactionBuilder<DB> {
  return new Proxy(builder, {
    get(target, property, receiver) {
      if (property === 'execute') {
        return async <T>(callback: (trx: Transaction<DB>) => Promise<T>) => {
          const open: OpenTransaction = { connected: false, finished: false };
          try {
            return await openTransaction.run(open, () => target.execute(callback));
          } finally {
            open.finished = true;
          }
        };
      }
      if (property === 'setIsolationLevel' || property === 'setAccessMode') {
        return (...args: unknown[]) => guardBuilder((Reflect.get(target, property, receiver) as (...a: unknown[]) => TransactionBuilder<DB>).apply(target, args));
      }
      return Reflect.get(target, property, receiver);
    },
  });
}

/**
 * Kysely whose transactions mark their flow, so that a query on the pool made while one is open
 * throws at once (development and tests; see openPostgres/openPglite).
 */
export class GuardedKysely<DB> extends Kysely<DB> {
  override transaction(): TransactionBuilder<DB> {
    return guardBuilder(super.transaction());
  }
}
