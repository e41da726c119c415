import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';

const DIR = join(import.meta.dirname, '../../src/modules/surveys');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

describe('the survey engine stands alone', () => {
  it('imports neither participation nor events (they use surveys, not the other way round)', () => {
    const offending = sources(DIR).filter((file) => /from '(\.\.\/)+(participation|events)\//.test(readFileSync(file, 'utf8')));
    assert.deepEqual(offending, []);
  });
});
