/**
 * The layout rules of CONTRIBUTING.md, checked over the source: SQL only in repositories, small
 * files, typed routes without casts, modules meeting only through their index.ts, a platform that
 * knows no module.
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

const files = sourceFiles(SRC).map((path) => ({ path: relative(SRC, path).split(sep).join('/'), text: readFileSync(path, 'utf8') }));
const SQL = /\.(selectFrom|insertInto|updateTable|deleteFrom|replaceInto|mergeInto)\(|\bsql(<[^>]*>)?`|\bsql\.(raw|ref|table|id|lit|join)\(/;

/** Where SQL may stand besides *repository.ts: demo data, the migration runner and the database connection itself. */
const SQL_ALLOWED = [/(^|\/)[\w-]*repository\.ts$/, /(^|\/)demo\.ts$/, /^platform\/db\/(connect|migrate|pglite-dialect|prepared|transaction-guard)\.ts$/];

describe('code layout', () => {
  it('keeps SQL in repository files', () => {
    const offenders = files.filter((f) => SQL.test(f.text) && !SQL_ALLOWED.some((re) => re.test(f.path))).map((f) => f.path);
    assert.deepEqual(offenders, [], 'SQL outside *repository.ts');
  });

  it('keeps every file under 400 lines', () => {
    const long = files.filter((f) => f.text.split('\n').length > 400).map((f) => `${f.path} (${f.text.split('\n').length})`);
    assert.deepEqual(long, []);
  });

  it('reads params, query and body typed from the route schema, never cast', () => {
    const casts = files.filter((f) => /request\.(params|query|body)\s+as\b/.test(f.text)).map((f) => f.path);
    assert.deepEqual(casts, []);
  });

  it('lets a module reach another only through its index.ts, and the platform none', () => {
    const wrong: string[] = [];
    for (const f of files) {
      const own = /^modules\/([\w-]+)\//.exec(f.path)?.[1];
      for (const [, target] of f.text.matchAll(/from '([^']+)'/g)) {
        if (!target?.startsWith('.')) continue;
        const resolved = relative(SRC, join(SRC, f.path, '..', target))
          .split(sep)
          .join('/');
        if (f.path.startsWith('platform/') && !resolved.startsWith('platform/')) wrong.push(`${f.path} → ${resolved}`);
        const other = /^modules\/([\w-]+)\/(.+)$/.exec(resolved);
        if (own && other && other[1] !== own && other[2] !== 'index.ts') wrong.push(`${f.path} → ${resolved}`);
      }
    }
    assert.deepEqual(wrong, []);
  });

  it('keeps surveys on their own: they import neither participation nor events', () => {
    const surveys = files.filter((f) => f.path.startsWith('modules/surveys/') && /from '\.\.\/(participation|events)\//.test(f.text)).map((f) => f.path);
    assert.deepEqual(surveys, []);
  });
});
