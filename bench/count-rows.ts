import type { Kysely } from 'kysely';
import type { Database } from '../src/platform/db/schema.ts';

/** Rows per table, for the line that says what a generator made. */
export async function countRows(db: Kysely<Database>, tables: ReadonlyArray<keyof Database>): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const row = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    counts[table] = Number(row.n);
  }
  return counts;
}
