import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ConfigError, loadConfig } from '../../src/config.ts';

describe('security settings from the environment', () => {
  const load = (env: Record<string, string>) => loadConfig({ DATA_DIR: mkdtempSync(join(tmpdir(), 'vv-config-')), ...env });

  it('trusts no proxy unless told, then a number of hops or a list of addresses', () => {
    assert.equal(load({}).trustProxy, false);
    assert.equal(load({ TRUST_PROXY: 'false' }).trustProxy, false);
    assert.equal(load({ TRUST_PROXY: '1' }).trustProxy, 1);
    assert.deepEqual(load({ TRUST_PROXY: '10.0.0.1, 192.168.0.0/16,::1' }).trustProxy, ['10.0.0.1', '192.168.0.0/16', '::1']);
    for (const wrong of ['true', 'proxy.example', '10.0.0.0/33', '10.0.0.1/8/1']) {
      assert.throws(
        () => load({ TRUST_PROXY: wrong }),
        (e: unknown) => e instanceof ConfigError && /TRUST_PROXY/.test(e.message),
        wrong,
      );
    }
  });

  it('limits staff sessions to 30 idle minutes and 12 hours unless configured', () => {
    const defaults = load({});
    assert.equal(defaults.staffSessionIdleMinutes, 30);
    assert.equal(defaults.staffSessionMaxHours, 12);
    const set = load({ STAFF_SESSION_IDLE_MINUTES: '15', STAFF_SESSION_MAX_HOURS: '8' });
    assert.equal(set.staffSessionIdleMinutes, 15);
    assert.equal(set.staffSessionMaxHours, 8);
    assert.throws(() => load({ STAFF_SESSION_IDLE_MINUTES: '0' }), /STAFF_SESSION_IDLE_MINUTES/);
  });

  it('requires the second factor for the programme office, and in production always', () => {
    assert.equal(load({}).officeRequiresSecondFactor, true);
    assert.equal(load({ OFFICE_REQUIRES_SECOND_FACTOR: 'false' }).officeRequiresSecondFactor, false);
    assert.throws(() => load({ NODE_ENV: 'production', DEMO_DATA: 'false', OFFICE_REQUIRES_SECOND_FACTOR: 'false' }), /OFFICE_REQUIRES_SECOND_FACTOR/);
  });
});
