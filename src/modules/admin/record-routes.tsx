import { type Static, Type } from '@sinclair/typebox';
import { AppError, type FieldErrors } from '../../platform/http/errors.ts';
import { FormDate, parseForm } from '../../platform/http/forms.ts';
import { pageRequest, pageResult } from '../../platform/http/pagination.ts';
import { pageNumber, parseId } from '../../platform/http/params.ts';
import { IdParams, PageQuery } from '../../platform/http/schemas.ts';
import { toCsv } from '../../platform/http/tables.ts';
import { formatDate } from '../../platform/i18n/catalog.ts';
import type { ModulePlugin } from '../../platform/module.ts';
import { municipalityOptions } from '../municipalities/index.ts';
import { OFFICE, officeCrumbs } from './crumbs.ts';
import { AUDIT_PAGE_SIZE, type AuditFilter, adminRepository } from './repository.ts';
import { actorLabel, type AuditQuery, AuditPage } from './views/audit-page.tsx';
import { MailPage, OutboxPage } from './views/outbox-pages.tsx';

const AuditDates = Type.Object({ von: Type.Optional(FormDate()), bis: Type.Optional(FormDate()) });
const AuditQuerySchema = Type.Object({
  aktion: Type.Optional(Type.String({ maxLength: 100 })),
  typ: Type.Optional(Type.String({ maxLength: 100 })),
  kommune: Type.Optional(Type.String({ maxLength: 12 })),
  person: Type.Optional(Type.String({ maxLength: 100 })),
  von: Type.Optional(Type.String({ maxLength: 20 })),
  bis: Type.Optional(Type.String({ maxLength: 20 })),
  seite: Type.Optional(Type.String({ maxLength: 6 })),
});
const AUDIT_CSV_LIMIT = 50_000;

/** Filters of the audit log; a malformed date is reported next to its field instead of being ignored. */
function cleanAuditQuery(raw: Static<typeof AuditQuerySchema>): { filter: AuditFilter; query: AuditQuery; errors: FieldErrors } {
  const filter: AuditFilter = {};
  const query: AuditQuery = {};
  if (raw.aktion) filter.action = query.aktion = raw.aktion;
  if (raw.typ) filter.entityType = query.typ = raw.typ;
  if (raw.kommune && /^\d{1,9}$/.test(raw.kommune)) {
    filter.municipalityId = Number(raw.kommune);
    query.kommune = raw.kommune;
  }
  const person = raw.person?.trim();
  if (person) filter.actor = query.person = person;
  const dates = parseForm(AuditDates, { von: raw.von ?? '', bis: raw.bis ?? '' });
  const errors: FieldErrors = dates.ok ? {} : dates.errors;
  if (raw.von && !errors.von) filter.from = query.von = raw.von;
  if (raw.bis && !errors.bis) filter.to = query.bis = raw.bis;
  if (filter.from && filter.to && filter.to < filter.from) errors.bis = { key: 'validation.end_before_start' };
  return { filter, query, errors };
}

/** What happened: the audit log (page and CSV) and the mail outbox. */
export const recordRoutes: ModulePlugin = async (app, { services }) => {
  const { db } = services;
  const repo = adminRepository(db);

  app.get('/programmbuero/protokoll', { config: OFFICE, schema: { querystring: AuditQuerySchema } }, async (request, reply) => {
    const raw = request.query;
    const { filter, query, errors } = cleanAuditQuery(raw);
    const page = pageRequest(pageNumber(raw.seite), AUDIT_PAGE_SIZE);
    const [{ items, total, more }, entityTypes, municipalities] = await Promise.all([repo.auditPage(filter, page), repo.auditEntityTypes(), municipalityOptions(db)]);
    const form = { values: { von: raw.von ?? '', bis: raw.bis ?? '' }, errors };
    return reply.render(
      <AuditPage
        result={pageResult(items, total, page)}
        more={more}
        query={query}
        form={form}
        actions={services.modules().flatMap((m) => m.auditActions ?? [])}
        entityTypes={entityTypes.map((e) => e.entity_type)}
        municipalities={municipalities}
      />,
      { title: request.t('admin.audit.title'), breadcrumbs: officeCrumbs(request, request.t('admin.audit.title')), status: Object.keys(errors).length ? 422 : 200 },
    );
  });

  app.get('/programmbuero/protokoll.csv', { config: OFFICE, schema: { querystring: AuditQuerySchema } }, async (request, reply) => {
    const { filter, errors } = cleanAuditQuery(request.query);
    if (Object.keys(errors).length) throw new AppError('bad_request', 400, 'errors.bad_request.text');
    const rows = await repo.auditAll(filter, AUDIT_CSV_LIMIT);
    const t = request.t;
    const csv = toCsv(
      ['at', 'actor', 'action', 'entity', 'entity_id', 'municipality', 'before', 'after'].map((c) => t(`admin.audit.csv.${c}`)),
      rows.map((r) => [
        formatDate('de', r.at, true),
        actorLabel(t, r),
        r.action,
        r.entity_type,
        r.entity_id ?? '',
        r.municipality_name ?? '',
        r.before ? JSON.stringify(r.before) : '',
        r.after ? JSON.stringify(r.after) : '',
      ]),
    );
    return reply.type('text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="aenderungsprotokoll.csv"').header('cache-control', 'no-store').send(csv);
  });

  app.get('/programmbuero/postausgang', { config: OFFICE, schema: { querystring: PageQuery } }, async (request, reply) => {
    const page = pageRequest(pageNumber(request.query.seite), 25);
    const { items, total } = await repo.outboxPage(page);
    return reply.render(<OutboxPage result={pageResult(items, total, page)} smtp={Boolean(services.config.smtpUrl)} retentionDays={services.config.mailRetentionDays} />, {
      title: request.t('admin.outbox.title'),
      breadcrumbs: officeCrumbs(request, request.t('admin.outbox.title')),
    });
  });

  app.get('/programmbuero/postausgang/:id', { config: OFFICE, schema: { params: IdParams } }, async (request, reply) => {
    const mail = await repo.mail(parseId(request.params.id));
    if (!mail) throw AppError.notFound();
    return reply.render(<MailPage mail={mail} />, {
      title: mail.subject,
      breadcrumbs: officeCrumbs(request, request.t('admin.outbox.title'), '/programmbuero/postausgang').concat([{ label: mail.subject }]),
    });
  });
};
