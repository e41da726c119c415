import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Actor } from '../access/actor.ts';
import type { Locale, Translate } from '../i18n/catalog.ts';

export interface NavEntry {
  href: string;
  labelKey: string;
  /** Shown only when this returns true; public entries leave it out. */
  visible?: (actor: Actor) => boolean;
}

export interface ViewContext {
  t: Translate;
  locale: Locale;
  dir: 'ltr' | 'rtl';
  actor: Actor;
  /** Path and query of the current request, for the language switch and the login return. */
  url: string;
  csrfToken: string;
  nav: NavEntry[];
  demo: boolean;
  /** Languages this page is offered in. */
  locales: readonly Locale[];
  flash: { kind: 'success' | 'info' | 'warning' | 'danger'; text: string } | null;
}

export const ViewContextProvider = createContext<ViewContext | null>(null);

export function useView(): ViewContext {
  const ctx = useContext(ViewContextProvider);
  if (!ctx) throw new Error('useView() outside a rendered page');
  return ctx;
}
