/** Public face of the participation module: processes, proposals, supports, comments and answers. */
export { participationModule } from './module.tsx';

/** A town's participation processes, for choice lists in other modules (e.g. a survey that belongs to one). */
export function processOptions(db: import('kysely').Kysely<import('../../platform/db/schema.ts').Database>, municipalityId: number) {
  return db.selectFrom('participation_processes').select(['id', 'title']).where('municipality_id', '=', municipalityId).orderBy('created_at', 'desc').execute();
}
