import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../http/errors.ts';
import { formAction } from '../http/form-action.ts';
import { FormEmail, FormText, formBody } from '../http/forms.ts';
import { safeReturnPath } from '../http/guards.ts';
import { LOCALE_COOKIE, SESSION_COOKIE } from '../http/request-context.ts';
import { isLocale, UI_LOCALES } from '../i18n/catalog.ts';
import type { ModulePlugin } from '../module.ts';
import { EMPTY_FORM, type FormState } from '../views/forms.tsx';
import { accountRoutes } from './account-routes.tsx';
import { SESSION_DAYS } from './service.ts';
import { ConfirmEmailPage, ForgotPasswordPage, LoginPage, MessagePage, RegisterPage, SetPasswordPage } from './views/pages.tsx';
import { SecondFactorLoginPage } from './views/second-factor-pages.tsx';

const LoginForm = Type.Object({ email: FormText({ min: 1, max: 254 }), password: FormText({ min: 1, max: 200 }) });
const RegisterForm = Type.Object({
  displayName: FormText({ min: 1, max: 100 }),
  email: FormEmail(),
  password: FormText({ min: 1, max: 200 }),
  acceptPrivacy: Type.Optional(Type.Literal('on')),
});
const EmailForm = Type.Object({ email: FormEmail() });
const PasswordForm = Type.Object({ password: FormText({ min: 1, max: 200 }) });
const CodeForm = Type.Object({ code: FormText({ min: 1, max: 40 }) });
const TokenForm = Type.Object({ token: FormText({ min: 1, max: 200 }) });
const TokenQuery = Type.Object({ token: Type.Optional(Type.String({ maxLength: 200 })) });
const ReturnQuery = Type.Object({ zurueck: Type.Optional(Type.String({ maxLength: 2000 })) });
const LanguageQuery = Type.Object({ lang: Type.String({ maxLength: 20 }), zurueck: Type.Optional(Type.String({ maxLength: 2000 })) });
const AUTH_RATE_LIMIT = { rateLimit: { max: 10, timeWindow: '1 minute' } };

