import { type Static, Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { signedInActor } from '../../platform/http/access.ts';
import { AppError } from '../../platform/http/errors.ts';
import { formAction } from '../../platform/http/form-action.ts';
import { FormEmail, FormInteger, FormText, formBody } from '../../platform/http/forms.ts';
import { pageRequest, pageResult } from '../../platform/http/pagination.ts';
import { pageNumber, parseId } from '../../platform/http/params.ts';
import { Id, IdParams } from '../../platform/http/schemas.ts';
import type { ModulePlugin } from '../../platform/module.ts';
import { ConfirmDelete, type FormState } from '../../platform/views/forms.tsx';
import { municipalityOptions } from '../municipalities/index.ts';
import { OFFICE, officeCrumbs } from './crumbs.ts';
import { adminRepository, type UserFilter } from './repository.ts';
import { GrantableRoleSchema, isGrantableRole, RoleChoiceSchema } from './roles.ts';
import { adminService } from './service.ts';
import { InvitePage, type UserQuery, UserPage, UsersPage } from './views/user-pages.tsx';

const MunicipalityField = Type.Optional(FormInteger({ min: 1, max: 2_000_000_000 }));
const InviteForm = Type.Object({ displayName: FormText({ min: 1, max: 100 }), email: FormEmail(), role: RoleChoiceSchema, municipalityId: MunicipalityField });
const GrantForm = Type.Object({ role: GrantableRoleSchema, municipalityId: MunicipalityField });
const RoleParams = Type.Object({ id: Id, roleId: Id });
const UserQuerySchema = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 100 })),
  rolle: Type.Optional(Type.String({ maxLength: 30 })),
  kommune: Type.Optional(Type.String({ maxLength: 12 })),
  seite: Type.Optional(Type.String({ maxLength: 6 })),
});

/** Unknown filter values are dropped: a stale bookmark still shows the list. */
function cleanUserQuery(raw: Static<typeof UserQuerySchema>): { filter: UserFilter; query: UserQuery } {
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

/** Accounts and their roles. */
export const userRoutes: ModulePlugin = async (app, { services }) => {
  const { db } = services;
  const repo = adminRepository(db);
  const service = adminService(services);

  app.get('/programmbuero/nutzer', { config: OFFICE, schema: { querystring: UserQuerySchema } }, async (request, reply) => {
    const { filter, query } = cleanUserQuery(request.query);
    const page = pageRequest(pageNumber(request.query.seite), 25);
    const [{ items, total }, municipalities] = await Promise.all([repo.userPage(filter, page), municipalityOptions(db)]);
    return reply.render(<UsersPage result={pageResult(items, total, page)} query={query} municipalities={municipalities} />, {
      title: request.t('admin.users.title'),
      breadcrumbs: officeCrumbs(request, request.t('admin.users.title')),
    });
  });

  async function renderInvite(request: FastifyRequest, reply: FastifyReply, form: FormState = { values: { role: 'coordinator' }, errors: {} }) {
    return reply.render(<InvitePage form={form} municipalities={await municipalityOptions(db)} />, {
      title: request.t('admin.users.invite'),
      breadcrumbs: officeCrumbs(request, request.t('admin.users.invite')),
      status: Object.keys(form.errors).length ? 422 : 200,
    });
  }

  app.get('/programmbuero/nutzer/einladen', { config: OFFICE }, (request, reply) => renderInvite(request, reply));

  app.post('/programmbuero/nutzer/einladen', { config: OFFICE, schema: { body: formBody(InviteForm) } }, async (request, reply) =>
    formAction(reply, {
      body: request.body,
      schema: InviteForm,
      invalid: (form) => renderInvite(request, reply, form),
      run: async (value) => {
        const userId = await service.invite(signedInActor(request), { ...value, locale: request.locale === 'en' ? 'en' : 'de' });
        return { redirect: `/programmbuero/nutzer/${userId}`, flash: { key: 'admin.users.invited', params: { email: value.email } } };
      },
    }),
  );

  /** A deleted account has no page of its own any more. */
  async function renderUser(request: FastifyRequest, reply: FastifyReply, id: number, form: FormState = { values: { role: 'coordinator' }, errors: {} }) {
    const user = await repo.user(id);
    if (!user || user.deleted_at) throw AppError.notFound();
    const [roles, municipalities] = await Promise.all([repo.rolesOf(id), municipalityOptions(db)]);
    return reply.render(<UserPage user={user} roles={roles} form={form} municipalities={municipalities} />, {
      title: user.display_name,
      breadcrumbs: officeCrumbs(request, request.t('admin.users.title'), '/programmbuero/nutzer').concat([{ label: user.display_name }]),
      status: Object.keys(form.errors).length ? 422 : 200,
    });
  }

  app.get('/programmbuero/nutzer/:id', { config: OFFICE, schema: { params: IdParams } }, (request, reply) => renderUser(request, reply, parseId(request.params.id)));

  app.post('/programmbuero/nutzer/:id/rollen', { config: OFFICE, schema: { params: IdParams, body: formBody(GrantForm) } }, async (request, reply) => {
    const id = parseId(request.params.id);
    return formAction(reply, {
      body: request.body,
      schema: GrantForm,
      invalid: (form) => renderUser(request, reply, id, form),
      run: async (value) => {
        await service.grantRole(signedInActor(request), id, value.role, value.municipalityId ?? null);
        return { redirect: `/programmbuero/nutzer/${id}`, flash: { key: 'admin.users.granted' } };
      },
    });
  });

  app.get('/programmbuero/nutzer/:id/rollen/:roleId/entziehen', { config: OFFICE, schema: { params: RoleParams } }, async (request, reply) => {
    const userId = parseId(request.params.id);
    const [user, role] = await Promise.all([repo.user(userId), repo.role(userId, parseId(request.params.roleId))]);
    if (!user || !role) throw AppError.notFound();
    const t = request.t;
    return reply.render(
      <ConfirmDelete
        name={`${user.display_name}: ${t(`admin.role.${role.role}`)}`}
        action={`/programmbuero/nutzer/${userId}/rollen/${role.id}/entziehen`}
        cancelHref={`/programmbuero/nutzer/${userId}`}
        note={t('admin.users.revoke_note')}
      />,
      { title: t('common.confirm_delete_title'), breadcrumbs: officeCrumbs(request, user.display_name, `/programmbuero/nutzer/${userId}`) },
    );
  });

  app.post('/programmbuero/nutzer/:id/rollen/:roleId/entziehen', { config: OFFICE, schema: { params: RoleParams } }, async (request, reply) => {
    const userId = parseId(request.params.id);
    const roleId = parseId(request.params.roleId);
    return formAction(reply, {
      body: request.body,
      back: `/programmbuero/nutzer/${userId}`,
      invalid: (form) => renderUser(request, reply, userId, form),
      run: async () => {
        await service.revokeRole(signedInActor(request), userId, roleId);
        return { redirect: `/programmbuero/nutzer/${userId}`, flash: { key: 'admin.users.revoked' } };
      },
    });
  });
};
