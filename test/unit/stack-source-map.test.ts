/**
 * `npm start` runs the bundle without `--enable-source-maps` (it made every start read a 14 MB
 * map); a logged error's stack is mapped back to the source files instead. Built here with the
 * same esbuild settings as scripts/build.mjs (one bundle, linked map).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, describe, it } from 'node:test';
import { build } from 'esbuild';
import { mappedStack } from '../../src/platform/http/stack-source-map.ts';

const dir = mkdtempSync(join(tmpdir(), 'vv-stack-'));
after(() => rmSync(dir, { recursive: true, force: true }));

describe('stacks of the compiled bundle', () => {
  it('names the source file and line of each frame in the bundle', async () => {
    writeFileSync(join(dir, 'helper.ts'), ['export function fails(): never {', '  // line 2', "  throw new Error('broken');", '}', ''].join('\n'));
    writeFileSync(join(dir, 'entry.ts'), ["import { fails } from './helper.ts';", '', 'export function run(): void {', '  fails();', '}', ''].join('\n'));
    await build({ entryPoints: [join(dir, 'entry.ts')], bundle: true, platform: 'node', format: 'esm', sourcemap: 'linked', outfile: join(dir, 'out/main.js'), logLevel: 'silent' });
    const { run } = await import(pathToFileURL(join(dir, 'out/main.js')).href);
    let stack = '';
    try {
      run();
    } catch (error) {
      stack = (error as Error).stack ?? '';
    }
    assert.match(stack, /out\/main\.js:\d+:\d+/, 'the raw stack points into the bundle');
    const mapped = mappedStack(stack);
    assert.match(mapped, /helper\.ts:3:\d+/, 'the throw is in helper.ts, line 3');
    assert.match(mapped, /entry\.ts:4:\d+/, 'the call is in entry.ts, line 4');
    assert.doesNotMatch(mapped.split('\n').slice(1, 3).join('\n'), /out\/main\.js/);
    assert.match(mapped, /^Error: broken/);
  });

  it('leaves frames of files without a map as they are', () => {
    const stack = 'Error: x\n    at f (file:///nowhere/lib.js:10:5)\n    at node:internal/process/task_queues:95:5';
    assert.equal(mappedStack(stack), stack);
  });
});
