/**
 * The one test command (npm test, also called by .ci/run):
 *   1. type check and lint,
 *   2. prepare template databases on PostgreSQL and PGlite,
 *   3. unit and integration tests on PostgreSQL, integration tests again on PGlite,
 *   4. web tests (authorization matrix, bad input) and browser tests in chromium.
 * Options: --only=unit|integration|web|browser, --engine=postgres|pglite, --skip-checks, and file filters.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { prepareTemplates } from '../test/support/templates.ts';

type Suite = 'unit' | 'integration' | 'web' | 'browser';
const args = process.argv.slice(2);
const only = args.find((a) => a.startsWith('--only='))?.slice(7) as Suite | undefined;
const engineArg = args.find((a) => a.startsWith('--engine='))?.slice(9);
const skipChecks = args.includes('--skip-checks');
const filters = args.filter((a) => !a.startsWith('--'));

function run(label: string, command: string, commandArgs: string[], env: Record<string, string> = {}): void {
  process.stdout.write(`\n=== ${label} ===\n`);
  const result = spawnSync(command, commandArgs, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) {
    process.stdout.write(`\n✗ ${label} failed\n`);
    process.exit(result.status ?? 1);
  }
}

function testFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const files: string[] = [];
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) files.push(...testFiles(path));
    else if (/\.test\.tsx?$/.test(entry)) files.push(path);
  }
  return files.filter((f) => filters.length === 0 || filters.some((filter) => f.includes(filter))).sort();
}

function nodeTest(label: string, files: string[], env: Record<string, string>, concurrency = 2): void {
  if (files.length === 0) return;
  // A test that waits forever (e.g. a query blocked behind its own transaction on PGlite) fails after five minutes instead (the authorization matrix alone needs two on a busy machine).
  // A file ends with its last test: a start refused on purpose (route-contract) leaves something open on PGlite that would keep the file alive until the timeout.
  run(label, process.execPath, ['--import', 'tsx', '--test', '--test-force-exit', `--test-concurrency=${concurrency}`, '--test-timeout=300000', '--test-reporter=spec', ...files], env);
}

const wants = (suite: Suite) => !only || only === suite;
const engines = engineArg ? [engineArg as 'postgres' | 'pglite'] : (['postgres', 'pglite'] as const).slice();

if (!skipChecks && !only) {
  run('type check', process.execPath, ['node_modules/typescript/bin/tsc', '--noEmit']);
  run('lint', process.execPath, ['node_modules/@biomejs/biome/bin/biome', 'check']);
}

if (wants('unit')) nodeTest('unit tests', testFiles('test/unit'), {});

if (wants('integration') || wants('web') || wants('browser')) {
  process.stdout.write('\n=== preparing template databases ===\n');
  const needed = wants('integration') ? engines : engines.filter((e) => e === 'postgres');
  await prepareTemplates(needed.length ? needed : ['postgres']);
}

if (wants('integration')) {
  for (const engine of engines) nodeTest(`integration tests on ${engine}`, testFiles('test/integration'), { TEST_ENGINE: engine });
}
if (wants('web')) nodeTest('web tests (authorization, bad input)', testFiles('test/web'), { TEST_ENGINE: 'postgres' });
if (wants('browser')) nodeTest('browser tests (chromium, axe-core)', testFiles('test/browser'), { TEST_ENGINE: 'postgres' }, 1);

process.stdout.write('\n✓ all tests passed\n');
