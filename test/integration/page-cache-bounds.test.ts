/**
 * The page cache cannot be filled by random query strings: it keys only on the parameters a
 * route declares and holds at most PAGE_CACHE_MAX_BYTES.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestApp, type TestApp } from '../support/app.ts';

describe('page cache bounds', () => {
  let t: TestApp;
  const MAX_BYTES = 150_000;
  const random = () => Math.random().toString(36).slice(2);

  before(async () => {
    t = await startTestApp({ env: { PAGE_CACHE_SECONDS: '600', PAGE_CACHE_MAX_BYTES: String(MAX_BYTES) } });
  });
  after(() => t.close());

  const visit = (url: string) => t.app.fastify.inject({ method: 'GET', url });

  it('caches a page under its declared query parameters and serves it again', async () => {
    assert.equal((await visit('/kommunen?q=bens')).statusCode, 200);
    assert.equal((await visit('/kommunen?q=bens')).headers['x-page-cache'], 'hit');
  });

  it('does not grow beyond its byte bound nor keep pages for unknown parameters, over 5,000 random query strings', async () => {
    assert.equal((await visit('/impressum')).statusCode, 200);
    assert.equal((await visit('/impressum')).headers['x-page-cache'], 'hit', 'the page itself is cached');
    const start = t.app.fastify.pageCacheStats();
    // A cheap page for most of them: the point is the number of distinct URLs, not the rendering.
    for (let i = 0; i < 4700; i++) {
      const response = await visit(`/${i % 50 ? 'impressum' : 'kommunen'}?${random()}=${random()}`);
      assert.equal(response.statusCode, 200, 'a URL with unknown parameters is still served');
      assert.notEqual(response.headers['x-page-cache'], 'hit');
    }
    assert.deepEqual(t.app.fastify.pageCacheStats(), start, 'no entry for unknown parameters');
    // Declared parameters with random values: each is a page of its own, and the bound holds.
    for (let i = 0; i < 300; i++) {
      await visit(`/kommunen?q=${random()}&seite=${i}`);
      assert.ok(t.app.fastify.pageCacheStats().bytes <= MAX_BYTES);
    }
    const stats = t.app.fastify.pageCacheStats();
    assert.ok(stats.bytes <= MAX_BYTES, `${stats.bytes} bytes held`);
    assert.ok(stats.entries > 1, 'known parameters are still cached');
  });
});
