import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';

/**
 * What a module keeps about a person, for the self-service export and for deletion. Deletion
 * anonymises contributions (they stay, without the name) rather than removing them.
 */
export interface PersonalDataHandler {
  name: string;
  exportFor(db: Kysely<Database>, userId: number): Promise<unknown>;
  anonymise(trx: Transaction<Database>, userId: number): Promise<void>;
}
