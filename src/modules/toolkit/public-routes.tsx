import { AppError } from '../../platform/http/errors.ts';
import { pageNumber, parseId } from '../../platform/http/params.ts';
import { pageRequest, pageResult } from '../../platform/http/pagination.ts';
import { IdParams } from '../../platform/http/schemas.ts';
import type { ModulePlugin } from '../../platform/module.ts';
import { toCsv } from '../../platform/http/tables.ts';
import { SearchQuery, searchFilter } from './forms.ts';
import { toolkitRepository } from './repository.ts';
import { toolkitSearch } from './search.ts';
import { exampleRepository } from './example-repository.ts';
import { whereUsed } from './use-read.ts';
import { ATTACHMENT_MEDIA_TYPES } from './attachment-text.ts';
import { methodCardPdf } from './card-pdf.ts';
import { downloadableAttachment, publicCard } from './service.ts';
import { MethodPage, ToolkitListPage } from './views/public-pages.tsx';

const PAGE_SIZE = 20;

/** A file name for the header: ASCII for old clients, the real name encoded (RFC 6266) for the rest. */
function disposition(kind: 'inline' | 'attachment', name: string): string {
  const ascii = name.replace(/[^\w.-]/g, '_') || 'datei';
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}
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

  /** A card's attachment; Office files go out with their own type, all as downloads that the browser does not sniff. */
  app.get('/werkzeugkoffer/anhaenge/:id', { config: PUBLIC, schema: { params: IdParams } }, async (request, reply) => {
    const attachment = await downloadableAttachment(db, request.actor, parseId(request.params.id));
    // Bytes missing from the store (a restored database without its files) are as good as no file.
    const file = await services.files.read(db, attachment.file_id).catch(() => null);
    if (!file) throw AppError.notFound();
    const type = attachment.kind === 'image' ? file.mime_type : ATTACHMENT_MEDIA_TYPES[attachment.kind];
    return reply
      .type(type)
      .header('content-disposition', disposition(attachment.kind === 'image' ? 'inline' : 'attachment', file.original_name))
      .header('x-content-type-options', 'nosniff')
      .send(file.data);
  });

  /** The card as a PDF to print for a workshop, in the reader's language where translated. */
  app.get('/werkzeugkoffer/methoden/:id/pdf', { config: PUBLIC, schema: { params: IdParams } }, async (request, reply) => {
    const { card } = await publicCard(db, parseId(request.params.id), request.locale);
    const pdf = await methodCardPdf(card, request.t, `${services.config.baseUrl}/werkzeugkoffer/methoden/${card.id}`);
    return reply.type('application/pdf').header('content-disposition', `inline; filename="methode-${card.id}.pdf"`).send(pdf);
  });

  app.get('/werkzeugkoffer/methoden/:id', { config: PUBLIC, schema: { params: IdParams } }, async (request, reply) => {
    const { card, untranslated, translatedLang } = await publicCard(db, parseId(request.params.id), request.locale);
    const [attachments, used, examples] = await Promise.all([toolkitRepository(db).attachments(card.id), whereUsed(db, card.id), exampleRepository(db).examplesOfMethod(card.id)]);
    return reply.render(<MethodPage card={card} untranslated={untranslated} translatedLang={translatedLang} attachments={attachments} used={{ used, examples }} />, {
      title: card.title,
      breadcrumbs: [{ href: '/werkzeugkoffer', label: request.t('toolkit.public.title') }, { label: card.title }],
    });
  });
};
