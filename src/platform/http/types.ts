import type { VNode } from 'preact';
import type { Actor } from '../access/actor.ts';
import type { Locale, Translate } from '../i18n/catalog.ts';
import type { Crumb } from '../views/layout.tsx';

export interface RenderOptions {
  title: string;
  breadcrumbs?: Crumb[];
  status?: number;
  /** Languages this page exists in; the public pages offer more than de and en. */
  locales?: readonly Locale[];
}

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor;
    locale: Locale;
    t: Translate;
    sessionSecret: string | null;
    /** The signed-in account has a second factor switched on. */
    secondFactor: boolean;
    /** Set when the page carries something of this visitor's own (a CSRF token): it must not be shared. */
    personal: boolean;
  }
  interface FastifyReply {
    render(body: VNode, options: RenderOptions): FastifyReply;
    flash(kind: 'success' | 'info' | 'warning' | 'danger', key: string, params?: Record<string, string | number>): FastifyReply;
  }
}
