import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { signedInActor } from '../http/access.ts';
import { formAction } from '../http/form-action.ts';
import { FormText, formBody } from '../http/forms.ts';
import { SESSION_COOKIE } from '../http/request-context.ts';
import { UI_LOCALES } from '../i18n/catalog.ts';
import type { ModulePlugin } from '../module.ts';
import { EMPTY_FORM, type FormState } from '../views/forms.tsx';
import { SECOND_FACTOR_SETUP_PATH } from './second-factor-gate.ts';
import { hashSecret } from './tokens.ts';
import { AccountPage, DeleteAccountPage } from './views/pages.tsx';
import { RecoveryCodesPage, SecondFactorPage } from './views/second-factor-pages.tsx';

const PasswordForm = Type.Object({ password: FormText({ min: 1, max: 200 }) });
const ChangePasswordForm = Type.Object({ currentPassword: FormText({ min: 1, max: 200 }), newPassword: FormText({ min: 1, max: 200 }) });
const CodeForm = Type.Object({ code: FormText({ min: 1, max: 40 }) });
const SessionParams = Type.Object({ id: Type.String({ pattern: '^[0-9a-f]{64}$' }) });
const AUTH_RATE_LIMIT = { rateLimit: { max: 10, timeWindow: '1 minute' } };

