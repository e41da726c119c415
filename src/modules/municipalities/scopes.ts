import type { FastifyRequest } from 'fastify';
import { AppError } from '../../platform/http/errors.ts';
import { routeParam, type ScopeResolvers, scopeOf } from '../../platform/http/access.ts';
import type { AppServices } from '../../platform/module.ts';
import { can } from './policy.ts';
import type { MunicipalityRow } from './repository.ts';
import { requireMunicipality } from './service.ts';

declare module '../../platform/http/access.ts' {
  interface ResolvedScopes {
    /** The town of `:ags`, for its coordinators and the programme office. */
    town: MunicipalityRow;
  }
}

/** `{ scope: 'town' }`: the town of `:ags` exists (else 404) and the caller manages it (else 403). */
export function municipalityScopes(services: AppServices): ScopeResolvers {
  return {
    town: async (request, actor) => {
      const town = await requireMunicipality(services.db, routeParam(request, 'ags') ?? '');
      if (!can(actor, 'manage_districts', town)) throw AppError.forbidden();
      return town;
    },
  };
}

/** The managed town the route's access rule resolved. */
export function managedTown(request: FastifyRequest): MunicipalityRow {
  return scopeOf(request, 'town');
}
