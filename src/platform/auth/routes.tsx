import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsync } from 'fastify';
import type { AppServices } from '../module.ts';
import { AppError, ValidationError } from '../http/errors.ts';
import { FormEmail, FormText, formBodySchema, parseForm, typedValues } from '../http/forms.ts';
import { requireUser, safeReturnPath } from '../http/guards.ts';
import { LOCALE_COOKIE, SESSION_COOKIE } from '../http/request-context.ts';
import { isLocale } from '../i18n/catalog.ts';
import { EMPTY_FORM } from '../views/forms.tsx';
import { hashSecret } from './tokens.ts';
import { AccountPage, DeleteAccountPage, ForgotPasswordPage, LoginPage, MessagePage, RegisterPage, SetPasswordPage } from './views/pages.tsx';
import { SESSION_DAYS } from './service.ts';

const LoginForm = Type.Object({ email: FormText({ min: 1, max: 254 }), password: FormText({ min: 1, max: 200 }) });
const RegisterForm = Type.Object({
  displayName: FormText({ min: 1, max: 100 }),
  email: FormEmail(),
  password: FormText({ min: 1, max: 200 }),
  acceptPrivacy: Type.Optional(Type.Literal('on')),
});
const EmailForm = Type.Object({ email: FormEmail() });
const PasswordForm = Type.Object({ password: FormText({ min: 1, max: 200 }) });
const ChangePasswordForm = Type.Object({ currentPassword: FormText({ min: 1, max: 200 }), newPassword: FormText({ min: 1, max: 200 }) });
const TokenQuery = Type.Object({ token: Type.Optional(Type.String({ maxLength: 200 })) });
const ReturnQuery = Type.Object({ zurueck: Type.Optional(Type.String({ maxLength: 2000 })) });
const AUTH_RATE_LIMIT = { rateLimit: { max: 10, timeWindow: '1 minute' } };

