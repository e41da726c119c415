import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dataKey } from '../../src/platform/views/rendered-once.tsx';

describe('dataKey: the key of a part rendered once per state of its data', () => {
  it('is the same for equal data read anew', () => {
    const read = () => ({ figures: [{ code: 'O1', value: 16 }], towns: new Map([[1, { name: 'Bensheim' }]]), at: new Date('2025-10-02T10:00:00Z') });
    assert.equal(dataKey(read(), 'land'), dataKey(read(), 'land'));
  });

  it('differs when any value differs, also inside Maps and Sets, and for a later time', () => {
    const base = dataKey({ v: 16 }, new Map([[1, 'Bensheim']]), new Set(['O1']), new Date('2025-10-02T10:00:00Z'));
    assert.notEqual(dataKey({ v: 17 }, new Map([[1, 'Bensheim']]), new Set(['O1']), new Date('2025-10-02T10:00:00Z')), base);
    assert.notEqual(dataKey({ v: 16 }, new Map([[1, 'Heppenheim']]), new Set(['O1']), new Date('2025-10-02T10:00:00Z')), base);
    assert.notEqual(dataKey({ v: 16 }, new Map([[1, 'Bensheim']]), new Set(['O1', 'O2']), new Date('2025-10-02T10:00:00Z')), base);
    assert.notEqual(dataKey({ v: 16 }, new Map([[1, 'Bensheim']]), new Set(['O1']), new Date('2025-10-02T11:00:00Z')), base);
  });

  it('tells "no value" (undefined) from "withheld" (null), in objects and in Maps', () => {
    assert.notEqual(dataKey({ value: undefined }), dataKey({ value: null }));
    assert.notEqual(dataKey(new Map([[1, undefined]])), dataKey(new Map([[1, null]])));
    assert.notEqual(dataKey([undefined]), dataKey([null]));
  });
});
