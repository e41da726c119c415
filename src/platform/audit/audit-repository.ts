import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database, NewRow } from '../db/schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** Values of an entry about an account that name the person; the account itself is shown by lookup. */
const PERSONAL_KEYS = ['email', 'displayName', 'name'] as const;

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The audit log: entries written with the change, and what they say about a person. */
export function auditRepository(db: Db) {
  return {
    insert(row: NewRow<'audit_log'>) {
      return db.insertInto('audit_log').values(row).execute();
    },

    /**
     * An account is deleted: entries about it lose the values that named it, and its address goes
     * from every entry that quoted it. Who did what, and when, stays (by user id).
     */
    async anonymise(userId: number, email: string | null): Promise<void> {
      const minus = PERSONAL_KEYS.map((key) => sql`- ${key}::text`);
      await db
        .updateTable('audit_log')
        .set({
          before: sql`case when before is null then null else before ${sql.join(minus, sql` `)} end`,
          after: sql`case when after is null then null else after ${sql.join(minus, sql` `)} end`,
        })
        .where('entity_type', '=', 'user')
        .where('entity_id', '=', String(userId))
        .execute();
      if (!email) return;
      const pattern = escapeRegex(email);
      await db
        .updateTable('audit_log')
        .set({
          before: sql`case when before::text ~* ${pattern} then regexp_replace(before::text, ${pattern}, '–', 'gi')::jsonb else before end`,
          after: sql`case when after::text ~* ${pattern} then regexp_replace(after::text, ${pattern}, '–', 'gi')::jsonb else after end`,
        })
        .where((eb) => eb.or([eb(sql`before::text`, '~*', pattern), eb(sql`after::text`, '~*', pattern)]))
        .execute();
    },
  };
}
