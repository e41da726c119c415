import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';

export interface PageCacheOptions {
  /** How long a page may be served again without rendering it; 0 switches the cache off. */
  ttlSeconds: number;
  maxEntries: number;
  /** Areas that are never cached (workspaces, account pages). */
  privatePrefixes: string[];
}

interface Entry {
  /** Encoded once: turning a 100 kB page into bytes again for every visitor costs more than the rest of a hit. */
  body: Buffer;
  contentType: string;
  expires: number;
}

const KEY = Symbol('pageCacheKey');
type Keyed = FastifyRequest & { [KEY]?: string };

/**
 * A short-lived cache of public pages as a visitor without an account sees them: many people
 * reading the same page within seconds cost one rendering. It never holds a page for someone signed
 * in, a page that sets a cookie (a form's CSRF token is personal), or one with a flash message, and
 * any successful change through this instance empties it at once. Another instance's change shows
 * after at most `ttlSeconds`.
 */
export const pageCache = fp<PageCacheOptions>(async (app: FastifyInstance, options) => {
  if (options.ttlSeconds <= 0) return;
  const entries = new Map<string, Entry>();

  /**
   * Looked up as the request arrives, before sessions and routes do any work: a visitor is a request
   * without a session cookie, and the language is what the cookie or the browser asks for.
   */
  function keyOf(request: FastifyRequest): string | null {
    if (request.method !== 'GET' || request.cookies.vv_session || request.cookies.vv_flash) return null;
    if (options.privatePrefixes.some((prefix) => request.url.startsWith(prefix))) return null;
    return `${request.cookies.vv_lang ?? ''}\u0000${request.headers['accept-language'] ?? ''}\u0000${request.url}`;
  }

  app.addHook('onRequest', async (request, reply) => {
    const key = keyOf(request);
    if (!key) return;
    const entry = entries.get(key);
    if (entry && entry.expires > Date.now()) {
      reply.type(entry.contentType).header('cache-control', 'no-store').header('x-page-cache', 'hit');
      return reply.send(entry.body);
    }
    (request as Keyed)[KEY] = key;
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const key = (request as Keyed)[KEY];
    if (!key || request.personal || request.actor?.kind !== 'visitor' || reply.statusCode !== 200 || typeof payload !== 'string' || reply.hasHeader('set-cookie')) return payload;
    const contentType = String(reply.getHeader('content-type') ?? '');
    if (!contentType.startsWith('text/html')) return payload;
    if (entries.size >= options.maxEntries) entries.delete(entries.keys().next().value as string);
    entries.set(key, { body: Buffer.from(payload), contentType, expires: Date.now() + options.ttlSeconds * 1000 });
    return payload;
  });

  app.addHook('onResponse', async (request, reply) => {
    if (request.method !== 'GET' && request.method !== 'HEAD' && reply.statusCode < 400) entries.clear();
  });
});
