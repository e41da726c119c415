import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import type { AppServices } from '../../platform/module.ts';
import { collections, readAll, toCsv } from './service.ts';

export const BULK_JOB = 'opendata-bulk';
export const BULK_FILE = 'alle.zip';

export interface BulkMeta {
  builtAt: Date;
  bytes: number;
  /** How long the build took, in milliseconds. */
  ms: number;
  files: string[];
}

function dir(services: AppServices): string {
  return join(services.config.dataDir, 'opendata');
}

/** The bulk download: a ZIP of every collection as CSV, written beside its description and swapped in whole. */
export async function buildBulk(services: AppServices): Promise<BulkMeta> {
  const started = Date.now();
  const files: Record<string, Uint8Array> = {};
  for (const collection of collections(services)) {
    files[`${collection.id}.csv`] = strToU8(toCsv(collection, await readAll(services, collection)));
  }
  const zip = zipSync(files, { level: 6, mtime: new Date() });
  await mkdir(dir(services), { recursive: true });
  const target = join(dir(services), BULK_FILE);
  await writeFile(`${target}.tmp`, zip);
  await rename(`${target}.tmp`, target);
  const meta: BulkMeta = { builtAt: new Date(), bytes: zip.length, ms: Date.now() - started, files: Object.keys(files) };
  await writeFile(join(dir(services), 'alle.json'), JSON.stringify(meta));
  return meta;
}

/** When the bulk file was last built and how big it is; null before the first build. */
export async function bulkInfo(services: AppServices): Promise<BulkMeta | null> {
  try {
    const meta = JSON.parse(await readFile(join(dir(services), 'alle.json'), 'utf8')) as BulkMeta & { builtAt: string };
    return { ...meta, builtAt: new Date(meta.builtAt) };
  } catch {
    return null;
  }
}

export function bulkPath(services: AppServices): string {
  return join(dir(services), BULK_FILE);
}
