import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import autocannon from 'autocannon';

/**
 * Load generation runs in a worker thread: in the server's own event loop autocannon would take
 * CPU time from the app it measures (and most of it from the cheap baseline), skewing the ratio.
 */

export interface LoadOptions {
  url: string;
  connections: number;
  duration: number;
  /** The cookie header of a signed-in person, sent with every GET. */
  cookie?: string;
  /** A form POST instead of a GET: `{n}` in the body becomes a number unique to each request. */
  post?: { body: string; cookie: string };
}

export interface Measured {
  rps: number;
  p95: number;
  requests: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  /** Responses per status code. */
  statuses: Record<number, number>;
}

export function measure(options: LoadOptions): Promise<Measured> {
  // tsx does not hook into worker threads by itself, so the worker registers it before loading this file.
  const boot = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((tsx) => { tsx.register(); return import(${JSON.stringify(import.meta.url)}); })`;
  return new Promise((resolve, reject) => {
    const worker = new Worker(boot, { eval: true, workerData: { benchLoad: options } });
    let settled = false;
    worker.once('message', (result: Measured) => {
      settled = true;
      resolve(result);
    });
    worker.once('error', (error) => {
      settled = true;
      reject(error);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`load worker exited with code ${code} before reporting`));
    });
  });
}

async function run(options: LoadOptions): Promise<Measured> {
  // Off the main thread autocannon hands back raw histograms instead of its summary (that is how its
  // own workers report), and it has no p95 anyway: so every response is counted and timed here.
  const times: number[] = [];
  let non2xx = 0;
  let errors = 0;
  let timeouts = 0;
  let started = 0;
  const statuses: Record<number, number> = {};
  let sent = 0;
  const post = options.post;
  const form = post
    ? {
        method: 'POST' as const,
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: post.cookie },
        requests: [
          {
            setupRequest: (request: Record<string, unknown>) => {
              sent++;
              return { ...request, body: post.body.replaceAll('{n}', String(sent)) };
            },
          },
        ],
      }
    : options.cookie
      ? { headers: { cookie: options.cookie } }
      : {};
  await new Promise<void>((resolve, reject) => {
    const instance = autocannon({ url: options.url, connections: options.connections, duration: options.duration, ...form } as autocannon.Options, (error) => (error ? reject(error) : resolve()));
    instance.on('start', () => {
      started = performance.now();
    });
    instance.on('response', (_client, status, _bytes, responseTime) => {
      times.push(responseTime);
      statuses[status] = (statuses[status] ?? 0) + 1;
      // A form post answers with a redirect (303) when it worked.
      if (status < 200 || status > (post ? 399 : 299)) non2xx++;
    });
    instance.on('reqError', (error: Error) => {
      errors++;
      // autocannon's own wording for a request that got no answer within its timeout.
      if (error.message === 'request timed out') timeouts++;
    });
  });
  const seconds = (performance.now() - started) / 1000;
  times.sort((a, b) => a - b);
  const p95 = times.length ? (times[Math.min(times.length - 1, Math.ceil(times.length * 0.95) - 1)] as number) : Number.NaN;
  return { rps: times.length / seconds, p95, requests: times.length, non2xx, errors, timeouts, statuses };
}

const job = !isMainThread ? (workerData as { benchLoad?: LoadOptions } | null)?.benchLoad : undefined;
if (job) {
  // A rejection here is unhandled on purpose: it ends the worker with an 'error' event for measure().
  void run(job).then((result) => parentPort?.postMessage(result));
}
