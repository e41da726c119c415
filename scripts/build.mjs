/**
 * Compiles the app for production: src/main.ts and everything it imports into one ES module
 * dist/main.js (packages from node_modules stay imports), every migration into dist/migrations/.
 * `npm start` runs it (prestart calls this script with --if-stale, which builds only when a
 * source file is newer than the last build), so nothing is compiled at start.
 *
 * Plain JavaScript on purpose: it runs with `node` alone, also where tsx is not installed.
 *   node scripts/build.mjs             build now
 *   node scripts/build.mjs --if-stale  build only when src/, migrations/ or the config changed
 */
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIST = join(ROOT, 'dist');
const STAMP = join(DIST, 'main.js');
const INPUTS = ['src', 'migrations', 'package.json', 'package-lock.json', 'tsconfig.json', 'scripts/build.mjs'];

/**
 * Packages that stay imports from node_modules: those with native code or files of their own
 * (WebAssembly, fonts), and the large ones loaded only on first use (ADR 0006). Every other
 * package is bundled: Node then reads and compiles one file instead of thousands of small modules.
 */
const EXTERNAL = ['@electric-sql/pglite', '@electric-sql/pglite/*', 'sharp', '@node-rs/argon2', 'pg-native', 'echarts', 'exceljs', 'pdfkit', 'dejavu-fonts-ttf', '@kern-ux/native'];

function newestChange(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs; // a deleted file changes its folder
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestChange(join(path, entry)));
  return newest;
}

function isStale() {
  if (!existsSync(STAMP)) return true;
  const built = statSync(STAMP).mtimeMs;
  return INPUTS.some((input) => newestChange(join(ROOT, input)) > built);
}

async function build() {
  const started = Date.now();
  let esbuild;
  try {
    esbuild = await import('esbuild');
  } catch {
    if (existsSync(STAMP)) {
      process.stderr.write('esbuild is not installed (installed without dev dependencies?): starting the existing build in dist/\n');
      return;
    }
    process.stderr.write('esbuild is not installed and there is no build in dist/: run `npm install` (with dev dependencies) and `npm run build`\n');
    process.exit(1);
  }
  rmSync(DIST, { recursive: true, force: true });
  const common = {
    absWorkingDir: ROOT,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: EXTERNAL,
    // Packages written as CommonJS call require() for Node's modules; an ES module has none.
    banner: { js: "import { createRequire as __vvCreateRequire } from 'node:module'; const require = __vvCreateRequire(import.meta.url);" },
    sourcemap: 'linked',
    logLevel: 'warning',
    tsconfig: join(ROOT, 'tsconfig.json'),
  };
  const migrations = readdirSync(join(ROOT, 'migrations'))
    .filter((f) => /^\d{4}_.+\.ts$/.test(f))
    .map((f) => join('migrations', f));
  await Promise.all([
    esbuild.build({ ...common, entryPoints: ['src/main.ts'], outfile: join(DIST, 'main.js') }),
    esbuild.build({ ...common, entryPoints: migrations, outdir: join(DIST, 'migrations') }),
  ]);
  process.stdout.write(`built dist/ (${migrations.length} migrations) in ${Date.now() - started} ms\n`);
}

if (!process.argv.includes('--if-stale') || isStale()) await build();
