import type { FastifyRequest } from 'fastify';

/** The trail of every workspace page: the town, its workspace, then the page's own steps. */
export function workspaceCrumbs(request: FastifyRequest, town: { ags: string; name: string }, ...rest: Array<{ href?: string; label: string }>) {
  return [{ href: `/kommunen/${town.ags}`, label: town.name }, { href: `/verwaltung/${town.ags}`, label: request.t('strategy.workspace.crumb') }, ...rest];
}
