import { pageNumber, parseId } from '../../platform/http/params.ts';
import { pageRequest, pageResult } from '../../platform/http/pagination.ts';
import { IdParams } from '../../platform/http/schemas.ts';
import type { ModulePlugin } from '../../platform/module.ts';
import { toCsv } from '../../platform/http/tables.ts';
import { SearchQuery, searchFilter } from './forms.ts';
import { toolkitRepository } from './repository.ts';
import { toolkitSearch } from './search.ts';
import { publicCard } from './service.ts';
import { MethodPage, ToolkitListPage } from './views/public-pages.tsx';

const PAGE_SIZE = 20;
const PUBLIC = { access: 'public' } as const;

/** The public toolkit: search and filters over the published cards, and each card in the visitor's language where translated. */
export const toolkitPublicRoutes: ModulePlugin = async (app, { services }) => {
  const { db } = services;

  app.get('/werkzeugkoffer', { config: PUBLIC, schema: { querystring: SearchQuery } }, async (request, reply) => {
    const { filter, query } = searchFilter(request.query);
    const page = pageRequest(pageNumber(request.query.seite), PAGE_SIZE);
    const { rows, total, facets, suggestion } = await toolkitSearch(db, filter, page);
    return reply.render(<ToolkitListPage results={pageResult(rows, total, page)} facets={facets} query={query} suggestion={suggestion} />, {
      title: request.t('toolkit.public.title'),
      breadcrumbs: [{ label: request.t('toolkit.public.title') }],
    });
  });

  /** The published cards as open data: stable English column names, lists separated by "|". */
  app.get('/werkzeugkoffer/methoden.csv', { config: PUBLIC }, async (_request, reply) => {
    const rows = await toolkitRepository(db).publishedMethods();
    const csv = toCsv(
      [
        'id',
        'title',
        'summary',
        'goal',
        'steps',
        'format',
        'duration',
        'group_size',
        'fields_of_action',
        'target_groups',
        'languages',
        'licence',
        'municipality_ags',
        'municipality',
        'version',
        'published_at',
        'url',
      ],
      rows.map((m) => [
        m.id,
        m.title,
        m.summary,
        m.goal,
        m.steps.join(' | '),
        m.format,
        m.duration,
        m.group_size,
        m.fields_of_action.join('|'),
        m.target_groups.join('|'),
        m.languages.join('|'),
        m.licence,
        m.ags,
        m.town,
        m.version,
        m.published_at,
        `${services.config.baseUrl}/werkzeugkoffer/methoden/${m.id}`,
      ]),
    );
    return reply.type('text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="methodenkarten.csv"').send(csv);
  });

  app.get('/werkzeugkoffer/methoden/:id', { config: PUBLIC, schema: { params: IdParams } }, async (request, reply) => {
    const { card, untranslated, translatedLang } = await publicCard(db, parseId(request.params.id), request.locale);
    return reply.render(<MethodPage card={card} untranslated={untranslated} translatedLang={translatedLang} />, {
      title: card.title,
      breadcrumbs: [{ href: '/werkzeugkoffer', label: request.t('toolkit.public.title') }, { label: card.title }],
    });
  });
};