/** Signing in (password, then the second factor if set up), registration, password links and the language switch. */
export const authRoutes: ModulePlugin = async (app, { services }) => {
  const { auth, config } = services;
  const sessionCookie = { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: config.production, maxAge: SESSION_DAYS * 24 * 3600 };

  const signIn = (request: FastifyRequest, reply: FastifyReply, session: { sessionSecret: string; locale: string }) => {
    reply.setCookie(SESSION_COOKIE, session.sessionSecret, sessionCookie);
    if (isLocale(session.locale) && !request.cookies[LOCALE_COOKIE]) reply.setCookie(LOCALE_COOKIE, session.locale, { path: '/', sameSite: 'lax', maxAge: 365 * 24 * 3600 });
  };
  const verifyResult = (request: FastifyRequest, reply: FastifyReply, ok: boolean) =>
    reply.render(<MessagePage titleKey={ok ? 'auth.verify.ok_title' : 'auth.verify.failed_title'} textKey={ok ? 'auth.verify.ok_text' : 'auth.verify.failed_text'} />, {
      title: request.t(ok ? 'auth.verify.ok_title' : 'auth.verify.failed_title'),
      status: ok ? 200 : 400,
    });
  const invalidLink = (request: FastifyRequest, reply: FastifyReply) =>
    reply.render(<MessagePage titleKey="auth.reset.invalid_title" textKey="auth.reset.invalid_text" />, { title: request.t('auth.reset.invalid_title'), status: 400 });

  app.get('/anmelden', { config: { access: 'public' }, schema: { querystring: ReturnQuery } }, async (request, reply) => {
    return reply.render(<LoginPage form={EMPTY_FORM} returnTo={safeReturnPath(request.query.zurueck, '/konto')} failed={false} />, { title: request.t('auth.login.title') });
  });

  app.post('/anmelden', { config: { access: 'public', ...AUTH_RATE_LIMIT }, schema: { querystring: ReturnQuery, body: formBody(LoginForm) } }, async (request, reply) => {
    const returnTo = safeReturnPath(request.query.zurueck, '/konto');
    const loginPage = (form: FormState, status: number) =>
      reply.render(<LoginPage form={{ values: { email: form.values.email }, errors: form.errors }} returnTo={returnTo} failed={status === 401} />, { title: request.t('auth.login.title'), status });
    return formAction(reply, {
      body: request.body,
      schema: LoginForm,
      invalid: (form) => loginPage(form, 422),
      run: async ({ email, password }) => {
        const result = await auth.login(email, password, request.headers['user-agent']);
        if (result.kind === 'failed') return loginPage({ values: { email: request.body.email }, errors: {} }, 401);
        if (result.kind === 'second_factor') {
          // The cookie names a session that signs nobody in until the code is right.
          reply.setCookie(SESSION_COOKIE, result.pendingSecret, { ...sessionCookie, maxAge: 15 * 60 });
          return { redirect: `/anmelden/code?zurueck=${encodeURIComponent(returnTo)}` };
        }
        signIn(request, reply, result);
        return { redirect: returnTo, flash: { key: 'auth.login.success' } };
      },
    });
  });

  app.get('/anmelden/code', { config: { access: 'public' }, schema: { querystring: ReturnQuery } }, async (request, reply) => {
    const pending = request.cookies[SESSION_COOKIE];
    const returnTo = safeReturnPath(request.query.zurueck, '/konto');
    if (!pending || !(await auth.hasPendingSecondFactor(pending))) return reply.redirect(`/anmelden?zurueck=${encodeURIComponent(returnTo)}`, 303);
    return reply.render(<SecondFactorLoginPage form={EMPTY_FORM} action={`/anmelden/code?zurueck=${encodeURIComponent(returnTo)}`} />, {
      title: request.t('auth.totp.login_title'),
      locales: UI_LOCALES,
    });
  });

  app.post('/anmelden/code', { config: { access: 'public', ...AUTH_RATE_LIMIT }, schema: { querystring: ReturnQuery, body: formBody(CodeForm) } }, async (request, reply) => {
    const returnTo = safeReturnPath(request.query.zurueck, '/konto');
    const codePage = (form: FormState, status: number) =>
      reply.render(<SecondFactorLoginPage form={{ values: {}, errors: form.errors }} action={`/anmelden/code?zurueck=${encodeURIComponent(returnTo)}`} />, {
        title: request.t('auth.totp.login_title'),
        status,
        locales: UI_LOCALES,
      });
    return formAction(reply, {
      body: request.body,
      schema: CodeForm,
      invalid: (form) => codePage(form, 422),
      run: async ({ code }) => {
        const result = await auth.completeSecondFactor(request.cookies[SESSION_COOKIE] ?? '', code);
        if (result.kind === 'expired') return { redirect: `/anmelden?zurueck=${encodeURIComponent(returnTo)}`, flash: { key: 'auth.totp.login_expired', kind: 'danger' } };
        if (result.kind !== 'signed_in') return codePage({ values: {}, errors: { code: { key: 'auth.totp.code_wrong' } } }, 401);
        signIn(request, reply, result);
        return { redirect: returnTo, flash: { key: 'auth.login.success' } };
      },
    });
  });

  app.post('/abmelden', { config: { access: 'public' } }, async (request, reply) => {
    if (request.sessionSecret) await auth.logout(request.sessionSecret);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.flash('success', 'auth.logout.success').redirect('/', 303);
  });

  app.get('/registrieren', { config: { access: 'public' } }, async (request, reply) => reply.render(<RegisterPage form={EMPTY_FORM} />, { title: request.t('auth.register.title') }));

  app.post('/registrieren', { config: { access: 'public', ...AUTH_RATE_LIMIT }, schema: { body: formBody(RegisterForm) } }, async (request, reply) =>
    formAction(reply, {
      body: request.body,
      schema: RegisterForm,
      invalid: ({ values, errors }) => reply.render(<RegisterPage form={{ values: { ...values, password: undefined }, errors }} />, { title: request.t('auth.register.title'), status: 422 }),
      run: async (form) => {
        await auth.register({ email: form.email, password: form.password, displayName: form.displayName, acceptPrivacy: form.acceptPrivacy === 'on', locale: request.locale });
        return reply.render(<MessagePage titleKey="auth.register.done_title" textKey="auth.register.done_text" params={{ email: form.email }} />, { title: request.t('auth.register.done_title') });
      },
    }),
  );

  app.get('/konto/bestaetigen', { config: { access: 'public' }, schema: { querystring: TokenQuery } }, async (request, reply) => {
    const { token } = request.query;
    if (!token || !(await auth.isTokenUsable(token, 'verify_email'))) return verifyResult(request, reply, false);
    return reply.render(<ConfirmEmailPage token={token} />, { title: request.t('auth.verify.confirm_title') });
  });

  app.post('/konto/bestaetigen', { config: { access: 'public', ...AUTH_RATE_LIMIT }, schema: { body: formBody(TokenForm) } }, async (request, reply) => {
    const token = request.body.token;
    return verifyResult(request, reply, token ? await auth.verifyEmail(token) : false);
  });

  app.get('/passwort-vergessen', { config: { access: 'public' } }, async (request, reply) => reply.render(<ForgotPasswordPage form={EMPTY_FORM} />, { title: request.t('auth.forgot.title') }));

  app.post('/passwort-vergessen', { config: { access: 'public', ...AUTH_RATE_LIMIT }, schema: { body: formBody(EmailForm) } }, async (request, reply) =>
    formAction(reply, {
      body: request.body,
      schema: EmailForm,
      invalid: (form) => reply.render(<ForgotPasswordPage form={form} />, { title: request.t('auth.forgot.title'), status: 422 }),
      run: async ({ email }) => {
        await auth.requestPasswordReset(email);
        return reply.render(<MessagePage titleKey="auth.forgot.done_title" textKey="auth.forgot.done_text" />, { title: request.t('auth.forgot.done_title') });
      },
    }),
  );

  for (const [path, purpose, titleKey] of [
    ['/passwort-neu', 'reset_password', 'auth.reset.title'],
    ['/einladung', 'invite', 'auth.invite.title'],
  ] as const) {
    // The mailed link opens the page; its form posts the token in the body, so the address it posts to carries no secret.
    app.get(path, { config: { access: 'public' }, schema: { querystring: TokenQuery } }, async (request, reply) => {
      const { token } = request.query;
      if (!token || !(await auth.isTokenUsable(token, purpose))) return invalidLink(request, reply);
      return reply.render(<SetPasswordPage form={EMPTY_FORM} action={path} token={token} titleKey={titleKey} />, { title: request.t(titleKey) });
    });

    app.post(path, { config: { access: 'public', ...AUTH_RATE_LIMIT }, schema: { body: formBody(PasswordForm, ['token']) } }, async (request, reply) => {
      const token = request.body.token ?? '';
      return formAction(reply, {
        body: request.body,
        schema: PasswordForm,
        invalid: ({ errors }) => reply.render(<SetPasswordPage form={{ values: {}, errors }} action={path} token={token} titleKey={titleKey} />, { title: request.t(titleKey), status: 422 }),
        run: async ({ password }) => ((await auth.setPasswordWithToken(token, purpose, password)) ? { redirect: '/anmelden', flash: { key: 'auth.reset.done' } } : invalidLink(request, reply)),
      });
    });
  }

  app.get('/sprache', { config: { access: 'public' }, schema: { querystring: LanguageQuery } }, async (request, reply) => {
    const { lang, zurueck } = request.query;
    if (!isLocale(lang)) throw new AppError('bad_request', 400, 'errors.bad_request.text');
    reply.setCookie(LOCALE_COOKIE, lang, { path: '/', sameSite: 'lax', maxAge: 365 * 24 * 3600, secure: config.production });
    if (request.actor.kind === 'user') await auth.setLocale(request.actor, lang);
    return reply.redirect(safeReturnPath(zurueck, '/'), 303);
  });

  await app.register(accountRoutes, { services });
};
