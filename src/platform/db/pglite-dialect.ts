import type { PGlite } from '@electric-sql/pglite';
import type { Mutex } from 'async-mutex';
import { type CompiledQuery, type DatabaseConnection, type Dialect, type Driver, type Kysely, PGliteAdapter, PostgresIntrospector, PostgresQueryCompiler, type QueryResult } from 'kysely';

/**
 * PGlite is one single-session database. Kysely's own PGlite driver hands the same connection to
 * every caller, so a query of one request could land inside another request's open transaction.
 * This driver lends the connection to one caller at a time; pg-boss takes the same lock.
 */
class SerializedPGliteConnection implements DatabaseConnection {
  constructor(private readonly pglite: PGlite) {}

  async executeQuery<R>(compiledQuery: CompiledQuery): Promise<QueryResult<R>> {
    const result = await this.pglite.query<R>(compiledQuery.sql, compiledQuery.parameters as unknown[], { rowMode: 'object' });
    return {
      rows: result.rows ?? [],
      numAffectedRows: result.affectedRows != null ? BigInt(result.affectedRows) : undefined,
    };
  }

  // biome-ignore lint/correctness/useYield: PGlite has no cursors; Kysely requires the method
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('Streaming is not supported by PGlite');
  }
}

class SerializedPGliteDriver implements Driver {
  readonly #connection: SerializedPGliteConnection;
  #release: (() => void) | undefined;

  constructor(
    private readonly pglite: PGlite,
    private readonly lock: Mutex,
  ) {
    this.#connection = new SerializedPGliteConnection(pglite);
  }

  async init(): Promise<void> {
    await this.pglite.waitReady;
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    this.#release = await this.lock.acquire();
    return this.#connection;
  }

  async releaseConnection(): Promise<void> {
    const release = this.#release;
    this.#release = undefined;
    release?.();
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery({ sql: 'begin', parameters: [] } as unknown as CompiledQuery);
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery({ sql: 'commit', parameters: [] } as unknown as CompiledQuery);
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery({ sql: 'rollback', parameters: [] } as unknown as CompiledQuery);
  }

  async savepoint(connection: DatabaseConnection, name: string): Promise<void> {
    await connection.executeQuery({ sql: `savepoint ${name}`, parameters: [] } as unknown as CompiledQuery);
  }

  async rollbackToSavepoint(connection: DatabaseConnection, name: string): Promise<void> {
    await connection.executeQuery({ sql: `rollback to savepoint ${name}`, parameters: [] } as unknown as CompiledQuery);
  }

  async releaseSavepoint(connection: DatabaseConnection, name: string): Promise<void> {
    await connection.executeQuery({ sql: `release savepoint ${name}`, parameters: [] } as unknown as CompiledQuery);
  }

  async destroy(): Promise<void> {
    if (!this.pglite.closed) await this.pglite.close();
  }
}

export class SerializedPGliteDialect implements Dialect {
  constructor(
    private readonly pglite: PGlite,
    private readonly lock: Mutex,
  ) {}
  createAdapter() {
    return new PGliteAdapter();
  }
  createDriver(): Driver {
    return new SerializedPGliteDriver(this.pglite, this.lock);
  }
  createIntrospector(db: Kysely<unknown>) {
    return new PostgresIntrospector(db);
  }
  createQueryCompiler() {
    return new PostgresQueryCompiler();
  }
}
