/**
 * Several instances started at once on an empty PostgreSQL database (a fresh installation behind a
 * load balancer, or all instances restarted together after an upgrade): they take turns through the
 * startup lock, so every one of them comes up, each migration is applied once, the reference data
 * is seeded once and the job queues exist once.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import pg from 'pg';
import { adminQuery, testEngine, urlFor } from '../support/database.ts';
import { type AppProcess, startAppProcess } from '../support/processes.ts';

const INSTANCES = 3;

describe('instances started together on an empty database', { skip: testEngine() !== 'postgres' && 'several instances need a PostgreSQL server' }, () => {
  const name = `vv_t_start_${randomBytes(5).toString('hex')}`;
  const dirs: string[] = [];
  const running: AppProcess[] = [];

  after(async () => {
    await Promise.all(running.map((p) => p.stop()));
    await adminQuery(`drop database if exists ${name} with (force)`);
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('all come up, and migrations, reference data and job queues exist once', { timeout: 240_000 }, async () => {
    await adminQuery(`create database ${name}`);
    const started = await Promise.allSettled(
      Array.from({ length: INSTANCES }, (_, i) => {
        const dir = mkdtempSync(join(tmpdir(), `vv-start-${i}-`));
        dirs.push(dir);
        return startAppProcess({ DATABASE_URL: urlFor(name), DATA_DIR: dir, DEMO_DATA: 'false', SESSION_SECRET: 'start-secret-start-secret-start-secret-1' });
      }),
    );
    for (const result of started) if (result.status === 'fulfilled') running.push(result.value);
    assert.deepEqual(
      started.map((r) => (r.status === 'rejected' ? String(r.reason).slice(0, 2000) : 'healthy')),
      Array(INSTANCES).fill('healthy'),
    );

    const client = new pg.Client({ connectionString: urlFor(name) });
    await client.connect();
    try {
      const migrations = readdirSync(join(import.meta.dirname, '../../migrations')).filter((f) => /^\d{4}_.+\.ts$/.test(f));
      const applied = await client.query<{ name: string; n: string }>('select name, count(*) as n from kysely_migration group by name');
      assert.equal(applied.rows.length, migrations.length, 'every migration is applied');
      assert.ok(
        applied.rows.every((r) => Number(r.n) === 1),
        'and each once',
      );
      const municipalities = await client.query<{ n: string; distinct_ags: string }>('select count(*) as n, count(distinct ags) as distinct_ags from municipalities');
      assert.equal(Number(municipalities.rows[0]?.n), 421, 'the register of all Hessian municipalities, seeded once');
      assert.equal(Number(municipalities.rows[0]?.distinct_ags), 421);
      const indicators = await client.query<{ code: string; n: string }>('select code, count(*) as n from monitoring_indicators where superseded_at is null group by code having count(*) > 1');
      assert.deepEqual(indicators.rows, [], 'each indicator of the catalogue has one current version');
      const queues = await client.query<{ name: string }>("select name from pgboss.queue where name = 'network.duplicate_candidates'");
      assert.equal(queues.rows.length, 1);
    } finally {
      await client.end();
    }
    // Each answers a page from the shared database.
    for (const p of running) assert.equal((await fetch(new URL('/kommunen', p.url))).status, 200);
  });
});
