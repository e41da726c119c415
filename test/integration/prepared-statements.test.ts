/**
 * A statement marked with `prepared` (platform/db/prepared.ts) is parsed and planned once per
 * connection on PostgreSQL and answers as before; on PGlite the mark is a comment.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { type DatabaseHandle, openPglite, openPostgres } from '../../src/platform/db/connect.ts';
import { prepared } from '../../src/platform/db/prepared.ts';
import { TEST_PG_URL, testEngine } from '../support/database.ts';

describe('prepared statements', () => {
  let handle: DatabaseHandle;
  before(async () => {
    // One connection, so that the statements and the look at pg_prepared_statements share it.
    handle = testEngine() === 'pglite' ? await openPglite() : openPostgres(TEST_PG_URL, 1);
  });
  after(() => handle.close());

  const preparedNames = async () => (testEngine() === 'pglite' ? [] : (await sql<{ name: string }>`select name from pg_prepared_statements order by name`.execute(handle.db)).rows.map((r) => r.name));

  it('answers a marked statement with its parameters each time, and prepares it once on PostgreSQL', async () => {
    const square = (n: number) => sql<{ square: number }>`${prepared}select cast(${n} as integer) * cast(${n} as integer) as square`.execute(handle.db);
    assert.deepEqual((await square(3)).rows, [{ square: 9 }]);
    assert.deepEqual((await square(12)).rows, [{ square: 144 }]);
    const names = await preparedNames();
    if (testEngine() === 'postgres') {
      assert.equal(names.length, 1, 'one named statement for both runs');
      assert.match(names[0] as string, /^vv_/);
    }
  });

  it('takes the mark in front of a select built with Kysely', async () => {
    const before = await preparedNames();
    const rows = await handle.db.selectNoFrom(sql<number>`cast(${2} as integer)`.as('two')).modifyFront(prepared).execute();
    assert.deepEqual(rows, [{ two: 2 }]);
    if (testEngine() === 'postgres') assert.equal((await preparedNames()).length, before.length + 1);
  });

  it('leaves unmarked statements unnamed', async () => {
    const before = await preparedNames();
    await sql`select cast(${1} as integer) as one`.execute(handle.db);
    assert.deepEqual(await preparedNames(), before);
  });
});
