/**
 * A statement marked with `prepared` (platform/db/prepared.ts) is parsed and planned once per
 * connection on PostgreSQL and answers as before; on PGlite the mark is a comment.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { type DatabaseHandle, openPglite, openPostgres } from '../../src/platform/db/connect.ts';
import { NAMED_PER_CONNECTION, prepared, steppedLimit } from '../../src/platform/db/prepared.ts';
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

  it('keeps one plan for a statement with a stepped limit, where a limit given as a parameter is planned on every run', async () => {
    await sql`create temp table numbers as select g as id, g % 7 as kind from generate_series(1, 20000) g`.execute(handle.db);
    await sql`create index on numbers (id)`.execute(handle.db);
    await sql`analyze numbers`.execute(handle.db);
    const byParameter = (rows: number) => sql<{ id: number }>`${prepared}select id from numbers where kind = ${1} order by id limit ${rows}`.execute(handle.db);
    const stepped = (rows: number) => sql<{ id: number }>`${prepared}select id from numbers where kind = ${1} order by id limit ${steppedLimit(rows)}`.execute(handle.db);
    for (let run = 0; run < 8; run++) {
      assert.equal((await byParameter(51)).rows.length, 51);
      // Rounded up to a quarter step of 32 to 64: the caller keeps the first 51.
      assert.equal((await stepped(51)).rows.length, 56);
    }
    assert.equal((await stepped(49)).rows.length, 56, 'one text for 49 to 56 rows');
    assert.deepEqual(
      [1, 4, 5, 26, 64, 65, 101, 2001].map((rows) => Number(sql`${steppedLimit(rows)}`.compile(handle.db).sql)),
      [1, 4, 5, 28, 64, 80, 112, 2048],
    );
    if (testEngine() !== 'postgres') return;
    const plans = (
      await sql<{
        statement: string;
        generic_plans: number;
        custom_plans: number;
      }>`select statement, generic_plans, custom_plans from pg_prepared_statements where statement like '%from numbers%'`.execute(handle.db)
    ).rows;
    assert.equal(plans.length, 2);
    const parameter = plans.find((p) => p.statement.includes('limit $'));
    const literal = plans.find((p) => p.statement.includes('limit 56'));
    assert.deepEqual([parameter?.generic_plans, parameter?.custom_plans], [0, 8], 'planned on every run');
    assert.ok((literal?.generic_plans ?? 0) >= 4, `one plan kept: ${JSON.stringify(literal)}`);
  });

  it(`names at most ${NAMED_PER_CONNECTION} forms on one connection and runs the others unnamed, with the same answers`, async () => {
    for (let form = 0; form < NAMED_PER_CONNECTION + 5; form++) {
      const result = await sql<{ n: number }>`${prepared}select ${sql.lit(form)} + cast(${1} as integer) as n`.execute(handle.db);
      assert.equal(result.rows[0]?.n, form + 1);
    }
    if (testEngine() === 'postgres') assert.equal((await preparedNames()).length, NAMED_PER_CONNECTION);
  });
});
