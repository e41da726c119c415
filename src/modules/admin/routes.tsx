import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, type FieldErrors, ValidationError } from '../../platform/http/errors.ts';
import { pageNumber, parseId } from '../../platform/http/params.ts';
import { FormDate, FormEmail, FormInteger, FormText, formBodySchema, parseForm, typedValues } from '../../platform/http/forms.ts';
import { requireUser } from '../../platform/http/guards.ts';
import { toCsv } from '../../platform/http/tables.ts';
import { pageRequest, pageResult } from '../../platform/http/pagination.ts';
import { formatDate } from '../../platform/i18n/catalog.ts';
import type { AppServices } from '../../platform/module.ts';
import { ConfirmDelete, EMPTY_FORM, type FormState } from '../../platform/views/forms.tsx';
import { municipalityOptions, participatingMunicipalities, requireMunicipality } from '../municipalities/index.ts';
import { type AdminAction, can } from './policy.ts';
import { type AuditFilter, adminRepository, type UserFilter } from './repository.ts';
import { adminService, isGrantableRole } from './service.ts';
import { actorLabel, type AuditQuery, AuditPage } from './views/audit-page.tsx';
import { MailPage, OutboxPage } from './views/outbox-pages.tsx';
import { OverviewPage } from './views/overview-page.tsx';
import { ParticipationPage } from './views/participation-page.tsx';
import { InvitePage, type UserQuery, UserPage, UsersPage } from './views/user-pages.tsx';

const Grantable = Type.Union([Type.Literal('trainer'), Type.Literal('coordinator'), Type.Literal('programme_office'), Type.Literal('funder')]);
const RoleChoice = Type.Union([Type.Literal('participant'), Grantable]);
const InviteForm = Type.Object({ displayName: FormText({ min: 1, max: 100 }), email: FormEmail(), role: RoleChoice, municipalityId: Type.Optional(FormInteger({ min: 1, max: 2_000_000_000 })) });
const GrantForm = Type.Object({ role: Grantable, municipalityId: Type.Optional(FormInteger({ min: 1, max: 2_000_000_000 })) });
const ParticipationForm = Type.Object({ municipalityId: FormInteger({ min: 1, max: 2_000_000_000 }), joinedOn: FormDate(), cohort: Type.Optional(FormText({ max: 100 })) });
const AuditDates = Type.Object({ von: Type.Optional(FormDate()), bis: Type.Optional(FormDate()) });
const IdParams = Type.Object({ id: Type.String({ maxLength: 12 }) });
const RoleParams = Type.Object({ id: Type.String({ maxLength: 12 }), roleId: Type.String({ maxLength: 12 }) });
const AgsParams = Type.Object({ ags: Type.String({ maxLength: 20 }) });
const UserQuerySchema = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 100 })),
  rolle: Type.Optional(Type.String({ maxLength: 30 })),
  kommune: Type.Optional(Type.String({ maxLength: 12 })),
  seite: Type.Optional(Type.String({ maxLength: 6 })),
});
const AuditQuerySchema = Type.Object({
  aktion: Type.Optional(Type.String({ maxLength: 100 })),
  typ: Type.Optional(Type.String({ maxLength: 100 })),
  kommune: Type.Optional(Type.String({ maxLength: 12 })),
  person: Type.Optional(Type.String({ maxLength: 100 })),
  von: Type.Optional(Type.String({ maxLength: 20 })),
  bis: Type.Optional(Type.String({ maxLength: 20 })),
  seite: Type.Optional(Type.String({ maxLength: 6 })),
});
const PageQuery = Type.Object({ seite: Type.Optional(Type.String({ maxLength: 6 })) });
const AUDIT_CSV_LIMIT = 50_000;

/** PostgreSQL text cannot hold U+0000; such a value is refused here rather than failing in the database. */

