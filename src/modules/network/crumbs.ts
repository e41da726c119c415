import type { FastifyRequest } from 'fastify';

/** The trail of every network page of the workspace: the town, its workspace, the network, then the page's own steps. */
export function networkCrumbs(request: FastifyRequest, town: { ags: string; name: string }, ...rest: Array<{ href?: string; label: string }>) {
  return [
    { href: `/kommunen/${town.ags}`, label: town.name },
    { href: `/verwaltung/${town.ags}`, label: request.t('network.workspace.workspace_crumb') },
    { href: `/verwaltung/${town.ags}/netzwerk`, label: request.t('network.workspace.crumb') },
    ...rest,
  ];
}
