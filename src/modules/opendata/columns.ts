import type { TSchema } from '@sinclair/typebox';
import type { OpenDataCollection } from '../../platform/open-data.ts';

export interface ColumnDoc {
  name: string;
  type: string;
  description: string;
}

/** A readable type of a column schema, e.g. "date or null", "one of: open, done". */
export function typeName(schema: TSchema): string {
  const s = schema as TSchema & { anyOf?: TSchema[]; type?: string; format?: string; const?: unknown; items?: TSchema };
  if (s.anyOf) {
    const nullable = s.anyOf.some((x) => (x as { type?: string }).type === 'null');
    const rest = s.anyOf.filter((x) => (x as { type?: string }).type !== 'null');
    const literals = rest.every((x) => (x as { const?: unknown }).const !== undefined);
    const base = literals ? `one of: ${rest.map((x) => String((x as { const?: unknown }).const)).join(', ')}` : rest.map(typeName).join(' or ');
    return nullable ? `${base} or null` : base;
  }
  if (s.const !== undefined) return String(s.const);
  if (s.type === 'array') return `list of ${s.items ? typeName(s.items) : 'values'}`;
  if (s.type === 'string' && s.format) return s.format;
  if (s.type === 'string' && s.pattern === '^[0-9]{8}$') return 'string (8 digits)';
  return String(s.type ?? 'value');
}

/** The documented columns of a collection, from its row schema. */
export function columnDocs(collection: OpenDataCollection): ColumnDoc[] {
  return Object.entries(collection.row.properties).map(([name, schema]) => ({ name, type: typeName(schema), description: String(schema.description ?? '') }));
}

/** The documented query filters of a collection (beside ags, after and limit). */
export function filterDocs(collection: OpenDataCollection): ColumnDoc[] {
  return Object.entries(collection.filters ?? {}).map(([name, schema]) => ({ name, type: typeName(schema), description: String(schema.description ?? '') }));
}
