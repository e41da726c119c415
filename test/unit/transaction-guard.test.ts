import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sql } from 'kysely';
import { openPglite } from '../../src/platform/db/connect.ts';
import { QueryOutsideTransactionError } from '../../src/platform/db/transaction-guard.ts';

describe('transaction guard', () => {
  it('throws at once when a query uses the pool while a transaction of the same flow is open, and lets the transaction itself work', async () => {
    const handle = await openPglite();
    try {
      const inside = await handle.db.transaction().execute(async (trx) => (await sql<{ n: number }>`select 1 as n`.execute(trx)).rows[0]?.n);
      assert.equal(inside, 1);
      await assert.rejects(
        handle.db.transaction().execute(async () => sql`select 1`.execute(handle.db)),
        QueryOutsideTransactionError,
      );
      // After the transaction, the pool is free again.
      assert.equal((await sql<{ n: number }>`select 2 as n`.execute(handle.db)).rows[0]?.n, 2);
      // Two flows side by side: a query outside any transaction is not refused.
      const [a, b] = await Promise.all([
        handle.db.transaction().execute(async (trx) => (await sql<{ n: number }>`select 3 as n`.execute(trx)).rows[0]?.n),
        sql<{ n: number }>`select 4 as n`.execute(handle.db),
      ]);
      assert.deepEqual([a, b.rows[0]?.n], [3, 4]);
    } finally {
      await handle.close();
    }
  });
});
