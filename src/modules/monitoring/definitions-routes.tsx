import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import { type Actor, hasRole, isFunder, isProgrammeOffice } from '../../platform/access/actor.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { AppServices, ModulePlugin } from '../../platform/module.ts';
import { municipalityOptions } from '../municipalities/index.ts';
import { catalogueRepository } from './catalogue-repository.ts';
import { monitoringRepository } from './repository.ts';
import { sourceInfos } from './sources.ts';
import { editHref } from './views/catalogue-pages.tsx';
import { DefinitionPage, DefinitionsList } from './views/definitions-page.tsx';

/** Signed in; who else than the office, the funder and coordinators is refused by the handler. */
const SIGNED_IN = { access: 'signedIn' } as const;
export const CodeParams = Type.Object({ code: Type.String({ maxLength: 8 }) });
const VersionQuery = Type.Object({ fassung: Type.Optional(Type.Integer({ minimum: 1, maximum: 100000 })) });

/** The definitions are read by everyone who sees a dashboard: the office, the funder and the coordinators. */
export function canReadDefinitions(actor: Actor): boolean {
  return isProgrammeOffice(actor) || isFunder(actor) || hasRole(actor, 'coordinator');
}

/** The versions, targets (with town names) and sources of one indicator, or 404. */
export async function definitionOf(services: AppServices, code: string) {
  const catalogue = catalogueRepository(services.db);
  const [versions, targets, towns] = await Promise.all([catalogue.versions(code), catalogue.targets(code), municipalityOptions(services.db)]);
  if (versions.length === 0) throw AppError.notFound();
  const names = new Map(towns.map((town) => [town.id, town.name]));
  return {
    versions,
    targets: targets.map((target) => ({ period: target.period, town: target.municipality_id === null ? null : (names.get(target.municipality_id) ?? null), value: Number(target.value) })),
    sources: sourceInfos(services),
  };
}

/** The definition pages of the indicator catalogue: the list, and one page per code. */
export const monitoringDefinitionRoutes: ModulePlugin = async (app, { services }) => {
  function readable(request: FastifyRequest) {
    if (!canReadDefinitions(request.actor)) throw AppError.forbidden();
  }

  app.get('/monitoring/indikatoren', { config: SIGNED_IN }, async (request, reply) => {
    readable(request);
    const indicators = await monitoringRepository(services.db).currentIndicators();
    const office = isProgrammeOffice(request.actor);
    return reply.render(<DefinitionsList indicators={indicators} editable={office} />, { title: request.t('monitoring.definition.list_title') });
  });

  app.get('/monitoring/indikatoren/:code', { config: SIGNED_IN, schema: { params: CodeParams, querystring: VersionQuery } }, async (request, reply) => {
    readable(request);
    const { versions, targets, sources } = await definitionOf(services, request.params.code);
    const office = isProgrammeOffice(request.actor);
    const current = versions[0] as (typeof versions)[number];
    if (request.query.fassung !== undefined && !versions.some((v) => v.version === request.query.fassung)) throw AppError.notFound();
    return reply.render(
      <DefinitionPage versions={versions} targets={targets} sources={sources} showAuthors={office} version={request.query.fassung} editHref={office ? editHref(current.code) : undefined} />,
      {
        title: `${current.code}: ${request.locale === 'de' ? current.name_de : current.name_en}`,
      },
    );
  });
};