/** The own account: data, sessions, password, second factor, export and deletion. Every id here is the caller's own. */
export const accountRoutes: ModulePlugin = async (app, { services }) => {
  const { auth } = services;

  const renderAccount = async (request: FastifyRequest, reply: FastifyReply, passwordForm: FormState = EMPTY_FORM) => {
    const actor = signedInActor(request);
    const [sessions, sections] = await Promise.all([auth.listSessions(actor), Promise.all(services.modules().flatMap((m) => (m.accountSection ? [m.accountSection(services, actor)] : [])))]);
    return reply.render(
      <AccountPage
        sections={sections}
        sessions={sessions}
        currentHash={hashSecret(request.sessionSecret ?? '')}
        passwordForm={{ values: {}, errors: passwordForm.errors }}
        emailVerified={actor.emailVerified}
        email={actor.email}
        secondFactor={request.secondFactor}
      />,
      { title: request.t('auth.account.title'), breadcrumbs: [{ label: request.t('auth.account.title') }], status: Object.keys(passwordForm.errors).length ? 422 : 200 },
    );
  };

  app.get('/konto', { config: { access: 'signedIn' } }, async (request, reply) => renderAccount(request, reply));

  app.post('/konto/bestaetigung-senden', { config: { access: 'signedIn', ...AUTH_RATE_LIMIT } }, async (request, reply) => {
    await auth.resendVerification(signedInActor(request));
    return reply.flash('success', 'auth.account.resent').redirect('/konto', 303);
  });

  app.post('/konto/passwort', { config: { access: 'signedIn' }, schema: { body: formBody(ChangePasswordForm) } }, async (request, reply) =>
    formAction(reply, {
      body: request.body,
      schema: ChangePasswordForm,
      invalid: (form) => renderAccount(request, reply, form),
      run: async ({ currentPassword, newPassword }) => {
        await auth.changePassword(signedInActor(request), request.sessionSecret ?? '', currentPassword, newPassword);
        return { redirect: '/konto', flash: { key: 'auth.account.password_changed' } };
      },
    }),
  );

  app.post('/konto/sitzungen/:id/beenden', { config: { access: 'signedIn' }, schema: { params: SessionParams } }, async (request, reply) => {
    await auth.revokeSession(signedInActor(request), request.params.id);
    return reply.flash('success', 'auth.account.session_revoked').redirect('/konto', 303);
  });

  app.get('/konto/export', { config: { access: 'signedIn' } }, async (request, reply) => {
    const data = await auth.exportData(signedInActor(request));
    return reply
      .header('content-disposition', 'attachment; filename="meine-daten.json"')
      .header('cache-control', 'no-store')
      .type('application/json; charset=utf-8')
      .send(JSON.stringify(data, null, 2));
  });

  app.get('/konto/loeschen', { config: { access: 'signedIn' } }, async (request, reply) => reply.render(<DeleteAccountPage form={EMPTY_FORM} />, { title: request.t('auth.delete.title') }));

  app.post('/konto/loeschen', { config: { access: 'signedIn' }, schema: { body: formBody(PasswordForm) } }, async (request, reply) =>
    formAction(reply, {
      body: request.body,
      schema: PasswordForm,
      invalid: ({ errors }) => reply.render(<DeleteAccountPage form={{ values: {}, errors }} />, { title: request.t('auth.delete.title'), status: 422 }),
      run: async ({ password }) => {
        await auth.deleteAccount(signedInActor(request), password);
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return { redirect: '/', flash: { key: 'auth.delete.done' } };
      },
    }),
  );

  const secondFactorPage = async (request: FastifyRequest, reply: FastifyReply, forms: { code?: FormState; password?: FormState } = {}) => {
    const state = await auth.secondFactor.state(signedInActor(request));
    const failed = Object.keys(forms.code?.errors ?? {}).length + Object.keys(forms.password?.errors ?? {}).length > 0;
    return reply.render(<SecondFactorPage state={state} form={{ values: {}, errors: forms.code?.errors ?? {} }} passwordForm={{ values: {}, errors: forms.password?.errors ?? {} }} />, {
      title: request.t('auth.totp.title'),
      breadcrumbs: [{ label: request.t('auth.account.title'), href: '/konto' }, { label: request.t('auth.totp.title') }],
      status: failed ? 422 : 200,
      locales: UI_LOCALES,
    });
  };
  const codesPage = (request: FastifyRequest, reply: FastifyReply, codes: string[]) =>
    reply.render(<RecoveryCodesPage codes={codes} />, { title: request.t('auth.totp.codes_title'), locales: UI_LOCALES });

  app.get(SECOND_FACTOR_SETUP_PATH, { config: { access: 'signedIn' } }, async (request, reply) => secondFactorPage(request, reply));

  app.post(SECOND_FACTOR_SETUP_PATH, { config: { access: 'signedIn', ...AUTH_RATE_LIMIT }, schema: { body: formBody(CodeForm) } }, async (request, reply) =>
    formAction(reply, {
      body: request.body,
      schema: CodeForm,
      back: SECOND_FACTOR_SETUP_PATH,
      invalid: (form) => secondFactorPage(request, reply, { code: form }),
      run: async ({ code }) => codesPage(request, reply, await auth.secondFactor.confirm(signedInActor(request), code)),
    }),
  );

  app.post(`${SECOND_FACTOR_SETUP_PATH}/codes`, { config: { access: 'signedIn', ...AUTH_RATE_LIMIT }, schema: { body: formBody(CodeForm) } }, async (request, reply) =>
    formAction(reply, {
      body: request.body,
      schema: CodeForm,
      back: SECOND_FACTOR_SETUP_PATH,
      invalid: (form) => secondFactorPage(request, reply, { code: form }),
      run: async ({ code }) => codesPage(request, reply, await auth.secondFactor.renewRecoveryCodes(signedInActor(request), code)),
    }),
  );

  app.post(`${SECOND_FACTOR_SETUP_PATH}/aus`, { config: { access: 'signedIn', ...AUTH_RATE_LIMIT }, schema: { body: formBody(PasswordForm) } }, async (request, reply) =>
    formAction(reply, {
      body: request.body,
      schema: PasswordForm,
      back: SECOND_FACTOR_SETUP_PATH,
      invalid: (form) => secondFactorPage(request, reply, { password: form }),
      run: async ({ password }) => {
        await auth.secondFactor.disable(signedInActor(request), password);
        return { redirect: SECOND_FACTOR_SETUP_PATH, flash: { key: 'auth.totp.disabled' } };
      },
    }),
  );
};