export const authRoutes: FastifyPluginAsync<{ services: AppServices }> = async (app, { services }) => {
  const { auth, config } = services;
  const sessionCookie = { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: config.production, maxAge: SESSION_DAYS * 24 * 3600 };

  app.get('/anmelden', { schema: { querystring: ReturnQuery } }, async (request, reply) => {
    const { zurueck } = request.query as { zurueck?: string };
    return reply.render(<LoginPage form={EMPTY_FORM} returnTo={safeReturnPath(zurueck, '/konto')} failed={false} />, { title: request.t('auth.login.title') });
  });

  app.post('/anmelden', { schema: { querystring: ReturnQuery, body: formBodySchema(['email', 'password']) }, config: AUTH_RATE_LIMIT }, async (request, reply) => {
    const returnTo = safeReturnPath((request.query as { zurueck?: string }).zurueck, '/konto');
    const parsed = parseForm(LoginForm, request.body);
    const values = { email: typedValues(request.body).email };
    if (!parsed.ok) return reply.status(422).render(<LoginPage form={{ values, errors: parsed.errors }} returnTo={returnTo} failed={false} />, { title: request.t('auth.login.title') });
    const result = await auth.login(parsed.value.email, parsed.value.password, request.headers['user-agent']);
    if (!result) return reply.status(401).render(<LoginPage form={{ values, errors: {} }} returnTo={returnTo} failed />, { title: request.t('auth.login.title'), status: 401 });
    reply.setCookie(SESSION_COOKIE, result.sessionSecret, sessionCookie);
    if (isLocale(result.locale) && !request.cookies[LOCALE_COOKIE]) reply.setCookie(LOCALE_COOKIE, result.locale, { path: '/', sameSite: 'lax', maxAge: 365 * 24 * 3600 });
    return reply.flash('success', 'auth.login.success').redirect(returnTo, 303);
  });

  app.post('/abmelden', async (request, reply) => {
    if (request.sessionSecret) await auth.logout(request.sessionSecret);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.flash('success', 'auth.logout.success').redirect('/', 303);
  });

  app.get('/registrieren', async (request, reply) => reply.render(<RegisterPage form={EMPTY_FORM} />, { title: request.t('auth.register.title') }));

  app.post('/registrieren', { schema: { body: formBodySchema(['displayName', 'email', 'password', 'acceptPrivacy']) }, config: AUTH_RATE_LIMIT }, async (request, reply) => {
    const values = typedValues(request.body);
    delete values.password;
    const render = (errors: ValidationError['fields']) => reply.status(422).render(<RegisterPage form={{ values, errors }} />, { title: request.t('auth.register.title'), status: 422 });
    const parsed = parseForm(RegisterForm, request.body);
    if (!parsed.ok) return render(parsed.errors);
    try {
      await auth.register({
        email: parsed.value.email,
        password: parsed.value.password,
        displayName: parsed.value.displayName,
        acceptPrivacy: parsed.value.acceptPrivacy === 'on',
        locale: request.locale,
      });
    } catch (error) {
      if (error instanceof ValidationError) return render(error.fields);
      throw error;
    }
    return reply.render(<MessagePage titleKey="auth.register.done_title" textKey="auth.register.done_text" params={{ email: parsed.value.email }} />, { title: request.t('auth.register.done_title') });
  });

  app.get('/konto/bestaetigen', { schema: { querystring: TokenQuery } }, async (request, reply) => {
    const { token } = request.query as { token?: string };
    const ok = token ? await auth.verifyEmail(token) : false;
    return reply.render(<MessagePage titleKey={ok ? 'auth.verify.ok_title' : 'auth.verify.failed_title'} textKey={ok ? 'auth.verify.ok_text' : 'auth.verify.failed_text'} />, {
      title: request.t(ok ? 'auth.verify.ok_title' : 'auth.verify.failed_title'),
      status: ok ? 200 : 400,
    });
  });

  app.post('/konto/bestaetigung-senden', { config: AUTH_RATE_LIMIT }, async (request, reply) => {
    await auth.resendVerification(requireUser(request));
    return reply.flash('success', 'auth.account.resent').redirect('/konto', 303);
  });

  app.get('/passwort-vergessen', async (request, reply) => reply.render(<ForgotPasswordPage form={EMPTY_FORM} />, { title: request.t('auth.forgot.title') }));

  app.post('/passwort-vergessen', { schema: { body: formBodySchema(['email']) }, config: AUTH_RATE_LIMIT }, async (request, reply) => {
    const parsed = parseForm(EmailForm, request.body);
    if (!parsed.ok) return reply.status(422).render(<ForgotPasswordPage form={{ values: typedValues(request.body), errors: parsed.errors }} />, { title: request.t('auth.forgot.title'), status: 422 });
    await auth.requestPasswordReset(parsed.value.email);
    return reply.render(<MessagePage titleKey="auth.forgot.done_title" textKey="auth.forgot.done_text" />, { title: request.t('auth.forgot.done_title') });
  });

  for (const [path, purpose, titleKey] of [
    ['/passwort-neu', 'reset_password', 'auth.reset.title'],
    ['/einladung', 'invite', 'auth.invite.title'],
  ] as const) {
    app.get(path, { schema: { querystring: TokenQuery } }, async (request, reply) => {
      const { token } = request.query as { token?: string };
      if (!token || !(await auth.isTokenUsable(token, purpose))) {
        return reply.render(<MessagePage titleKey="auth.reset.invalid_title" textKey="auth.reset.invalid_text" />, { title: request.t('auth.reset.invalid_title'), status: 400 });
      }
      return reply.render(<SetPasswordPage form={EMPTY_FORM} action={`${path}?token=${encodeURIComponent(token)}`} titleKey={titleKey} />, { title: request.t(titleKey) });
    });

    app.post(path, { schema: { querystring: TokenQuery, body: formBodySchema(['password']) }, config: AUTH_RATE_LIMIT }, async (request, reply) => {
      const { token } = request.query as { token?: string };
      const action = `${path}?token=${encodeURIComponent(token ?? '')}`;
      const renderForm = (errors: ValidationError['fields']) =>
        reply.status(422).render(<SetPasswordPage form={{ values: {}, errors }} action={action} titleKey={titleKey} />, { title: request.t(titleKey), status: 422 });
      const parsed = parseForm(PasswordForm, request.body);
      if (!parsed.ok) return renderForm(parsed.errors);
      let ok = false;
      try {
        ok = token ? await auth.setPasswordWithToken(token, purpose, parsed.value.password) : false;
      } catch (error) {
        if (error instanceof ValidationError) return renderForm(error.fields);
        throw error;
      }
      if (!ok) return reply.render(<MessagePage titleKey="auth.reset.invalid_title" textKey="auth.reset.invalid_text" />, { title: request.t('auth.reset.invalid_title'), status: 400 });
      return reply.flash('success', 'auth.reset.done').redirect('/anmelden', 303);
    });
  }

  const renderAccount = async (request: Parameters<typeof requireUser>[0], reply: import('fastify').FastifyReply, passwordErrors: ValidationError['fields'] = {}) => {
    const actor = requireUser(request);
    const [sessions, sections] = await Promise.all([auth.listSessions(actor), Promise.all(services.modules().flatMap((m) => (m.accountSection ? [m.accountSection(services, actor)] : [])))]);
    return reply.render(
      <AccountPage
        sections={sections}
        sessions={sessions}
        currentHash={hashSecret(request.sessionSecret ?? '')}
        passwordForm={{ values: {}, errors: passwordErrors }}
        emailVerified={actor.emailVerified}
        email={actor.email}
      />,
      { title: request.t('auth.account.title'), breadcrumbs: [{ label: request.t('auth.account.title') }], status: Object.keys(passwordErrors).length ? 422 : 200 },
    );
  };

  app.get('/konto', async (request, reply) => renderAccount(request, reply));

  app.post('/konto/passwort', { schema: { body: formBodySchema(['currentPassword', 'newPassword']) } }, async (request, reply) => {
    const actor = requireUser(request);
    const parsed = parseForm(ChangePasswordForm, request.body);
    if (!parsed.ok) return renderAccount(request, reply, parsed.errors);
    try {
      await auth.changePassword(actor, request.sessionSecret ?? '', parsed.value.currentPassword, parsed.value.newPassword);
    } catch (error) {
      if (error instanceof ValidationError) return renderAccount(request, reply, error.fields);
      throw error;
    }
    return reply.flash('success', 'auth.account.password_changed').redirect('/konto', 303);
  });

  app.post('/konto/sitzungen/:id/beenden', { schema: { params: Type.Object({ id: Type.String({ pattern: '^[0-9a-f]{64}$' }) }) } }, async (request, reply) => {
    const actor = requireUser(request);
    await auth.revokeSession(actor, (request.params as { id: string }).id);
    return reply.flash('success', 'auth.account.session_revoked').redirect('/konto', 303);
  });

  app.get('/konto/export', async (request, reply) => {
    const actor = requireUser(request);
    const data = await auth.exportData(actor);
    return reply
      .header('content-disposition', 'attachment; filename="meine-daten.json"')
      .header('cache-control', 'no-store')
      .type('application/json; charset=utf-8')
      .send(JSON.stringify(data, null, 2));
  });

  app.get('/konto/loeschen', async (request, reply) => {
    requireUser(request);
    return reply.render(<DeleteAccountPage form={EMPTY_FORM} />, { title: request.t('auth.delete.title') });
  });

  app.post('/konto/loeschen', { schema: { body: formBodySchema(['password']) } }, async (request, reply) => {
    const actor = requireUser(request);
    const parsed = parseForm(PasswordForm, request.body);
    const renderForm = (errors: ValidationError['fields']) => reply.status(422).render(<DeleteAccountPage form={{ values: {}, errors }} />, { title: request.t('auth.delete.title'), status: 422 });
    if (!parsed.ok) return renderForm(parsed.errors);
    try {
      await auth.deleteAccount(actor, parsed.value.password);
    } catch (error) {
      if (error instanceof ValidationError) return renderForm(error.fields);
      throw error;
    }
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.flash('success', 'auth.delete.done').redirect('/', 303);
  });

  app.get('/sprache', { schema: { querystring: Type.Object({ lang: Type.String({ maxLength: 20 }), zurueck: Type.Optional(Type.String({ maxLength: 2000 })) }) } }, async (request, reply) => {
    const { lang, zurueck } = request.query as { lang: string; zurueck?: string };
    if (!isLocale(lang)) throw new AppError('bad_request', 400, 'errors.bad_request.text');
    reply.setCookie(LOCALE_COOKIE, lang, { path: '/', sameSite: 'lax', maxAge: 365 * 24 * 3600, secure: config.production });
    if (request.actor.kind === 'user') await auth.setLocale(request.actor, lang);
    return reply.redirect(safeReturnPath(zurueck, '/'), 303);
  });
};
