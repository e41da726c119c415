import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import { fieldsByIds, measuresByIds } from '../strategy/index.ts';

/**
 * Names of fields of action for rows that carry only the id. The strategy owns the fields; a name
 * is shown only when the field belongs to the row's own town.
 */
export async function withFieldNames<T extends { field_id: number | null; municipality_id: number }>(db: Kysely<Database>, rows: T[]): Promise<Array<T & { field_name: string | null }>> {
  const ids = rows.flatMap((r) => (r.field_id === null ? [] : [r.field_id]));
  const fields = new Map((await fieldsByIds(db, ids)).map((f) => [f.id, f]));
  return rows.map((row) => {
    const field = row.field_id === null ? undefined : fields.get(row.field_id);
    return { ...row, field_name: field && field.municipality_id === row.municipality_id ? field.name : null };
  });
}

/** The town's measures among the given ids, by title. */
export async function townMeasures(db: Kysely<Database>, municipalityId: number, ids: readonly number[]) {
  return (await measuresByIds(db, ids)).filter((m) => m.municipality_id === municipalityId).map(({ id, title, status }) => ({ id, title, status }));
}
