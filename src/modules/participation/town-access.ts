import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import { AppError } from '../../platform/http/errors.ts';
import { requireUser } from '../../platform/http/guards.ts';
import { requireMunicipality } from '../municipalities/index.ts';
import { can } from './policy.ts';

/** The town of the URL (:ags), for someone who manages its participation; visitors are sent to log in, others get 403. */
export async function managedTown(db: Kysely<Database>, request: FastifyRequest) {
  const actor = requireUser(request);
  const municipality = await requireMunicipality(db, (request.params as { ags: string }).ags);
  if (!can(actor, 'manage', { municipalityId: municipality.id })) throw AppError.forbidden();
  return { actor, municipality };
}
