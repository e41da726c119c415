import { formatDate } from '../../platform/i18n/catalog.ts';
import { pageNumber, parseId } from '../../platform/http/params.ts';
import { pageRequest, pageResult } from '../../platform/http/pagination.ts';
import { AgsIdParams, AgsParams } from '../../platform/http/schemas.ts';
import { toCsv } from '../../platform/http/tables.ts';
import type { AppServices, ModulePlugin } from '../../platform/module.ts';
import { requireMunicipality } from '../municipalities/index.ts';
import { cleanFilter, documentDisposition, FilterQuery } from './forms.ts';
import { strategyRepository } from './repository.ts';
import { strategyService } from './service.ts';
import { statusCounts } from './summary.ts';
import { ImplementationPage, MeasurePublicPage } from './views/public-pages.tsx';

const PUBLIC_PAGE_SIZE = 40;
const PUBLIC = { access: 'public' } as const;

/** Other modules may show what they know about a measure, e.g. the proposals it came from. */
async function measureLinksFrom(services: AppServices, measureIds: number[]) {
  const merged = new Map<number, Array<{ href: string; label: string }>>();
  for (const module of services.modules()) {
    if (!module.measureLinks || measureIds.length === 0) continue;
    for (const [id, list] of await module.measureLinks(services, measureIds)) merged.set(id, [...(merged.get(id) ?? []), ...list]);
  }
  return merged;
}

/** The state of implementation of a town, its CSV, a measure's page and the documents of adopted strategy versions. */
export const strategyPublicRoutes: ModulePlugin = async (app, { services }) => {
  const { db } = services;
  const repo = strategyRepository(db);
  const service = strategyService(services);

  app.get('/kommunen/:ags/umsetzung', { config: PUBLIC, schema: { params: AgsParams, querystring: FilterQuery } }, async (request, reply) => {
    const municipality = await requireMunicipality(db, request.params.ags);
    const { filter, query } = cleanFilter(request.query);
    const publicFilter = { fieldId: filter.fieldId, status: filter.status };
    const page = pageRequest(pageNumber(request.query.seite), PUBLIC_PAGE_SIZE);
    const [fields, measures, counts] = await Promise.all([repo.fields(municipality.id), repo.publicMeasures(municipality.id, publicFilter, page), statusCounts(db, municipality.id)]);
    const total = measures.length ? Number(measures[0]?.total) : Object.values(await statusCounts(db, municipality.id, publicFilter)).reduce((sum, n) => sum + n, 0);
    const links = await measureLinksFrom(
      services,
      measures.map((m) => m.id),
    );
    return reply.render(
      <ImplementationPage
        municipality={{ ags: municipality.ags, name: municipality.name, participating: municipality.joined_on !== null }}
        fields={fields}
        measures={pageResult(measures, total, page)}
        links={links}
        counts={counts}
        query={{ handlungsfeld: query.handlungsfeld, status: query.status }}
      />,
      {
        title: request.t('strategy.public.title', { name: municipality.name }),
        breadcrumbs: [
          { href: '/kommunen', label: request.t('municipalities.register.title') },
          { href: `/kommunen/${municipality.ags}`, label: municipality.name },
          { label: request.t('strategy.public.crumb') },
        ],
      },
    );
  });

  app.get('/kommunen/:ags/umsetzung.csv', { config: PUBLIC, schema: { params: AgsParams, querystring: FilterQuery } }, async (request, reply) => {
    const municipality = await requireMunicipality(db, request.params.ags);
    const { filter } = cleanFilter(request.query);
    const measures = await repo.publicMeasures(municipality.id, { fieldId: filter.fieldId, status: filter.status });
    const t = request.t;
    const csv = toCsv(
      ['field', 'goal', 'measure', 'status', 'progress', 'responsible_org', 'starts_on', 'ends_on', 'district', 'latest_update_at', 'latest_update'].map((c) => t(`strategy.csv.${c}`)),
      measures.map((m) => [
        m.field_name,
        m.goal_title ?? '',
        m.title,
        t(`strategy.status.${m.status}`),
        m.progress,
        m.responsible_org,
        m.starts_on ?? '',
        m.ends_on ?? '',
        m.district_name ?? '',
        m.latest_update_at ? formatDate('de', m.latest_update_at) : '',
        m.latest_update_text ?? '',
      ]),
    );
    return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="umsetzung-${municipality.ags}.csv"`).send(csv);
  });

  app.get('/kommunen/:ags/massnahmen/:id', { config: PUBLIC, schema: { params: AgsIdParams } }, async (request, reply) => {
    const municipality = await requireMunicipality(db, request.params.ags);
    const measure = await service.measure(municipality, parseId(request.params.id));
    const updates = await repo.publicUpdates(measure.id);
    const publicMeasure = { ...measure, field_name: measure.field_name ?? '', latest_update_text: null, latest_update_at: null };
    return reply.render(<MeasurePublicPage ags={municipality.ags} measure={publicMeasure} updates={updates} />, {
      title: measure.title,
      breadcrumbs: [
        { href: `/kommunen/${municipality.ags}`, label: municipality.name },
        { href: `/kommunen/${municipality.ags}/umsetzung`, label: request.t('strategy.public.crumb') },
        { label: measure.title },
      ],
    });
  });

  // Public, because an adopted strategy is; the service keeps a draft's document to those who manage the town (404 for others).
  app.get('/kommunen/:ags/strategie/:id/dokument', { config: PUBLIC, schema: { params: AgsIdParams } }, async (request, reply) => {
    const municipality = await requireMunicipality(db, request.params.ags);
    const { file, adopted } = await service.document(request.actor, municipality, parseId(request.params.id));
    // A draft's document is personal to those who manage the town: no shared cache may keep it.
    if (!adopted) reply.header('cache-control', 'private, no-store');
    return reply.type(file.mime_type).header('content-disposition', documentDisposition(file.original_name)).header('x-content-type-options', 'nosniff').send(file.data);
  });
};
