import { join } from 'node:path';
import zlib from 'node:zlib';
import compress from '@fastify/compress';
import { pageCache } from './platform/http/page-cache.ts';
import { databaseCachePeers } from './platform/http/page-cache-peers.ts';
import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import formbody from '@fastify/formbody';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Config } from './config.ts';
import { modules } from './modules/index.ts';
import { officeSecondFactorGate } from './platform/auth/second-factor-gate.ts';
import { createAuthService } from './platform/auth/service.ts';
import type { DatabaseHandle } from './platform/db/connect.ts';
import { FileStore } from './platform/files/store.ts';
import { type Access, enforceDeclaredAccess, type ScopeResolvers } from './platform/http/access.ts';
import { installErrorHandling } from './platform/http/error-handler.tsx';
import { lazySchemaCompilers } from './platform/http/lazy-schema-compilers.ts';
import { loggerOptions } from './platform/http/log-redaction.ts';
import { refuseNulCharacters } from './platform/http/nul-guard.ts';
import { databaseRateLimitStore } from './platform/http/rate-limit-store.ts';
import { requestContext } from './platform/http/request-context.ts';
import { JobQueue } from './platform/jobs/queue.ts';
import { createTransport, deliverPendingMail, purgeSentMail } from './platform/mail/delivery.ts';
import type { AppModule, AppServices } from './platform/module.ts';
import { mailAndAuditPersonalData } from './platform/privacy/mail-and-audit.ts';
import { PROJECT_ROOT } from './platform/paths.ts';
import { applyRetention as applyRetentionRules, RETENTION_JOB } from './platform/retention/retention.ts';
import { platformModules } from './platform/routes.ts';

const ROOT = PROJECT_ROOT;
export const MAIL_JOB = 'mail-outbox';
export const MAIL_RETENTION_JOB = 'mail-retention';

export interface BuildOptions {
  config: Config;
  handle: DatabaseHandle;
  /** Tests leave jobs off and drive them by hand; the start (main.ts) starts them itself once it listens. */
  startJobs?: boolean;
  /** The modules to build from; default all of them (a test adds one to check the route contract). */
  modules?: AppModule[];
  logger?: boolean | object;
}

export interface App {
  fastify: FastifyInstance;
  services: AppServices;
  modules: AppModule[];
  /** Every route the modules registered (method, URL pattern, declared access, body fields and the module it belongs to), e.g. for the authorization matrix test. */
  routes: Array<{ method: string; url: string; access: Access; bodyFields: string[]; module: string }>;
  /** Sends every queued mail now (tests and the outbox job use this). */
  deliverMail(): Promise<number>;
  /** Applies every module's retention periods at `now` (the daily job uses this); returns what each rule touched. */
  applyRetention(now?: Date): Promise<Record<string, number>>;
  /** Deletes sent mail older than MAIL_RETENTION_DAYS (the daily job uses this); returns how many. */
  purgeMail(now?: Date): Promise<number>;
  /** Starts the job queue and every job, for an app built with `startJobs: false`. */
  startJobs(): Promise<void>;
  close(): Promise<void>;
}

export function allModules(): AppModule[] {
  return [...platformModules, ...modules];
}

/** An action means one thing in the log: two modules declaring the same one stop the start. */
function refuseSharedAuditActions(registered: AppModule[]): void {
  const owner = new Map<string, string>();
  for (const module of registered) {
    for (const action of module.auditActions ?? []) {
      const other = owner.get(action);
      if (other) throw new Error(`audit action "${action}" is declared by both ${other} and ${module.name}`);
      owner.set(action, module.name);
    }
  }
}

/** The first `hops` proxies in front of the app name the client; an address further out is the client's own say. */
function hopsTrusted(hops: number) {
  return (_address: string, hop: number) => hop < hops;
}

