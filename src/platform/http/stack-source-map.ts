import { existsSync, readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { fileURLToPath } from 'node:url';

/**
 * Stack frames of the compiled bundle mapped back to src/, when an error is logged rather than
 * at every start: `--enable-source-maps` reads the bundle's 14 MB map while Node loads it, a
 * quarter of a restart. The map is read at the first logged error and kept.
 */
const maps = new Map<string, SourceMap | null>();

function mapFor(file: string): SourceMap | null {
  let map = maps.get(file);
  if (map === undefined) {
    const path = `${file}.map`;
    try {
      map = existsSync(path) ? new SourceMap(JSON.parse(readFileSync(path, 'utf8'))) : null;
    } catch {
      map = null;
    }
    maps.set(file, map);
  }
  return map;
}

const FRAME = /(file:\/\/[^\s()]+?\.m?js|\/[^\s():]+?\.m?js):(\d+):(\d+)/g;

/** The stack with every frame in a file that has a source map next to it named by its source file, line and column. */
export function mappedStack(stack: string): string {
  return stack.replace(FRAME, (frame, location: string, line: string, column: string) => {
    const file = location.startsWith('file://') ? fileURLToPath(location) : location;
    const entry = mapFor(file)?.findEntry(Number(line) - 1, Number(column) - 1) as { originalSource?: string; originalLine?: number; originalColumn?: number } | undefined;
    if (!entry?.originalSource || entry.originalLine === undefined || entry.originalColumn === undefined) return frame;
    const source = entry.originalSource.startsWith('file://') ? fileURLToPath(entry.originalSource) : entry.originalSource;
    return `${source}:${entry.originalLine + 1}:${entry.originalColumn + 1}`;
  });
}
