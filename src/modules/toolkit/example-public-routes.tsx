import { Type } from '@sinclair/typebox';
import { AppError } from '../../platform/http/errors.ts';
import { optionalId, pageNumber, parseId } from '../../platform/http/params.ts';
import { pageRequest, pageResult } from '../../platform/http/pagination.ts';
import { IdParams } from '../../platform/http/schemas.ts';
import type { ModulePlugin } from '../../platform/module.ts';
import { exampleContent } from './example-read.ts';
import { type ExampleFilter, exampleRepository } from './example-repository.ts';
import { ExampleListPage, ExamplePage } from './views/example-public.tsx';

const PUBLIC = { access: 'public' } as const;
const PAGE_SIZE = 20;

const ExampleQuery = Type.Object({
  kommune: Type.Optional(Type.String({ maxLength: 20 })),
  methode: Type.Optional(Type.String({ maxLength: 12 })),
  seite: Type.Optional(Type.String({ maxLength: 6 })),
});

/** The public good-practice examples: a list filtered by town and method, and one page per example. */
export const examplePublicRoutes: ModulePlugin = async (app, { services }) => {
  const { db } = services;
  const repo = exampleRepository(db);

  app.get('/werkzeugkoffer/beispiele', { config: PUBLIC, schema: { querystring: ExampleQuery } }, async (request, reply) => {
    const { kommune, methode } = request.query;
    // An odd filter value filters nothing, as on the card list.
    const filter: ExampleFilter = {
      ags: kommune && /^\d{8}$/.test(kommune) ? kommune : undefined,
      methodId: optionalId(methode),
    };
    const page = pageRequest(pageNumber(request.query.seite), PAGE_SIZE);
    const [rows, towns, methods] = await Promise.all([repo.publishedExamples(filter, page), repo.exampleTowns(), repo.usedMethods()]);
    const query = { kommune: filter.ags, methode: filter.methodId ? String(filter.methodId) : undefined };
    return reply.render(<ExampleListPage results={pageResult(rows, rows.length ? Number(rows[0]?.total) : 0, page)} towns={towns} methods={methods} query={query} />, {
      title: request.t('toolkit.example.list_title'),
      breadcrumbs: [{ href: '/werkzeugkoffer', label: request.t('toolkit.public.title') }, { label: request.t('toolkit.example.list_title') }],
    });
  });

  app.get('/werkzeugkoffer/beispiele/:id', { config: PUBLIC, schema: { params: IdParams } }, async (request, reply) => {
    const example = await repo.exampleWithTown(parseId(request.params.id), true);
    if (!example) throw AppError.notFound();
    const content = await exampleContent(db, example, true);
    return reply.render(<ExamplePage example={content} />, {
      title: example.title,
      breadcrumbs: [
        { href: '/werkzeugkoffer', label: request.t('toolkit.public.title') },
        { href: '/werkzeugkoffer/beispiele', label: request.t('toolkit.example.list_title') },
        { label: example.title },
      ],
    });
  });
};
