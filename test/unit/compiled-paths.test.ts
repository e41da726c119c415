/**
 * The compiled start bundles src/ into dist/main.js (scripts/build.mjs), so a path computed from
 * a source file's own place (import.meta.url, import.meta.dirname) points elsewhere there. Code in
 * src/ finds the project's folders through src/platform/paths.ts.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, it } from 'node:test';

const SRC = join(import.meta.dirname, '../../src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry) ? [path] : [];
  });
}

describe('paths in the compiled bundle', () => {
  it('takes folders from platform/paths.ts, never relative to a source file', () => {
    const offenders = sourceFiles(SRC)
      .map((path) => ({ path: relative(SRC, path).split(sep).join('/'), text: readFileSync(path, 'utf8') }))
      .filter((f) => f.path !== 'platform/paths.ts')
      // Resolving a package from here works from the bundle too (node_modules is found from dist/).
      .filter((f) => /import\.meta\.(url|dirname|filename)/.test(f.text.replaceAll('createRequire(import.meta.url)', '')))
      .map((f) => f.path);
    assert.deepEqual(offenders, [], 'use PROJECT_ROOT from src/platform/paths.ts');
  });
});
