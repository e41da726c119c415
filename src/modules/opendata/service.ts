import { createHash } from 'node:crypto';
import { stringify } from 'csv-stringify/sync';
import type { AppServices } from '../../platform/module.ts';
import { MODIFIED_COLUMN, type OpenDataCollection, type OpenDataQuery } from '../../platform/open-data.ts';
import { AppError } from '../../platform/http/errors.ts';
import { isAgs, municipalityOptions } from '../municipalities/index.ts';

/** Rows read per query when a whole collection is written as a file. */
const BATCH = 2000;

/** Every collection the modules declare, in module order. */
export function collections(services: AppServices): OpenDataCollection[] {
  return services.modules().flatMap((m) => m.openData ?? []);
}

export function findCollection(services: AppServices, id: string): OpenDataCollection {
  const found = collections(services).find((c) => c.id === id);
  if (!found) throw AppError.notFound();
  return found;
}

/** The column names of a collection, in the order of its row schema. */
export function columnsOf(collection: OpenDataCollection): string[] {
  return Object.keys(collection.row.properties);
}

/** A row as it is published: exactly the declared columns in their order, dates as ISO text. */
export function publishedRow(columns: string[], row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const column of columns) {
    const value = row[column];
    out[column] = value instanceof Date ? value.toISOString() : value === undefined ? null : value;
  }
  return out;
}

/** The municipality of an AGS, for ?ags=: 404 for an unknown key. */
export async function townOf(services: AppServices, ags: string | undefined): Promise<{ id: number; ags: string; name: string } | undefined> {
  if (ags === undefined) return undefined;
  if (!isAgs(ags)) throw AppError.notFound();
  const town = (await townIndex(services)).get(ags);
  if (!town) throw AppError.notFound();
  return town;
}

type TownIndex = { at: number; map: Map<string, { id: number; ags: string; name: string }> };
const townIndexes = new WeakMap<AppServices, TownIndex>();
/** The register changes once a year; a minute-old copy serves the API without a query per request. */
async function townIndex(services: AppServices) {
  let index = townIndexes.get(services);
  if (!index || index.at < Date.now() - 60_000) {
    const rows = await municipalityOptions(services.db);
    index = { at: Date.now(), map: new Map(rows.map((r) => [r.ags, { id: r.id, ags: r.ags, name: r.name }])) };
    townIndexes.set(services, index);
  }
  return index.map;
}

/**
 * One page of a collection: the published rows and the cursor of the next page (null on the last);
 * `lastModified` when the collection reads it with its rows (`modifiedInRows`) and the page has one.
 */
export async function readPage(services: AppServices, collection: OpenDataCollection, query: OpenDataQuery) {
  const rows = await collection.rows(services, { ...query, limit: query.limit + 1 });
  const columns = columnsOf(collection);
  const page = rows.slice(0, query.limit).map((r) => publishedRow(columns, r));
  const last = page.at(-1);
  const modified = collection.modifiedInRows ? rows[0]?.[MODIFIED_COLUMN] : undefined;
  return {
    data: page,
    next: rows.length > query.limit && last ? Number(last.id) : null,
    lastModified: modified === undefined ? undefined : wholeSeconds(modified as Date | string | null),
  };
}

/** Every row of a collection (of one town), read in batches by id. */
export async function readAll(services: AppServices, collection: OpenDataCollection, municipalityId?: number): Promise<Array<Record<string, unknown>>> {
  const all: Array<Record<string, unknown>> = [];
  let after: number | undefined;
  for (;;) {
    const { data, next } = await readPage(services, collection, { municipalityId, filters: {}, after, limit: BATCH });
    all.push(...data);
    if (next === null) return all;
    after = next;
  }
}

/** A cell of the CSV file: lists joined with " | ", null as an empty cell. */
function cell(value: unknown): string | number {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (Array.isArray(value)) return value.map((v) => (v === null ? '' : String(v))).join(' | ');
  if (typeof value === 'object') return JSON.stringify(value);
  return value as string | number;
}

/** CSV as the other files of the platform: semicolons, UTF-8 with byte-order mark, a header row of the stable column names. */
export function toCsv(collection: OpenDataCollection, rows: Array<Record<string, unknown>>): string {
  const columns = columnsOf(collection);
  return `\uFEFF${stringify(
    rows.map((r) => columns.map((c) => cell(r[c]))),
    { header: true, columns, delimiter: ';' },
  )}`;
}

/** A strong validator of a body: the same rows give the same ETag. */
export function etagOf(body: string | Buffer): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
}

/** The latest change of a collection (of one town), rounded down to the second as HTTP dates are. */
export async function lastModifiedOf(services: AppServices, collection: OpenDataCollection, municipalityId?: number): Promise<Date | null> {
  return wholeSeconds(collection.lastModified ? await collection.lastModified(services, { municipalityId }) : null);
}

/** HTTP dates have whole seconds: a client's If-Modified-Since must compare equal to what it was sent. */
function wholeSeconds(at: Date | string | null): Date | null {
  if (at === null) return null;
  const time = new Date(at).getTime();
  return Number.isNaN(time) ? null : new Date(Math.floor(time / 1000) * 1000);
}
