import swagger from '@fastify/swagger';
import { Type } from '@sinclair/typebox';
import { AppError } from '../../platform/http/errors.ts';
import type { ModulePlugin } from '../../platform/module.ts';
import { CollectionIndex, collectionPage, collectionQuery, DEFAULT_PAGE_SIZE, Problem } from './api-schemas.ts';
import { etagOnSend, notModifiedSince } from './conditional.ts';
import { collections, lastModifiedOf, readPage, townOf } from './service.ts';
import { ApiDocsPage } from './views/api-docs-page.tsx';

const EXPOSED = ['ETag', 'Last-Modified', 'RateLimit-Limit', 'RateLimit-Remaining', 'RateLimit-Reset', 'Retry-After'].join(', ');
const ERRORS = { 400: Problem, 404: Problem, 429: Problem };

/**
 * The read API /api/v1: every open-data collection as pages of JSON, with ETag, Last-Modified,
 * CORS for GET, a rate limit per client and errors as problem details. The OpenAPI document is
 * generated from these routes' schemas.
 */
export const openDataApiRoutes: ModulePlugin = async (app, { services }) => {
  const { config } = services;
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Vielfalt verankern – read API',
        version: '1.0.0',
        description: 'Public collections of the programme Vielfalt verankern as JSON: no personal data, paged by cursor, CORS for GET.',
        license:
          config.openDataLicence === 'cc-by-4.0' ? { name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/' } : { name: 'dl-de/by-2-0', url: 'https://www.govdata.de/dl-de/by-2-0' },
      },
      servers: [{ url: config.baseUrl }],
    },
  });
  // One budget per client address over every route of the API.
  const PUBLIC = {
    access: 'public' as const,
    rateLimit: config.apiRequestsPerMinute > 0 ? { max: config.apiRequestsPerMinute, timeWindow: '1 minute', groupId: 'api-v1' } : (false as const),
  };

  app.addHook('onRequest', async (_request, reply) => {
    reply.header('access-control-allow-origin', '*').header('access-control-expose-headers', EXPOSED).header('cross-origin-resource-policy', 'cross-origin');
  });
  app.addHook('onSend', etagOnSend);

  // A browser asks before a cross-origin GET with If-None-Match; nothing but reading is allowed.
  app.options('/api/v1/*', { config: { access: 'public' }, schema: { hide: true } }, async (_request, reply) =>
    reply
      .code(204)
      .header('access-control-allow-methods', 'GET, HEAD, OPTIONS')
      .header('access-control-allow-headers', 'If-None-Match, If-Modified-Since, Accept, Accept-Language')
      .header('access-control-max-age', '86400')
      .send(),
  );

  app.get('/api/v1', { config: PUBLIC, schema: { summary: 'The collections', tags: ['index'], response: { 200: CollectionIndex, ...ERRORS } } }, async (request) => ({
    collections: collections(services).map((c) => ({
      id: c.id,
      title: request.t(c.titleKey),
      href: `/api/v1/${c.id}`,
      csv: `/opendata/${c.id}.csv`,
      json: `/opendata/${c.id}.json`,
      per_town: Boolean(c.perTown),
    })),
    openapi: '/api/v1/openapi.json',
  }));

  for (const collection of collections(services)) {
    const path = `/api/v1/${collection.id}`;
    const filterNames = Object.keys(collection.filters ?? {});
    app.get(
      path,
      {
        config: PUBLIC,
        schema: {
          summary: collection.id,
          description: `Rows of the collection ${collection.id}, in id order.`,
          tags: ['collections'],
          querystring: collectionQuery(collection),
          response: { 200: collectionPage(collection), ...ERRORS },
        },
      },
      async (request, reply) => {
        const query: Record<string, unknown> = request.query;
        // Ajv turns a number of a thousand digits into Infinity and lets it pass its maximum.
        if (Object.values(query).some((v) => typeof v === 'number' && !Number.isSafeInteger(v))) throw new AppError('bad_request', 400, 'errors.bad_request.text');
        const town = await townOf(services, typeof query.ags === 'string' ? query.ags : undefined);
        // Asked whether it changed, or not read with the rows: the time first, so that 304 needs no page.
        const timeFirst = !collection.modifiedInRows || request.headers['if-modified-since'] !== undefined;
        if (timeFirst && notModifiedSince(request, reply, await lastModifiedOf(services, collection, town?.id))) return reply;
        const limit = Number(query.limit ?? DEFAULT_PAGE_SIZE);
        const filters = Object.fromEntries(filterNames.map((f) => [f, query[f] as string | number | boolean | undefined]));
        const after = query.after === undefined ? undefined : Number(query.after);
        const { data, next, lastModified } = await readPage(services, collection, { municipalityId: town?.id, filters, after, limit });
        // Without If-Modified-Since this only sets the header; an empty page did not carry the time.
        if (!timeFirst) notModifiedSince(request, reply, lastModified !== undefined ? lastModified : await lastModifiedOf(services, collection, town?.id));
        const params = new URLSearchParams();
        for (const [key, value] of Object.entries(query)) if (value !== undefined && key !== 'after') params.set(key, String(value));
        const self = `${path}${request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : ''}`;
        if (next !== null) params.set('after', String(next));
        return { data, links: { self, next: next === null ? null : `${path}?${params.toString()}` }, meta: { collection: collection.id, limit, licence: config.openDataLicence } };
      },
    );
  }

  app.get('/api/v1/openapi.json', { config: PUBLIC, schema: { summary: 'This API as OpenAPI 3.1', tags: ['index'], response: { 200: Type.Object({}, { additionalProperties: true }) } } }, async () =>
    app.swagger(),
  );

  app.get('/api/v1/docs', { config: PUBLIC, schema: { summary: 'This API as a readable page (HTML)', tags: ['index'] } }, async (request, reply) =>
    reply.render(<ApiDocsPage document={app.swagger() as never} />, {
      title: request.t('opendata.api.title'),
      breadcrumbs: [{ href: '/opendata', label: request.t('opendata.page.title') }, { label: request.t('opendata.api.title') }],
    }),
  );
};
