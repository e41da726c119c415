import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ConfigError, loadConfig } from '../../src/config.ts';

describe('configuration from the environment', () => {
  const dataDir = () => mkdtempSync(join(tmpdir(), 'vv-config-'));

  it('starts with the embedded database and demo data when nothing is set', () => {
    const dir = dataDir();
    const config = loadConfig({ DATA_DIR: dir });
    assert.equal(config.databaseUrl, undefined);
    assert.equal(config.demoData, true);
    assert.equal(config.port, 3000);
    assert.equal(config.sessionSecret, readFileSync(join(dir, 'session-secret'), 'utf8').trim(), 'the generated secret is kept in the data dir');
    assert.equal(loadConfig({ DATA_DIR: dir }).sessionSecret, config.sessionSecret, 'and survives a restart');
  });

  it('names the variable and the wrong value', () => {
    assert.throws(
      () => loadConfig({ DATA_DIR: dataDir(), PORT: 'achtzig' }),
      (e: unknown) => e instanceof ConfigError && /PORT/.test(e.message) && /achtzig/.test(e.message),
    );
    assert.throws(() => loadConfig({ DATA_DIR: dataDir(), DATABASE_URL: 'mysql://x' }), /DATABASE_URL must start with postgres/);
    assert.throws(() => loadConfig({ DATA_DIR: dataDir(), DEMO_DATA: 'vielleicht' }), /DEMO_DATA must be true or false/);
    assert.throws(() => loadConfig({ DATA_DIR: dataDir(), SMTP_URL: 'http://mail' }), /SMTP_URL/);
    assert.throws(() => loadConfig({ DATA_DIR: dataDir(), SESSION_SECRET: 'kurz' }), /SESSION_SECRET/);
  });

  it('never runs demo accounts in production', () => {
    assert.throws(() => loadConfig({ DATA_DIR: dataDir(), NODE_ENV: 'production', DEMO_DATA: 'true', SESSION_SECRET: 'x'.repeat(40) }), /DEMO_DATA/);
    assert.equal(loadConfig({ DATA_DIR: dataDir(), NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(40) }).demoData, false);
  });
});
