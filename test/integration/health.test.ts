import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestApp, type TestApp } from '../support/app.ts';
import { testEngine } from '../support/database.ts';

describe('GET /healthz', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(() => t.close());

  it('reports the database reachable and every migration applied', async () => {
    const response = await t.app.fastify.inject({ method: 'GET', url: '/healthz' });
    assert.equal(response.statusCode, 200);
    const body = response.json() as { status: string; engine: string; pendingMigrations: string[] };
    assert.equal(body.status, 'ok');
    assert.equal(body.engine, testEngine());
    assert.deepEqual(body.pendingMigrations, []);
  });
});
