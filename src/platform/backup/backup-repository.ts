import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema.ts';

export interface TableChecksum {
  rows: number;
  /** The sum of each row's md5 (as a 60-bit number): independent of the order rows come back in. */
  checksum: string;
}

/** What a backup checks: every table of the application's schema (pg-boss's queue is state, not data). */
export function backupRepository(db: Kysely<Database>) {
  return {
    async tables(): Promise<string[]> {
      const result = await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`.execute(db);
      return result.rows.map((row) => row.name);
    },

    /** Count and checksum of one table, with timestamps written in UTC so that both sides write rows alike. */
    async checksums(tables: string[]): Promise<Record<string, TableChecksum>> {
      const inTransaction = <T>(work: (trx: Kysely<Database>) => Promise<T>) => (db.isTransaction ? work(db) : db.transaction().execute(work));
      return inTransaction(async (trx) => {
        await sql`set local timezone = 'UTC'`.execute(trx);
        const sums: Record<string, TableChecksum> = {};
        for (const table of tables) {
          const result = await sql<{
            rows: number;
            checksum: string;
          }>`select count(*)::int as rows, coalesce(sum(('x' || substr(md5(t::text), 1, 15))::bit(60)::bigint), 0)::text as checksum from ${sql.table(table)} t`.execute(trx);
          const row = result.rows[0];
          sums[table] = { rows: Number(row?.rows ?? 0), checksum: String(row?.checksum ?? '0') };
        }
        return sums;
      });
    },

    /** PostgreSQL, inside a repeatable-read transaction: names its snapshot, so that pg_dump sees exactly what this transaction sees. */
    async exportSnapshot(): Promise<string> {
      const result = await sql<{ id: string }>`select pg_export_snapshot() as id`.execute(db);
      return String(result.rows[0]?.id);
    },

    /** Whether the application's schema holds any table (a restore goes only into an empty database). */
    async isEmpty(): Promise<boolean> {
      return (await this.tables()).length === 0;
    },
  };
}
