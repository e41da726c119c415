import { Type } from '@sinclair/typebox';
import type { ModulePlugin } from '../../platform/module.ts';
import { AppError } from '../../platform/http/errors.ts';
import { createReadStream } from 'node:fs';
import { bulkInfo, bulkPath } from './bulk.ts';
import { catalogueQuads } from './dcat.ts';
import { toJsonLd, toTurtle } from './dcat-formats.ts';
import { columnDocs, filterDocs } from './columns.ts';
import { etagOnSend, notModifiedSince } from './conditional.ts';
import { collections, findCollection, lastModifiedOf, readAll, toCsv, townOf } from './service.ts';
import { OpenDataPage } from './views/opendata-page.tsx';

const PUBLIC = { access: 'public' } as const;
// A file name of a public collection, not an object of a town: a wildcard, so it is no id parameter.
const FileParams = Type.Object({ '*': Type.String({ pattern: '^[a-z0-9-]{1,60}\\.(csv|json)$' }) });
const FileQuery = Type.Object({ ags: Type.Optional(Type.String({ maxLength: 8 })) });

/** The open-data page and every collection as a CSV and a JSON file, whole or for one town. */
export const openDataFileRoutes: ModulePlugin = async (app, { services }) => {
  app.addHook('onSend', etagOnSend);

  app.get('/opendata', { config: PUBLIC }, async (request, reply) => {
    const views = collections(services).map((c) => ({ id: c.id, titleKey: c.titleKey, textKey: c.textKey, perTown: Boolean(c.perTown), columns: columnDocs(c), filters: filterDocs(c) }));
    const bulk = await bulkInfo(services);
    return reply.render(<OpenDataPage collections={views} bulk={bulk} licenceKey={`opendata.licence.${services.config.openDataLicence}`} />, {
      title: request.t('opendata.page.title'),
      breadcrumbs: [{ label: request.t('opendata.page.title') }],
    });
  });

  app.get('/opendata/alle.zip', { config: PUBLIC }, async (request, reply) => {
    const info = await bulkInfo(services);
    if (!info) throw AppError.notFound();
    if (notModifiedSince(request, reply, new Date(Math.floor(info.builtAt.getTime() / 1000) * 1000))) return reply;
    return reply
      .type('application/zip')
      .header('content-disposition', 'attachment; filename="vielfalt-verankern-opendata.zip"')
      .header('content-length', info.bytes)
      .header('access-control-allow-origin', '*')
      .send(createReadStream(bulkPath(services)));
  });

  // Before the wildcard: the DCAT-AP.de catalogue for harvesters (GovData and the like).
  app.get('/opendata/catalog.ttl', { config: PUBLIC }, async (_request, reply) => {
    const turtle = await toTurtle(await catalogueQuads(services));
    return reply.type('text/turtle; charset=utf-8').header('access-control-allow-origin', '*').header('cache-control', 'public, max-age=300').send(turtle);
  });
  app.get('/opendata/catalog.jsonld', { config: PUBLIC }, async (_request, reply) => {
    const document = toJsonLd(await catalogueQuads(services));
    return reply.type('application/ld+json; charset=utf-8').header('access-control-allow-origin', '*').header('cache-control', 'public, max-age=300').send(JSON.stringify(document));
  });

  app.get('/opendata/*', { config: PUBLIC, schema: { params: FileParams, querystring: FileQuery } }, async (request, reply) => {
    const [id, format] = request.params['*'].split('.') as [string, 'csv' | 'json'];
    const collection = findCollection(services, id);
    const town = await townOf(services, request.query.ags);
    if (town && !collection.perTown) throw AppError.notFound();
    if (notModifiedSince(request, reply, await lastModifiedOf(services, collection, town?.id))) return reply;
    const rows = await readAll(services, collection, town?.id);
    const name = town ? `${id}-${town.ags}` : id;
    reply.header('access-control-allow-origin', '*').header('cache-control', 'public, max-age=300');
    if (format === 'csv') {
      return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${name}.csv"`).send(toCsv(collection, rows));
    }
    return reply.type('application/json; charset=utf-8').send(JSON.stringify({ collection: id, ags: town?.ags ?? null, licence: services.config.openDataLicence, count: rows.length, data: rows }));
  });
};
