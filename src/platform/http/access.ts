import type { FastifyInstance, FastifyRequest, preHandlerAsyncHookHandler, RouteOptions } from 'fastify';
import { type Actor, hasRole, isProgrammeOffice, type UserActor } from '../access/actor.ts';
import { AppError } from './errors.ts';

/**
 * What a route's scope resolves to, by name. Modules add their scopes by declaration merging, e.g.
 * `declare module '../../platform/http/access.ts' { interface ResolvedScopes { town: ManagedTown } }`,
 * so the platform knows no module and a handler still reads a typed scope.
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled by the modules through declaration merging
export interface ResolvedScopes {}
export type ScopeName = keyof ResolvedScopes & string;

/** Roles that open a whole area; the programme office is in every one of them. */
export const ROLE_ACCESS = ['office', 'funder', 'coordinator', 'trainer'] as const;
export type RoleAccess = (typeof ROLE_ACCESS)[number];

/**
 * Who may call a route, declared in its options (`config: { access }`):
 * - `public`: anyone, also without an account;
 * - `signedIn` / `verified`: an account (with a confirmed address);
 * - a role: `office`, `funder`, `coordinator` (of any town), `trainer`;
 * - `{ scope }`: a signed-in person for whom the module's resolver finds the object of the URL
 *   (the town of `:ags` they manage, the cohort of `:id` they lead …); the resolver answers 403 or 404.
 */
export type Access = 'public' | 'signedIn' | 'verified' | RoleAccess | { scope: ScopeName };

/** Finds the scope of a request for a signed-in person, or throws 403/404. */
export type ScopeResolver<N extends ScopeName = ScopeName> = (request: FastifyRequest, actor: UserActor) => Promise<ResolvedScopes[N]>;
export type ScopeResolvers = { [N in ScopeName]?: ScopeResolver<N> };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    /** The scopes the route's access rule resolved before the handler ran. */
    scopes: Partial<ResolvedScopes>;
  }
}

function hasRoleAccess(actor: Actor, role: RoleAccess): boolean {
  if (isProgrammeOffice(actor)) return true;
  if (role === 'office') return false;
  return hasRole(actor, role);
}

export function describeAccess(access: Access): string {
  return typeof access === 'string' ? access : `scope:${access.scope}`;
}

function signedIn(request: FastifyRequest): UserActor {
  if (request.actor.kind !== 'user') throw AppError.unauthorized();
  return request.actor;
}

function checkFor(access: Access, resolvers: ScopeResolvers): preHandlerAsyncHookHandler | null {
  if (access === 'public') return null;
  if (access === 'signedIn') {
    return async (request) => {
      signedIn(request);
    };
  }
  if (access === 'verified') {
    return async (request) => {
      if (!signedIn(request).emailVerified) throw AppError.forbidden('errors.verify_first.text');
    };
  }
  if (typeof access === 'string') {
    return async (request) => {
      if (!hasRoleAccess(signedIn(request), access)) throw AppError.forbidden();
    };
  }
  const name = access.scope;
  const resolve = resolvers[name] as ScopeResolver | undefined;
  if (!resolve) return null;
  return async (request) => {
    const actor = signedIn(request);
    (request.scopes as Record<string, unknown>)[name] = await resolve(request, actor);
  };
}

/**
 * Makes the declared access the only way into a route: a route without one stops the app from
 * starting, and each rule runs before the handler (after the CSRF check of a write).
 */
export function enforceDeclaredAccess(app: FastifyInstance, resolvers: () => ScopeResolvers, onDeclared: (route: RouteOptions, access: Access) => void): void {
  app.decorateRequest('scopes', null as never);
  app.addHook('onRequest', async (request) => {
    request.scopes = {};
  });
  app.addHook('onRoute', (route) => {
    const access = route.config?.access;
    const label = `${[route.method].flat().join(',')} ${route.url}`;
    if (!access) throw new Error(`route ${label} declares no access (config.access)`);
    if (typeof access === 'object' && !resolvers()[access.scope]) throw new Error(`route ${label} uses the scope "${access.scope}", which no module resolves`);
    const check = checkFor(access, resolvers());
    if (check) route.preHandler = [...[route.preHandler ?? []].flat(), check];
    onDeclared(route, access);
  });
}

/** The scope the route's access rule resolved; asking for one the route did not declare is a programming error. */
export function scopeOf<N extends ScopeName>(request: FastifyRequest, name: N): ResolvedScopes[N] {
  const scope = request.scopes[name];
  if (scope === undefined) throw new Error(`route ${request.routeOptions.url} reads the scope "${name}" without declaring it`);
  return scope as ResolvedScopes[N];
}

/** The signed-in person of a route whose access rule already required one. */
export function signedInActor(request: FastifyRequest): UserActor {
  return signedIn(request);
}

/** A URL parameter for a scope resolver, which serves routes of many shapes. */
export function routeParam(request: FastifyRequest, name: string): string | undefined {
  const params = request.params;
  if (typeof params !== 'object' || params === null) return undefined;
  const value: unknown = Reflect.get(params, name);
  return typeof value === 'string' ? value : undefined;
}
