import type { FastifyPluginAsync } from 'fastify';
import { sql } from 'kysely';
import { authRoutes } from './auth/routes.tsx';
import { pendingMigrations } from './db/migrate.ts';
import type { AppModule, AppServices } from './module.ts';

const healthRoutes: FastifyPluginAsync<{ services: AppServices }> = async (app, { services }) => {
  app.get('/healthz', async (_request, reply) => {
    try {
      await sql`select 1`.execute(services.db);
      const pending = await pendingMigrations(services.db);
      const ok = pending.length === 0;
      return reply.status(ok ? 200 : 503).send({ status: ok ? 'ok' : 'migrations_pending', database: 'ok', engine: services.handle.engine, pendingMigrations: pending });
    } catch {
      return reply.status(503).send({ status: 'unavailable', database: 'unreachable' });
    }
  });
};

/** The platform's own pages: accounts and health. Domain modules come from src/modules. */
export const platformModules: AppModule[] = [
  { name: 'health', plugin: healthRoutes },
  { name: 'accounts', plugin: authRoutes, privateAreas: ['/konto'] },
];
