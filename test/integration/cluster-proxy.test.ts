import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, describe, it } from 'node:test';
import { ClusterError, type ReverseProxy, startCluster, startNginx } from '../../scripts/cluster-lib.ts';
import { freePort } from '../support/processes.ts';

const hasNginx = existsSync('/usr/sbin/nginx') || spawnSync('sh', ['-c', 'command -v nginx']).status === 0;

interface Seen {
  method: string;
  id: string;
  forwardedFor: string;
}

/**
 * Stand-ins for app instances: one that dies in the middle of every request it receives (as an
 * instance killed with SIGKILL), one that answers. Each notes which requests reached it.
 */
async function upstream(kind: 'crashing' | 'healthy'): Promise<{ address: string; seen: Seen[]; close(): Promise<void> }> {
  const seen: Seen[] = [];
  const server = http.createServer((request, response) => {
    const id = new URL(request.url ?? '/', 'http://x').searchParams.get('id') ?? '';
    if (id === '') return void response.end('not part of the test');
    seen.push({ method: request.method ?? '', id, forwardedFor: String(request.headers['x-forwarded-for'] ?? '') });
    request.resume();
    request.on('end', () => {
      if (kind === 'crashing') request.socket.destroy();
      else response.end(`answered ${id}`);
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    address: `127.0.0.1:${port}`,
    seen,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

// The proxy does not depend on the database engine; it runs the same under both.
describe('the cluster proxy (nginx as npm run cluster configures it)', { skip: !hasNginx && 'nginx is not installed' }, () => {
  const cleanups: Array<() => Promise<void>> = [];
  after(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  async function proxyFor(upstreams: string[]): Promise<ReverseProxy> {
    const proxy = await startNginx({ port: await freePort(), upstreams });
    cleanups.push(proxy.stop);
    return proxy;
  }

  async function pair() {
    const crashing = await upstream('crashing');
    const healthy = await upstream('healthy');
    cleanups.push(crashing.close, healthy.close);
    return { crashing, healthy, proxy: await proxyFor([crashing.address, healthy.address]) };
  }

  it('sends a GET cut by a dying instance to another one: the visitor gets the page', async () => {
    const { crashing, healthy, proxy } = await pair();
    const answers: number[] = [];
    // Round robin: within two requests one reaches the dying instance.
    for (let i = 0; i < 4; i++) answers.push((await fetch(`${proxy.url}/veranstaltungen?id=get-${i}`)).status);
    assert.deepEqual(answers, [200, 200, 200, 200]);
    const cut = crashing.seen.filter((s) => s.method === 'GET');
    assert.equal(cut.length, 1, 'one GET reached the dying instance');
    assert.ok(
      healthy.seen.some((s) => s.id === cut[0]?.id),
      'and the same GET was answered by the other',
    );
  });

  it('never sends a POST a second time once an instance took it: the person sees the failure', async () => {
    const { crashing, healthy, proxy } = await pair();
    const answers = new Map<string, number>();
    for (let i = 0; i < 2 && crashing.seen.length === 0; i++) {
      const id = `post-${i}`;
      const response = await fetch(`${proxy.url}/veranstaltungen/1/anmeldung?id=${id}`, { method: 'POST', body: 'name=Gast', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
      answers.set(id, response.status);
    }
    const [cut] = crashing.seen;
    assert.ok(cut, 'a POST reached the dying instance');
    assert.equal(answers.get(cut.id), 502, 'that one failed visibly');
    assert.equal(healthy.seen.filter((s) => s.id === cut.id).length, 0, 'and was not sent to the other instance');
  });

  it('sends a POST to another instance when the first cannot be reached at all (nothing was sent)', async () => {
    const healthy = await upstream('healthy');
    cleanups.push(healthy.close);
    const proxy = await proxyFor([`127.0.0.1:${await freePort()}`, healthy.address]);
    for (let i = 0; i < 2; i++) {
      const response = await fetch(`${proxy.url}/anmelden?id=refused-${i}`, { method: 'POST', body: 'a=b', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
      assert.equal(response.status, 200);
    }
    assert.deepEqual(
      healthy.seen.map((s) => s.id),
      ['refused-0', 'refused-1'],
      'each POST arrived once',
    );
  });

  it('names the client itself, whatever X-Forwarded-For the client sends (rate limits count the real address)', async () => {
    const healthy = await upstream('healthy');
    cleanups.push(healthy.close);
    const proxy = await proxyFor([healthy.address]);
    await fetch(`${proxy.url}/?id=xff`, { headers: { 'x-forwarded-for': '203.0.113.9' } });
    assert.equal(healthy.seen[0]?.forwardedFor, '127.0.0.1');
  });
});

describe('npm run cluster without PostgreSQL', () => {
  it('refuses PGlite with a message that says why', async () => {
    await assert.rejects(
      startCluster({ instances: 2, port: 1, env: { DATABASE_URL: '' } }),
      (error: Error) => error instanceof ClusterError && /DATABASE_URL/.test(error.message) && /PGlite/.test(error.message),
    );
  });
});
