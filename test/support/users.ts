import type { Kysely } from 'kysely';
import { hashPassword } from '../../src/platform/auth/passwords.ts';
import type { Database } from '../../src/platform/db/schema.ts';

export type GrantableRole = 'trainer' | 'coordinator' | 'programme_office' | 'funder';

export interface TestUser {
  id: number;
  email: string;
  password: string;
}

let passwordHash: Promise<string> | null = null;
export const TEST_PASSWORD = 'test-passwort-1234';

/** A verified account with the given roles, straight into the database (argon2 once per process). */
export async function createUser(
  db: Kysely<Database>,
  options: { email: string; password?: string; displayName?: string; roles?: Array<{ role: GrantableRole; municipalityId?: number | null }> },
): Promise<TestUser> {
  const password = options.password ?? TEST_PASSWORD;
  if (!passwordHash) passwordHash = hashPassword(TEST_PASSWORD);
  const hash = password === TEST_PASSWORD ? await passwordHash : await hashPassword(password);
  const user = await db
    .insertInto('users')
    .values({ email: options.email, password_hash: hash, display_name: options.displayName ?? options.email.split('@')[0] ?? 'Test', locale: 'de', email_verified_at: new Date() })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const grant of options.roles ?? []) {
    await db
      .insertInto('role_assignments')
      .values({ user_id: user.id, role: grant.role, municipality_id: grant.municipalityId ?? null, granted_by: null })
      .execute();
  }
  return { id: user.id, email: options.email, password };
}

export async function municipalityId(db: Kysely<Database>, ags: string): Promise<number> {
  const row = await db.selectFrom('municipalities').select('id').where('ags', '=', ags).executeTakeFirstOrThrow();
  return row.id;
}
