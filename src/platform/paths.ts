import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Where the project's folders are, the same from the TypeScript sources (tsx, tests) and from the
 * compiled bundle (`dist/main.js`, see scripts/build.mjs): the nearest folder above this file
 * with a package.json. Code in src/ finds migrations, locales and seed data through these
 * constants only, never relative to its own file, which the bundle moves.
 */
function findRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('package.json not found above the running code');
    dir = parent;
  }
  return dir;
}

export const PROJECT_ROOT = findRoot();

/** True when running the compiled bundle (node dist/main.js) rather than the TypeScript sources. */
export const COMPILED = import.meta.url.endsWith('.js');