function cleanUserQuery(raw: Record<string, string | undefined>): { filter: UserFilter; query: UserQuery } {
  const filter: UserFilter = {};
  const query: UserQuery = {};
  const q = raw.q?.trim();
  if (q) filter.query = query.q = q;
  if (raw.rolle === 'participant' || isGrantableRole(raw.rolle)) {
    filter.role = raw.rolle;
    query.rolle = raw.rolle;
  }
  if (raw.kommune && /^\d{1,9}$/.test(raw.kommune)) {
    filter.municipalityId = Number(raw.kommune);
    query.kommune = raw.kommune;
  }
  return { filter, query };
}

/** Filters of the audit log; a malformed date is reported next to its field instead of being ignored. */
function cleanAuditQuery(raw: Record<string, string | undefined>): { filter: AuditFilter; query: AuditQuery; errors: FieldErrors } {
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

export const adminRoutes: FastifyPluginAsync<{ services: AppServices }> = async (app, { services }) => {
  const { db } = services;
  const repo = adminRepository(db);
  const service = adminService(services);

  function office(request: FastifyRequest, action: AdminAction) {
    const actor = requireUser(request);
    if (!can(actor, action)) throw AppError.forbidden();
    return actor;
  }

  const crumb = (request: FastifyRequest, label?: string, href?: string) => [
    { href: '/programmbuero', label: request.t('admin.overview.title') },
    ...(label ? [{ label, ...(href ? { href } : {}) }] : []),
  ];

  app.get('/programmbuero', async (request, reply) => {
    office(request, 'read_audit_log');
    const [counts, participants] = await Promise.all([repo.overviewCounts(), participatingMunicipalities(db)]);
    return reply.render(<OverviewPage counts={{ ...counts, participants: participants.length }} />, {
      title: request.t('admin.overview.title'),
      breadcrumbs: [{ label: request.t('admin.overview.title') }],
    });
  });

  // ---------- users ----------

  app.get('/programmbuero/nutzer', { schema: { querystring: UserQuerySchema } }, async (request, reply) => {
    office(request, 'manage_users');
    const raw = request.query as Record<string, string | undefined>;
    const { filter, query } = cleanUserQuery(raw);
    const page = pageRequest(pageNumber(raw.seite), 25);
    const [{ items, total }, municipalities] = await Promise.all([repo.userPage(filter, page), municipalityOptions(db)]);
    return reply.render(<UsersPage result={pageResult(items, total, page)} query={query} municipalities={municipalities} />, {
      title: request.t('admin.users.title'),
      breadcrumbs: crumb(request, request.t('admin.users.title')),
    });
  });

  async function renderInvite(request: FastifyRequest, reply: FastifyReply, form: FormState = { values: { role: 'coordinator' }, errors: {} }) {
    office(request, 'manage_users');
    return reply.render(<InvitePage form={form} municipalities={await municipalityOptions(db)} />, {
      title: request.t('admin.users.invite'),
      breadcrumbs: crumb(request, request.t('admin.users.invite')),
      status: Object.keys(form.errors).length ? 422 : 200,
    });
  }

  app.get('/programmbuero/nutzer/einladen', (request, reply) => renderInvite(request, reply));

  app.post('/programmbuero/nutzer/einladen', { schema: { body: formBodySchema(['displayName', 'email', 'role', 'municipalityId']) } }, async (request, reply) => {
    const actor = office(request, 'manage_users');
    const values = typedValues(request.body);
    const parsed = parseForm(InviteForm, request.body);
    if (!parsed.ok) return renderInvite(request, reply, { values, errors: parsed.errors });
    let userId: number;
    try {
      userId = await service.invite(actor, { ...parsed.value, locale: request.locale === 'en' ? 'en' : 'de' });
    } catch (error) {
      if (error instanceof ValidationError) return renderInvite(request, reply, { values, errors: error.fields });
      throw error;
    }
    return reply.flash('success', 'admin.users.invited', { email: parsed.value.email }).redirect(`/programmbuero/nutzer/${userId}`, 303);
  });

  async function renderUser(request: FastifyRequest, reply: FastifyReply, form: FormState = { values: { role: 'coordinator' }, errors: {} }) {
    office(request, 'manage_users');
    const id = parseId((request.params as { id: string }).id);
    const user = await repo.user(id);
    if (!user || user.deleted_at) throw AppError.notFound();
    const [roles, municipalities] = await Promise.all([repo.rolesOf(id), municipalityOptions(db)]);
    return reply.render(<UserPage user={user} roles={roles} form={form} municipalities={municipalities} />, {
      title: user.display_name,
      breadcrumbs: crumb(request, request.t('admin.users.title'), '/programmbuero/nutzer').concat([{ label: user.display_name }]),
      status: Object.keys(form.errors).length ? 422 : 200,
    });
  }

  app.get('/programmbuero/nutzer/:id', { schema: { params: IdParams } }, (request, reply) => renderUser(request, reply));

  app.post('/programmbuero/nutzer/:id/rollen', { schema: { params: IdParams, body: formBodySchema(['role', 'municipalityId']) } }, async (request, reply) => {
    const actor = office(request, 'manage_users');
    const id = parseId((request.params as { id: string }).id);
    const values = typedValues(request.body);
    const parsed = parseForm(GrantForm, request.body);
    if (!parsed.ok) return renderUser(request, reply, { values, errors: parsed.errors });
    try {
      await service.grantRole(actor, id, parsed.value.role, parsed.value.municipalityId ?? null);
    } catch (error) {
      if (error instanceof ValidationError) return renderUser(request, reply, { values, errors: error.fields });
      throw error;
    }
    return reply.flash('success', 'admin.users.granted').redirect(`/programmbuero/nutzer/${id}`, 303);
  });

  app.get('/programmbuero/nutzer/:id/rollen/:roleId/entziehen', { schema: { params: RoleParams } }, async (request, reply) => {
    office(request, 'manage_users');
    const params = request.params as { id: string; roleId: string };
    const userId = parseId(params.id);
    const [user, role] = await Promise.all([repo.user(userId), repo.role(userId, parseId(params.roleId))]);
    if (!user || !role) throw AppError.notFound();
    const t = request.t;
    return reply.render(
      <ConfirmDelete
        name={`${user.display_name}: ${t(`admin.role.${role.role}`)}`}
        action={`/programmbuero/nutzer/${userId}/rollen/${role.id}/entziehen`}
        cancelHref={`/programmbuero/nutzer/${userId}`}
        note={t('admin.users.revoke_note')}
      />,
      { title: t('common.confirm_delete_title'), breadcrumbs: crumb(request, user.display_name, `/programmbuero/nutzer/${userId}`) },
    );
  });

  app.post('/programmbuero/nutzer/:id/rollen/:roleId/entziehen', { schema: { params: RoleParams } }, async (request, reply) => {
    const actor = office(request, 'manage_users');
    const params = request.params as { id: string; roleId: string };
    const userId = parseId(params.id);
    try {
      await service.revokeRole(actor, userId, parseId(params.roleId));
    } catch (error) {
      if (error instanceof AppError && error.code === 'conflict') return reply.flash('danger', error.messageKey).redirect(`/programmbuero/nutzer/${userId}`, 303);
      throw error;
    }
    return reply.flash('success', 'admin.users.revoked').redirect(`/programmbuero/nutzer/${userId}`, 303);
  });

  // ---------- participation ----------

  async function renderParticipation(request: FastifyRequest, reply: FastifyReply, form: FormState = EMPTY_FORM) {
    office(request, 'manage_participation');
    const [participants, municipalities] = await Promise.all([participatingMunicipalities(db), municipalityOptions(db)]);
    return reply.render(<ParticipationPage participants={participants} municipalities={municipalities} form={form} />, {
      title: request.t('admin.participation.title'),
      breadcrumbs: crumb(request, request.t('admin.participation.title')),
      status: Object.keys(form.errors).length ? 422 : 200,
    });
  }

  app.get('/programmbuero/teilnahme', (request, reply) => renderParticipation(request, reply));

  app.post('/programmbuero/teilnahme', { schema: { body: formBodySchema(['municipalityId', 'joinedOn', 'cohort']) } }, async (request, reply) => {
    const actor = office(request, 'manage_participation');
    const values = typedValues(request.body);
    const parsed = parseForm(ParticipationForm, request.body);
    if (!parsed.ok) return renderParticipation(request, reply, { values, errors: parsed.errors });
    try {
      await service.markParticipation(actor, parsed.value.municipalityId, parsed.value.joinedOn, parsed.value.cohort ?? '');
    } catch (error) {
      if (error instanceof ValidationError) return renderParticipation(request, reply, { values, errors: error.fields });
      throw error;
    }
    return reply.flash('success', 'admin.participation.saved').redirect('/programmbuero/teilnahme', 303);
  });

  app.get('/programmbuero/teilnahme/:ags/beenden', { schema: { params: AgsParams } }, async (request, reply) => {
    office(request, 'manage_participation');
    const municipality = await requireMunicipality(db, (request.params as { ags: string }).ags);
    if (!municipality.joined_on) throw AppError.notFound();
    return reply.render(
      <ConfirmDelete
        name={request.t('admin.participation.end_name', { name: municipality.name })}
        action={`/programmbuero/teilnahme/${municipality.ags}/beenden`}
        cancelHref="/programmbuero/teilnahme"
        note={request.t('admin.participation.end_note')}
      />,
      { title: request.t('common.confirm_delete_title'), breadcrumbs: crumb(request, request.t('admin.participation.title'), '/programmbuero/teilnahme') },
    );
  });

  app.post('/programmbuero/teilnahme/:ags/beenden', { schema: { params: AgsParams } }, async (request, reply) => {
    const actor = office(request, 'manage_participation');
    const municipality = await requireMunicipality(db, (request.params as { ags: string }).ags);
    await service.endParticipation(actor, municipality.id);
    return reply.flash('success', 'admin.participation.ended', { name: municipality.name }).redirect('/programmbuero/teilnahme', 303);
  });

  // ---------- audit log ----------

  app.get('/programmbuero/protokoll', { schema: { querystring: AuditQuerySchema } }, async (request, reply) => {
    office(request, 'read_audit_log');
    const raw = request.query as Record<string, string | undefined>;
    const { filter, query, errors } = cleanAuditQuery(raw);
    const page = pageRequest(pageNumber(raw.seite), 50);
    const [{ items, total }, actions, entityTypes, municipalities] = await Promise.all([repo.auditPage(filter, page), repo.auditActions(), repo.auditEntityTypes(), municipalityOptions(db)]);
    const form = { values: { von: raw.von ?? '', bis: raw.bis ?? '' }, errors };
    return reply.render(
      <AuditPage
        result={pageResult(items, total, page)}
        query={query}
        form={form}
        actions={actions.map((a) => a.action)}
        entityTypes={entityTypes.map((e) => e.entity_type)}
        municipalities={municipalities}
      />,
      { title: request.t('admin.audit.title'), breadcrumbs: crumb(request, request.t('admin.audit.title')), status: Object.keys(errors).length ? 422 : 200 },
    );
  });

  app.get('/programmbuero/protokoll.csv', { schema: { querystring: AuditQuerySchema } }, async (request, reply) => {
    office(request, 'read_audit_log');
    const { filter, errors } = cleanAuditQuery(request.query as Record<string, string | undefined>);
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

  // ---------- mail outbox ----------

  app.get('/programmbuero/postausgang', { schema: { querystring: PageQuery } }, async (request, reply) => {
    office(request, 'read_outbox');
    const page = pageRequest(pageNumber((request.query as { seite?: string }).seite), 25);
    const { items, total } = await repo.outboxPage(page);
    return reply.render(<OutboxPage result={pageResult(items, total, page)} smtp={Boolean(services.config.smtpUrl)} />, {
      title: request.t('admin.outbox.title'),
      breadcrumbs: crumb(request, request.t('admin.outbox.title')),
    });
  });

  app.get('/programmbuero/postausgang/:id', { schema: { params: IdParams } }, async (request, reply) => {
    office(request, 'read_outbox');
    const mail = await repo.mail(parseId((request.params as { id: string }).id));
    if (!mail) throw AppError.notFound();
    return reply.render(<MailPage mail={mail} />, {
      title: mail.subject,
      breadcrumbs: crumb(request, request.t('admin.outbox.title'), '/programmbuero/postausgang').concat([{ label: mail.subject }]),
    });
  });
};
