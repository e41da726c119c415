import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { setBounded } from '../../src/platform/bounded-map.ts';

describe('setBounded: what a process keeps, at most so many entries', () => {
  it('drops the oldest entry once the limit is reached', () => {
    const map = new Map<string, number>();
    for (const [i, key] of ['a', 'b', 'c', 'd'].entries()) setBounded(map, key, i, 3);
    assert.deepEqual([...map.keys()], ['b', 'c', 'd']);
  });

  it('makes a key set again the newest, so the least recently used goes first', () => {
    const map = new Map<string, number>();
    setBounded(map, 'a', 1, 3);
    setBounded(map, 'b', 2, 3);
    setBounded(map, 'c', 3, 3);
    setBounded(map, 'a', 4, 3);
    setBounded(map, 'd', 5, 3);
    assert.deepEqual(
      [...map.entries()],
      [
        ['c', 3],
        ['a', 4],
        ['d', 5],
      ],
    );
  });
});
