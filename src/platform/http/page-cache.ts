import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';

export interface PageCacheOptions {
  /** How long a page may be served again without rendering it; 0 switches the cache off. */
  ttlSeconds: number;
  maxEntries: number;
  /** Bytes of page bodies held at most; the oldest pages make room. */
  maxBytes: number;
  /** Areas that are never cached (workspaces, account pages). */
  privatePrefixes: string[];
  /** How the instances of one installation tell each other that something changed (ADR 0019); none: this process alone. */
  peers?: CachePeers;
}

/** The other instances on the same database (see page-cache-peers.ts). */
export interface CachePeers {
  /** Starts hearing the others: `onChange` when one of them changed something, `onState(false)` while changes could be missed. */
  start(onChange: () => void, onState: (connected: boolean) => void): Promise<void>;
  /** Tells the others that this instance changed something. */
  announce(): void;
  stop(): Promise<void>;
}

interface Entry {
  /** Encoded once: turning a 100 kB page into bytes again for every visitor costs more than the rest of a hit. */
  body: Buffer;
  contentType: string;
  expires: number;
}

const KEY = Symbol('pageCacheKey');
const GENERATION = Symbol('pageCacheGeneration');
type Keyed = FastifyRequest & { [KEY]?: string; [GENERATION]?: number };

export interface PageCacheStats {
  entries: number;
  bytes: number;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** What the page cache holds now (for tests and diagnostics). */
    pageCacheStats(): PageCacheStats;
  }
}

/**
 * Whether every query parameter of the URL is one the route's querystring schema declares, each
 * once. Anything else could make a page of its own per random string, and a page may echo its URL,
 * so such a request is served fresh and never cached (not even under the key without the extras).
 */
function onlyKnownParameters(request: FastifyRequest): boolean {
  const mark = request.url.indexOf('?');
  if (mark === -1) return true;
  const schema = request.routeOptions.schema?.querystring as { properties?: Record<string, unknown> } | undefined;
  const known = schema?.properties ?? {};
  const seen = new Set<string>();
  for (const name of new URLSearchParams(request.url.slice(mark + 1)).keys()) {
    if (!Object.hasOwn(known, name) || seen.has(name)) return false;
    seen.add(name);
  }
  return true;
}

/**
 * A short-lived cache of public pages as a visitor without an account sees them: many people
 * reading the same page within seconds cost one rendering. It never holds a page for someone signed
 * in, a page that sets a cookie (a form's CSRF token is personal), or one with a flash message, and
 * any successful change through this instance empties it at once, and, through `peers`, the cache
 * of every other instance on the same database (ADR 0019).
 */
export const pageCache = fp<PageCacheOptions>(async (app: FastifyInstance, options) => {
  const entries = new Map<string, Entry>();
  let bytes = 0;
  app.decorate('pageCacheStats', () => ({ entries: entries.size, bytes }));
  if (options.ttlSeconds <= 0) return;

  function remove(key: string): void {
    const entry = entries.get(key);
    if (!entry) return;
    bytes -= entry.body.length + key.length;
    entries.delete(key);
  }

  function store(key: string, entry: Entry): void {
    const size = entry.body.length + key.length;
    if (size > options.maxBytes) return;
    remove(key);
    // Map order is insertion order: the first keys are the oldest pages.
    for (const oldest of entries.keys()) {
      if (entries.size < options.maxEntries && bytes + size <= options.maxBytes) break;
      remove(oldest);
    }
    entries.set(key, entry);
    bytes += size;
  }

  /** Counts every emptying: a page whose rendering began before a change must not be kept after it. */
  let generation = 0;
  function clear(): void {
    entries.clear();
    bytes = 0;
    generation++;
  }

  // Without a connection to the others a change elsewhere could go unheard: serve nothing from the
  // cache then, and forget everything when the connection is back.
  let inSync = !options.peers;
  const peers = options.peers;
  if (peers) {
    await peers.start(clear, (connected) => {
      clear();
      inSync = connected;
    });
    app.addHook('onClose', async () => peers.stop());
  }

  /**
   * Looked up as the request arrives, before sessions and routes do any work: a visitor is a request
   * without a session cookie, and the language is what the cookie or the browser asks for.
   */
  function keyOf(request: FastifyRequest): string | null {
    if (!inSync || request.method !== 'GET' || request.cookies.vv_session || request.cookies.vv_flash) return null;
    if (options.privatePrefixes.some((prefix) => request.url.startsWith(prefix))) return null;
    if (!onlyKnownParameters(request)) return null;
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
    if (entry) remove(key);
    (request as Keyed)[KEY] = key;
    (request as Keyed)[GENERATION] = generation;
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const key = (request as Keyed)[KEY];
    if (
      !key ||
      (request as Keyed)[GENERATION] !== generation ||
      !inSync ||
      request.personal ||
      request.actor?.kind !== 'visitor' ||
      reply.statusCode !== 200 ||
      typeof payload !== 'string' ||
      reply.hasHeader('set-cookie')
    )
      return payload;
    const contentType = String(reply.getHeader('content-type') ?? '');
    if (!contentType.startsWith('text/html')) return payload;
    store(key, { body: Buffer.from(payload), contentType, expires: Date.now() + options.ttlSeconds * 1000 });
    return payload;
  });

  app.addHook('onResponse', async (request, reply) => {
    if (request.method !== 'GET' && request.method !== 'HEAD' && reply.statusCode < 400) {
      clear();
      peers?.announce();
    }
  });
});
