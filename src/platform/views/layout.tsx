import type { ComponentChildren } from 'preact';
import { type NavEntry, useView } from './context.ts';

export interface Crumb {
  href?: string;
  label: string;
}

const LOCALE_NAMES: Record<string, string> = {
  de: 'Deutsch',
  en: 'English',
  tr: 'Türkçe',
  ar: 'العربية',
  uk: 'Українська',
  ru: 'Русский',
  fa: 'فارسی',
  'de-x-leicht': 'Leichte Sprache',
};

function LanguageSwitch() {
  const { t, locale, locales, url } = useView();
  return (
    <nav class="vv-languages" aria-label={t('layout.language.label')}>
      <ul class="kern-list kern-list--horizontal">
        {locales.map((code) => (
          <li key={code}>
            {code === locale ? (
              <span aria-current="true" lang={code} class="vv-languages__current">
                {LOCALE_NAMES[code]}
              </span>
            ) : (
              <a class="kern-link" href={`/sprache?lang=${encodeURIComponent(code)}&zurueck=${encodeURIComponent(url)}`} lang={code} hreflang={code}>
                {LOCALE_NAMES[code]}
              </a>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}

function AccountArea() {
  const view = useView();
  const { t, actor, url } = view;
  if (actor.kind !== 'user') {
    return (
      <ul class="kern-list kern-list--horizontal vv-account">
        <li>
          <a class="kern-link" href={`/anmelden?zurueck=${encodeURIComponent(url)}`}>
            {t('layout.account.login')}
          </a>
        </li>
        <li>
          <a class="kern-link" href="/registrieren">
            {t('layout.account.register')}
          </a>
        </li>
      </ul>
    );
  }
  return (
    <ul class="kern-list kern-list--horizontal vv-account">
      <li>
        <a class="kern-link" href="/konto">
          {t('layout.account.my_account', { name: actor.displayName })}
        </a>
      </li>
      <li>
        <form method="post" action="/abmelden" class="vv-inline-form">
          {/* Read only here: asking for the token sets the CSRF cookie, and a visitor's page has no form. */}
          <input type="hidden" name="_csrf" value={view.csrfToken} />
          <button type="submit" class="kern-btn kern-btn--tertiary kern-btn--x-small">
            <span class="kern-label">{t('layout.account.logout')}</span>
          </button>
        </form>
      </li>
    </ul>
  );
}

function MainNavigation({ entries }: { entries: NavEntry[] }) {
  const { t, actor, url } = useView();
  const path = url.split('?')[0] ?? '/';
  const visible = entries.filter((e) => !e.visible || e.visible(actor));
  return (
    <nav class="vv-mainnav" aria-label={t('layout.nav.label')}>
      <ul>
        {visible.map((entry) => {
          const current = entry.href === '/' ? path === '/' : path === entry.href || path.startsWith(`${entry.href}/`);
          return (
            <li key={entry.href}>
              <a href={entry.href} aria-current={current ? 'page' : undefined}>
                {t(entry.labelKey)}
              </a>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

function Breadcrumbs({ items }: { items: Crumb[] }) {
  const { t } = useView();
  if (items.length === 0) return null;
  return (
    <nav class="vv-breadcrumbs" aria-label={t('layout.breadcrumbs.label')}>
      <ol>
        <li>
          <a class="kern-link" href="/">
            {t('layout.breadcrumbs.home')}
          </a>
        </li>
        {items.map((item, i) => (
          <li key={`${i}-${item.label}`}>
            {item.href && i < items.length - 1 ? (
              <a class="kern-link" href={item.href}>
                {item.label}
              </a>
            ) : (
              <span aria-current="page">{item.label}</span>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}

export function Layout({ title, breadcrumbs = [], children }: { title: string; breadcrumbs?: Crumb[]; children: ComponentChildren }) {
  const ctx = useView();
  const { t, locale, dir, demo, flash } = ctx;
  return (
    <html lang={locale === 'de-x-leicht' ? 'de' : locale} dir={dir}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} – ${t('layout.site_name')}`}</title>
        <link rel="stylesheet" href="/static/kern/kern.min.css" />
        <link rel="stylesheet" href="/static/kern/fonts/fira-sans.css" />
        <link rel="stylesheet" href="/static/app.css" />
        <link rel="icon" href="/static/favicon.svg" type="image/svg+xml" />
      </head>
      <body>
        <a class="vv-skip-link" href="#main">
          {t('layout.skip_link')}
        </a>
        <div class="kern-kopfzeile">
          <div class="kern-container">
            <div class="kern-kopfzeile__content">
              <span class="kern-kopfzeile__label">{t('layout.kopfzeile')}</span>
            </div>
          </div>
        </div>
        {demo ? (
          <div class="vv-demo-banner" role="note">
            <div class="kern-container">
              <strong>{t('layout.demo.title')}</strong> {t('layout.demo.text')}
            </div>
          </div>
        ) : null}
        <header class="vv-header">
          <div class="kern-container vv-header__inner">
            <a class="vv-brand" href="/">
              <span class="vv-brand__name">{t('layout.site_name')}</span>
              <span class="vv-brand__claim">{t('layout.site_claim')}</span>
            </a>
            <div class="vv-header__tools vv-wide">
              <LanguageSwitch />
              <AccountArea />
            </div>
          </div>
          <div class="kern-container vv-wide">
            <MainNavigation entries={ctx.nav} />
          </div>
          {/* On a phone the same links sit behind two disclosures (no JavaScript), so the page's own content shows on the first screen. */}
          <div class="kern-container vv-compact vv-header__compact">
            <details class="vv-disclosure">
              <summary>{t('layout.menu.summary')}</summary>
              <div class="vv-disclosure__body">
                <MainNavigation entries={ctx.nav} />
                <AccountArea />
              </div>
            </details>
            <details class="vv-disclosure">
              <summary>
                {t('layout.language.summary')}
                {locale === 'en' ? null : <span lang="en"> / Language</span>}
              </summary>
              <div class="vv-disclosure__body">
                <LanguageSwitch />
              </div>
            </details>
          </div>
        </header>
        <div class="kern-container">
          <Breadcrumbs items={breadcrumbs} />
        </div>
        <main id="main" class="kern-container vv-main" tabIndex={-1}>
          {flash ? (
            <div class={`kern-alert kern-alert--${flash.kind}`} role="status">
              <div class="kern-alert__header">
                <span class="kern-title">{flash.text}</span>
              </div>
            </div>
          ) : null}
          {children}
        </main>
        <footer class="vv-footer">
          <div class="kern-container">
            <nav aria-label={t('layout.footer.label')}>
              <ul class="kern-list kern-list--horizontal">
                <li>
                  <a class="kern-link" href="/impressum">
                    {t('layout.footer.imprint')}
                  </a>
                </li>
                <li>
                  <a class="kern-link" href="/datenschutz">
                    {t('layout.footer.privacy')}
                  </a>
                </li>
                <li>
                  <a class="kern-link" href="/barrierefreiheit">
                    {t('layout.footer.accessibility')}
                  </a>
                </li>
                <li>
                  <a class="kern-link" href="/quellen">
                    {t('layout.footer.sources')}
                  </a>
                </li>
                <li>
                  <a class="kern-link" href="/opendata">
                    {t('layout.footer.api')}
                  </a>
                </li>
              </ul>
            </nav>
            <p class="kern-body kern-body--small">{t('layout.footer.funding')}</p>
          </div>
        </footer>
      </body>
    </html>
  );
}
