/**
 * npm run cluster -- --instances 3 --port 8080
 *
 * Starts N instances of the compiled app on the PostgreSQL database of DATABASE_URL (shared
 * DATA_DIR and SESSION_SECRET, TRUST_PROXY for nginx) and a real nginx in front of them, on this
 * machine. Ctrl-C stops everything. The other settings come from the environment as for `npm start`.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ClusterError, startCluster } from './cluster-lib.ts';

const { values } = parseArgs({
  options: {
    instances: { type: 'string', default: '3' },
    port: { type: 'string', default: '8080' },
    host: { type: 'string', default: '127.0.0.1' },
    'first-instance-port': { type: 'string' },
    nginx: { type: 'string' },
    help: { type: 'boolean', default: false },
  },
});

if (values.help) {
  process.stdout.write(
    'npm run cluster -- [--instances 3] [--port 8080] [--host 127.0.0.1] [--first-instance-port 8081] [--nginx /usr/sbin/nginx]\n' +
      'Needs DATABASE_URL (PostgreSQL). Instances listen on 127.0.0.1 at the ports after --port.\n',
  );
  process.exit(0);
}

function whole(name: string, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  if (!/^\d{1,5}$/.test(raw)) {
    process.stderr.write(`--${name} must be a whole number, got "${raw}"\n`);
    process.exit(2);
  }
  return Number(raw);
}

/** One secret for every instance: SESSION_SECRET if set, else the one the data dir keeps (or a new one). */
function sharedSecret(dataDir: string): string {
  if (process.env.SESSION_SECRET) return process.env.SESSION_SECRET;
  const file = join(dataDir, 'session-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  return randomBytes(32).toString('hex');
}

const dataDir = resolve(process.env.DATA_DIR || './data');
const log = (source: string, line: string) => process.stdout.write(`${source.padEnd(6)} ${line}\n`);

try {
  const cluster = await startCluster({
    instances: whole('instances', values.instances) ?? 3,
    port: whole('port', values.port) ?? 8080,
    host: values.host,
    firstInstancePort: whole('first-instance-port', values['first-instance-port']),
    nginx: values.nginx,
    env: { ...process.env, DATA_DIR: dataDir, SESSION_SECRET: sharedSecret(dataDir) },
    log,
  });
  log('cluster', `${cluster.instances.length} instances (${cluster.instances.map((i) => i.url).join(', ')}) behind nginx at ${cluster.url}; Ctrl-C stops everything`);
  for (const instance of cluster.instances) {
    instance.child?.on('exit', (code, signal) => {
      if (!stopping) log('cluster', `instance ${instance.index} ended (code ${code}, signal ${signal}); nginx sends its requests to the others`);
    });
  }
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    log('cluster', 'stopping');
    await cluster.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
} catch (error) {
  if (error instanceof ClusterError) {
    process.stderr.write(`npm run cluster: ${error.message}\n`);
    process.exit(2);
  }
  throw error;
}
