import type { FastifyRequest } from 'fastify';

/** Breadcrumbs of the programme office area: the overview, then the page (linked when deeper). */
export function officeCrumbs(request: FastifyRequest, label?: string, href?: string) {
  return [{ href: '/programmbuero', label: request.t('admin.overview.title') }, ...(label ? [{ label, ...(href ? { href } : {}) }] : [])];
}

/** Every route of the area: the programme office only. */
export const OFFICE = { access: 'office' } as const;
