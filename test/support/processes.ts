import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '../..');

/** A TCP port nobody listens on right now. */
export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export interface AppProcess {
  url: string;
  child: ChildProcess;
  /** What the process wrote, for a failing test's message. */
  output(): string;
  /** SIGKILL: no shutdown, no flush, as a crash or the OOM killer. */
  kill(): Promise<void>;
  /** SIGTERM and wait for the exit. */
  stop(): Promise<void>;
}

/** Waits until `url/healthz` answers 200 or the time is up. */
export async function waitHealthy(url: string, ms = 60_000, alive: () => boolean = () => true): Promise<void> {
  const started = Date.now();
  for (;;) {
    try {
      const response = await fetch(new URL('/healthz', url), { signal: AbortSignal.timeout(2000) });
      if (response.status === 200) return;
    } catch {}
    if (!alive()) throw new Error('the process ended before it was healthy');
    if (Date.now() - started > ms) throw new Error(`${url} not healthy within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The real app (src/main.ts) as a process of its own, as production runs it; resolves once /healthz answers. */
export async function startAppProcess(env: Record<string, string>, port?: number): Promise<AppProcess> {
  const listen = port ?? (await freePort());
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'warn', OFFICE_REQUIRES_SECOND_FACTOR: 'false', ...env, PORT: String(listen), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output = (output + chunk).slice(-20_000);
  });
  child.stderr?.on('data', (chunk) => {
    output = (output + chunk).slice(-20_000);
  });
  const url = `http://127.0.0.1:${listen}`;
  const exited = () => child.exitCode !== null || child.signalCode !== null;
  try {
    await waitHealthy(url, 90_000, () => !exited());
  } catch (error) {
    child.kill('SIGKILL');
    throw new Error(`${(error as Error).message}\n${output}`);
  }
  const waitExit = async () => {
    if (!exited()) await once(child, 'exit');
  };
  return {
    url,
    child,
    output: () => output,
    async kill() {
      child.kill('SIGKILL');
      await waitExit();
    },
    async stop() {
      child.kill('SIGTERM');
      await waitExit();
    },
  };
}
