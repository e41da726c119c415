import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { VISITOR } from '../access/actor.ts';
import type { AuthService } from '../auth/service.ts';
import { createTranslator, isLocale, type Locale, negotiateLocale, PUBLIC_LOCALES, RTL_LOCALES, UI_LOCALES } from '../i18n/catalog.ts';
import { type NavEntry, type ViewContext, ViewContextProvider } from '../views/context.ts';
import { Layout } from '../views/layout.tsx';
import type { RenderOptions } from './types.ts';
import './types.ts';
import { h } from 'preact';

export const SESSION_COOKIE = 'vv_session';
export const LOCALE_COOKIE = 'vv_lang';
const FLASH_COOKIE = 'vv_flash';

export interface RequestContextOptions {
  auth: AuthService;
  nav: () => NavEntry[];
  /** The workspaces of staff (from the module manifests) are in German and English; every other page also in the residents' languages. */
  staffAreas: string[];
  demo: boolean;
  secureCookies: boolean;
}

function chooseLocale(request: FastifyRequest, accountLocale?: string): Locale {
  const fromCookie = request.cookies[LOCALE_COOKIE];
  if (isLocale(fromCookie)) return fromCookie;
  if (isLocale(accountLocale)) return accountLocale;
  return negotiateLocale(request.headers['accept-language'], PUBLIC_LOCALES);
}

/** Who is asking and in which language, and how a page is rendered for them. */
export const requestContext = fp<RequestContextOptions>(async (app: FastifyInstance, options) => {
  app.decorateRequest('actor', null as never);
  app.decorateRequest('locale', 'de' as Locale);
  app.decorateRequest('t', undefined as never);
  app.decorateRequest('sessionSecret', null);
  app.decorateRequest('secondFactor', false);
  app.decorateRequest('personal', false);

  app.addHook('onRequest', async (request) => {
    request.actor = VISITOR;
    const secret = request.cookies[SESSION_COOKIE];
    let accountLocale: string | undefined;
    if (secret && !request.url.startsWith('/static/')) {
      const found = await options.auth.actorForSession(secret);
      if (found) {
        request.actor = found.actor;
        request.sessionSecret = secret;
        request.secondFactor = found.secondFactor;
        accountLocale = found.locale;
      }
    }
    request.locale = chooseLocale(request, accountLocale);
    request.t = createTranslator(request.locale);
  });

  app.decorateReply('render', function render(this: FastifyReply, body: VNode, renderOptions: RenderOptions) {
    const request = this.request;
    const offered = renderOptions.locales ?? (options.staffAreas.some((prefix) => request.url.startsWith(prefix)) ? UI_LOCALES : PUBLIC_LOCALES);
    // A page that exists only in German and English falls back to English for the other languages.
    const locale: Locale = offered.includes(request.locale) ? request.locale : 'en';
    const t = locale === request.locale ? request.t : createTranslator(locale);
    let flash: ViewContext['flash'] = null;
    const rawFlash = request.cookies[FLASH_COOKIE];
    if (rawFlash) {
      const unsigned = this.unsignCookie(rawFlash);
      if (unsigned.valid && unsigned.value) {
        try {
          const parsed = JSON.parse(unsigned.value) as { kind: 'success'; key: string; params?: Record<string, string> };
          flash = { kind: parsed.kind, text: t(parsed.key, parsed.params) };
        } catch {
          flash = null;
        }
      }
      this.clearCookie(FLASH_COOKIE, { path: '/' });
    }
    const reply = this;
    let csrfToken: string | null = null;
    const ctx: ViewContext = {
      t,
      locale,
      dir: RTL_LOCALES.has(locale) ? 'rtl' : 'ltr',
      actor: request.actor,
      url: request.url,
      // Made only when a form on the page asks for it: a page without forms sets no CSRF cookie.
      get csrfToken() {
        // A page with a form is personal: its token belongs to this visitor's cookie (see page-cache.ts).
        request.personal = true;
        csrfToken ??= reply.generateCsrf();
        return csrfToken;
      },
      nav: options.nav(),
      demo: options.demo,
      locales: offered,
      flash,
    };
    const page = h(ViewContextProvider.Provider, { value: ctx }, h(Layout, { title: renderOptions.title, breadcrumbs: renderOptions.breadcrumbs, children: body }));
    this.status(renderOptions.status ?? this.statusCode ?? 200)
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .send(`<!DOCTYPE html>${renderToString(page)}`);
    return this;
  });

  app.decorateReply('flash', function flash(this: FastifyReply, kind: 'success' | 'info' | 'warning' | 'danger', key: string, params?: Record<string, string | number>) {
    this.setCookie(FLASH_COOKIE, JSON.stringify({ kind, key, params }), { path: '/', httpOnly: true, sameSite: 'lax', signed: true, secure: options.secureCookies, maxAge: 60 });
    return this;
  });
});
