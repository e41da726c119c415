import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { allModules, buildApp } from './app.ts';
import { ConfigError, loadConfig } from './config.ts';
import { type DatabaseHandle, openPglite, openPostgres } from './platform/db/connect.ts';
import { migrateToLatest } from './platform/db/migrate.ts';
import { seedInstallation } from './platform/db/seed.ts';
import { mappedStack } from './platform/http/stack-source-map.ts';

async function main(): Promise<void> {
  const started = Date.now();
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`Konfigurationsfehler / configuration error: ${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  const phases: Record<string, number> = { load: Math.round(performance.now() - (Date.now() - started)) };
  let mark = Date.now();
  const phase = (name: string) => {
    phases[name] = Date.now() - mark;
    mark = Date.now();
  };
  let handle: DatabaseHandle;
  if (config.databaseUrl) {
    handle = openPostgres(config.databaseUrl);
  } else {
    mkdirSync(join(config.dataDir, 'db'), { recursive: true });
    handle = await openPglite(join(config.dataDir, 'db'));
  }
  // One instance at a time creates the job queues, migrates and seeds; the next finds it done.
  const releaseStartup = await handle.startupLock?.();
  phase('database');
  const app = await buildApp({
    config,
    handle,
    // Started once the app listens (below): pg-boss's start is a third of a restart.
    startJobs: false,
    logger: { level: config.logLevel, redact: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'] },
  });
  const log = app.fastify.log;
  phase('app');
  const applied = await migrateToLatest(handle.db);
  if (applied.length) log.info({ migrations: applied }, 'migrations applied');
  phase('migrations');
  await seedInstallation({ services: app.services, modules: allModules(), demo: config.demoData, log: (message) => log.info(message) });
  phase('seed');

  let closing = false;
  let jobsStarting: Promise<void> | undefined;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    log.info({ signal }, 'shutting down');
    const timer = setTimeout(() => process.exit(1), 10_000);
    try {
      // A stop right after the start waits for the job queue to be up, so that it stops it cleanly.
      await jobsStarting?.catch(() => undefined);
      await app.close();
      await handle.close();
    } finally {
      clearTimeout(timer);
      process.exit(0);
    }
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  await app.fastify.listen({ port: config.port, host: config.host });
  phase('listen');
  log.info({ url: config.baseUrl, engine: handle.engine, startupMs: Date.now() - started, phases, demo: config.demoData }, 'Vielfalt verankern is running');
  // Still under the startup lock: instances that create pg-boss's queues at once deadlock.
  jobsStarting = app.startJobs().finally(() => releaseStartup?.());
  await jobsStarting;
  if (!closing) log.info({ jobsMs: Date.now() - mark }, 'jobs started');
}

main().catch((error) => {
  process.stderr.write(`Start fehlgeschlagen / start failed: ${error instanceof Error ? mappedStack(error.stack ?? String(error)) : String(error)}\n`);
  process.exit(1);
});
