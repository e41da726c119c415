import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';

/** What the installation remembers about itself (e.g. that the demo data was loaded). */
export function installationRepository(db: Kysely<Database>) {
  return {
    async has(key: string): Promise<boolean> {
      return (await db.selectFrom('installation_state').select('key').where('key', '=', key).executeTakeFirst()) !== undefined;
    },
    async remember(key: string, value: unknown): Promise<void> {
      await db
        .insertInto('installation_state')
        .values({ key, value: JSON.stringify(value) })
        .execute();
    },
    /** Real accounts mean a real installation: demo data is never mixed in. */
    async hasRealAccounts(): Promise<boolean> {
      return (await db.selectFrom('users').select('id').where('is_demo', '=', false).limit(1).executeTakeFirst()) !== undefined;
    },
  };
}
