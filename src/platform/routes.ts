import { ACCOUNT_AUDIT_ACTIONS } from './auth/audit-actions.ts';
import { authRoutes } from './auth/routes.tsx';
import { pendingMigrations } from './db/migrate.ts';
import { pingDatabase } from './health-repository.ts';
import { rateLimitRepository } from './http/rate-limit-repository.ts';
import type { AppModule, ModulePlugin } from './module.ts';
import { accountRetention } from './auth/retention.ts';
import { RETENTION_AUDIT_ACTIONS } from './retention/retention.ts';

const healthRoutes: ModulePlugin = async (app, { services }) => {
  app.get('/healthz', { config: { access: 'public' } }, async (_request, reply) => {
    try {
      await pingDatabase(services.db);
      const pending = await pendingMigrations(services.db);
      const ok = pending.length === 0;
      return reply.status(ok ? 200 : 503).send({ status: ok ? 'ok' : 'migrations_pending', database: 'ok', engine: services.handle.engine, pendingMigrations: pending });
    } catch {
      return reply.status(503).send({ status: 'unavailable', database: 'unreachable' });
    }
  });
};

export const RATE_LIMIT_CLEANUP_JOB = 'rate-limit-cleanup';

/** The platform's own pages: accounts and health. Domain modules come from src/modules. */
export const platformModules: AppModule[] = [
  { name: 'health', plugin: healthRoutes, auditActions: RETENTION_AUDIT_ACTIONS },
  {
    name: 'accounts',
    auditActions: ACCOUNT_AUDIT_ACTIONS,
    plugin: authRoutes,
    privateAreas: ['/konto'],
    retention: accountRetention,
    messages: { public: [], staff: ['auth.totp'] },
    // Rate-limit windows that are over count nothing; without this the table keeps a row for every address ever seen.
    jobs: (services) => [{ name: RATE_LIMIT_CLEANUP_JOB, cron: '17 * * * *', handler: async () => void (await rateLimitRepository(services.db).deleteExpired()) }],
  },
];
