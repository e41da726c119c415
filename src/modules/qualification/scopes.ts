import type { FastifyRequest } from 'fastify';
import { routeParam, type ScopeResolvers, scopeOf } from '../../platform/http/access.ts';
import { AppError } from '../../platform/http/errors.ts';
import { parseId } from '../../platform/http/params.ts';
import type { AppServices } from '../../platform/module.ts';
import { can, canLeadCohort } from './policy.ts';
import { type CohortRow, qualificationRepository } from './repository.ts';
import { trainingRepository } from './training/repository.ts';

/** A cohort its trainer (or the programme office) works on under /kursleitung/kohorten/:id. */
export type LedCohort = CohortRow & { trainerIds: number[] };

/** The trainee's accepted place in the cohort of /qualifizierung/kohorten/:id. */
export interface OwnEnrolment {
  cohort: CohortRow;
  enrolment: { id: number; decided_at: Date | null; created_at: Date };
}

declare module '../../platform/http/access.ts' {
  interface ResolvedScopes {
    /** The cohort of `:id`, for its trainers and the programme office. */
    cohort: LedCohort;
    /** The caller's accepted enrolment in the cohort of `:id`. */
    enrolment: OwnEnrolment;
  }
}

/**
 * `{ scope: 'cohort' }`: the cohort of `:id` exists (else 404) and the caller leads it (else 403).
 * `{ scope: 'enrolment' }`: the caller holds an accepted place in the cohort of `:id`; for anyone
 * else the cohort does not exist (404), so a trainee's pages do not tell which cohorts there are.
 */
export function qualificationScopes(services: AppServices): ScopeResolvers {
  const repo = qualificationRepository(services.db);
  const training = trainingRepository(services.db);
  return {
    cohort: async (request, actor) => {
      const cohort = await repo.cohort(parseId(routeParam(request, 'id') ?? ''));
      if (!cohort) throw AppError.notFound();
      const trainerIds = (await repo.trainers(cohort.id)).map((t) => t.id);
      if (!canLeadCohort(actor, { trainerIds })) throw AppError.forbidden();
      return { ...cohort, trainerIds };
    },
    enrolment: async (request, actor) => {
      const cohort = await repo.cohort(parseId(routeParam(request, 'id') ?? ''));
      if (!cohort || !can(actor, 'view', { published: cohort.programme_published })) throw AppError.notFound();
      const enrolment = await training.approvedEnrolment(cohort.id, actor.userId);
      if (!enrolment) throw AppError.notFound();
      return { cohort, enrolment };
    },
  };
}

/** The led cohort the route's access rule resolved. */
export function ledCohort(request: FastifyRequest): LedCohort {
  return scopeOf(request, 'cohort');
}

/** The trainee's enrolment the route's access rule resolved. */
export function ownEnrolment(request: FastifyRequest): OwnEnrolment {
  return scopeOf(request, 'enrolment');
}