export async function buildApp(options: BuildOptions): Promise<App> {
  const { config, handle } = options;
  const db = handle.db;
  const fastify = Fastify({
    logger: loggerOptions(options.logger),
    // Off unless configured: with every sender trusted, X-Forwarded-For would choose the address rate limits count.
    trustProxy: typeof config.trustProxy === 'number' ? hopsTrusted(config.trustProxy) : config.trustProxy,
    bodyLimit: 1024 * 1024,
    genReqId: () => crypto.randomUUID(),
    routerOptions: { ignoreTrailingSlash: true },
    // A request that reaches a stopping instance on a kept-alive connection is still answered
    // (with Connection: close) instead of 503: behind the proxy a 503 to a form post is not retried,
    // so a rolling restart would fail it.
    return503OnClosing: false,
    schemaController: { compilersFactory: lazySchemaCompilers() as never },
  });
  const registered = options.modules ?? allModules();
  refuseSharedAuditActions(registered);
  const jobs = new JobQueue(handle, (error) => fastify.log.error({ err: error }, 'job queue error'));
  const transport = createTransport({ smtpUrl: config.smtpUrl, dataDir: config.dataDir, from: config.mailFrom });
  const mailConfig = { smtpUrl: config.smtpUrl, dataDir: config.dataDir, from: config.mailFrom };
  const mailQueued = () => {
    jobs.trigger(MAIL_JOB).catch((error) => fastify.log.error({ err: error }, 'could not trigger mail delivery'));
  };
  const mailAndAudit = mailAndAuditPersonalData(config.dataDir);
  const auth = createAuthService(db, {
    baseUrl: config.baseUrl,
    demoData: config.demoData,
    mailQueued,
    // The platform's mail and audit traces go last, once every module has seen the account as it was.
    personalData: () => [...registered.flatMap((m) => (m.personalData ? [m.personalData] : [])), mailAndAudit],
    staffSessionIdleMinutes: config.staffSessionIdleMinutes,
    staffSessionMaxHours: config.staffSessionMaxHours,
  });
  const services: AppServices = { config, db, handle, jobs, auth, files: new FileStore(join(config.dataDir, 'files')), mailQueued, modules: () => registered };

  await fastify.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        upgradeInsecureRequests: config.production ? [] : null,
      },
    },
    strictTransportSecurity: config.production,
  });
  await fastify.register(cookie, { secret: config.sessionSecret });
  // After the cookie plugin (its onSend writes Set-Cookie, which marks a page as personal) and before
  // compression, so that it keeps the page as text and compression still runs per client.
  await fastify.register(pageCache, {
    ttlSeconds: config.pageCacheSeconds,
    maxEntries: 2000,
    maxBytes: config.pageCacheMaxBytes,
    privatePrefixes: registered.flatMap((m) => [...(m.staffAreas ?? []), ...(m.privateAreas ?? [])]),
    peers: databaseCachePeers(handle, (error) => fastify.log.error({ err: error }, 'could not tell the other instances about a change')),
  });
  // Brotli's default level 11 costs more CPU per page than it saves on the wire for dynamic HTML.
  await fastify.register(compress, { threshold: 2048, encodings: ['br', 'gzip'], brotliOptions: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } } });
  await fastify.register(formbody);
  await fastify.register(multipart, { limits: { fileSize: 10 * 1024 * 1024, files: 3, fields: 50, fieldSize: 100_000 } });
  await fastify.register(csrf, {
    cookieOpts: { path: '/', sameSite: 'lax', httpOnly: true, signed: true, secure: config.production },
    getToken: (request) => {
      const field = (source: unknown) => (typeof source === 'object' && source !== null ? Reflect.get(source, '_csrf') : undefined);
      const token = [field(request.body), field(request.query), request.headers['csrf-token']].find((value) => typeof value === 'string');
      return typeof token === 'string' ? token : '';
    },
  });
  await fastify.register(rateLimit, {
    global: false,
    // RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset (IETF draft) instead of the X- headers.
    enableDraftSpec: true,
    store: databaseRateLimitStore(db) as never,
    errorResponseBuilder: (_req, context) => ({ statusCode: 429, code: 'rate_limited', message: `retry after ${context.after}` }),
  });
  await fastify.register(fastifyStatic, { root: join(ROOT, 'node_modules/@kern-ux/native/dist'), prefix: '/static/kern/', decorateReply: false, maxAge: '7d' });
  await fastify.register(fastifyStatic, { root: join(ROOT, 'public'), prefix: '/static/', decorateReply: false, maxAge: '1h' });

  await fastify.register(requestContext, {
    auth,
    demo: config.demoData,
    secureCookies: config.production,
    nav: () => registered.flatMap((m) => m.navigation ?? []),
    staffAreas: registered.flatMap((m) => m.staffAreas ?? []),
  });
  installErrorHandling(fastify);
  fastify.addHook('onRequest', officeSecondFactorGate(config.officeRequiresSecondFactor));

  fastify.addHook('preValidation', refuseNulCharacters);

  // Every state-changing request carries the CSRF token; GET and HEAD never change anything.
  fastify.addHook('preHandler', (request, reply, done) => {
    if (request.method === 'GET' || request.method === 'HEAD' || request.method === 'OPTIONS' || request.url.startsWith('/static/')) return done();
    fastify.csrfProtection(request, reply, done);
  });

  const routes: App['routes'] = [];
  // Plugins register their routes while they load, so the module being registered is the owner.
  let registering = '';
  const scopes: ScopeResolvers = Object.assign({}, ...registered.map((m) => m.scopes?.(services) ?? {}));
  enforceDeclaredAccess(
    fastify,
    () => scopes,
    (route, access) => {
      const body = route.schema?.body as { properties?: Record<string, unknown> } | undefined;
      const bodyFields = Object.keys(body?.properties ?? {});
      for (const method of [route.method].flat()) if (method !== 'HEAD') routes.push({ method, url: route.url, access, bodyFields, module: registering });
    },
  );
  for (const module of registered) {
    registering = module.name;
    await fastify.register(module.plugin, { services });
  }

  const deliverMail = () => deliverPendingMail(db, transport, mailConfig);
  const purgeMail = (now?: Date) => purgeSentMail(db, { dataDir: config.dataDir, retentionDays: config.mailRetentionDays, ...(now ? { now } : {}) });
  const retentionRules = registered.flatMap((m) => m.retention?.(services) ?? []);
  const applyRetention = (now?: Date) => applyRetentionRules(db, retentionRules, now);
  /** Starts the job queue with every job (the retention, the outbox, each module's). */
  async function startJobs(): Promise<void> {
    const definitions = [
      {
        name: RETENTION_JOB,
        cron: '41 3 * * *',
        handler: async () => {
          const done = await applyRetention();
          fastify.log.info({ done }, 'retention periods applied');
        },
      },
      {
        name: MAIL_JOB,
        cron: '* * * * *',
        handler: async () => {
          await deliverMail();
        },
      },
      {
        name: MAIL_RETENTION_JOB,
        cron: '17 3 * * *',
        handler: async () => {
          const purged = await purgeMail();
          fastify.log.info({ purged, retentionDays: config.mailRetentionDays }, 'sent mail past its retention period deleted');
        },
      },
      ...registered.flatMap((m) => m.jobs?.(services) ?? []),
    ];
    await jobs.start(definitions);
    // Whatever was left in the outbox by a stop or a crash goes out now, not at the next full minute.
    mailQueued();
  }

  if (options.startJobs ?? true) await startJobs();

  return {
    fastify,
    services,
    modules: registered,
    routes,
    deliverMail,
    purgeMail,
    applyRetention,
    startJobs,
    async close() {
      await jobs.stop();
      await fastify.close();
      transport.transporter.close();
    },
  };
}
