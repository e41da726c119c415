/** Public face of the participation module: processes, proposals, supports, comments and answers. */
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import { participationRepository } from './repository.ts';

export { participationModule } from './module.tsx';

/** A town's participation processes, for choice lists in other modules (e.g. a survey that belongs to one). */
export function processOptions(db: Kysely<Database>, municipalityId: number) {
  return participationRepository(db).processOptions(municipalityId);
}
