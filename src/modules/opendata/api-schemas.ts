import { type TObject, type TSchema, Type } from '@sinclair/typebox';
import type { OpenDataCollection } from '../../platform/open-data.ts';

/** The largest page the read API hands out; the default is smaller. */
export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 25;

/** An error as RFC 9457 problem details (application/problem+json). */
export const Problem = Type.Object(
  {
    type: Type.String({ description: 'about:blank: the status says it all' }),
    title: Type.String({ description: 'Short text of the status' }),
    status: Type.Integer({ description: 'HTTP status' }),
    detail: Type.String({ description: 'What went wrong' }),
    code: Type.String({ description: 'Stable code, e.g. not_found, bad_request, rate_limited' }),
  },
  { $id: undefined, description: 'Problem details (RFC 9457)' },
);

/** The query of a collection: town, cursor, page size and the collection's own filters. */
export function collectionQuery(collection: OpenDataCollection): TObject {
  const filters: Record<string, TSchema> = {};
  for (const [name, schema] of Object.entries(collection.filters ?? {})) filters[name] = Type.Optional(schema);
  return Type.Object({
    ...(collection.perTown ? { ags: Type.Optional(Type.String({ pattern: '^[0-9]{8}$', description: 'Only rows of this municipality (AGS, 8 digits)' })) } : {}),
    after: Type.Optional(Type.Integer({ minimum: 0, maximum: 2147483647, description: 'Cursor: only rows with an id greater than this (links.next carries it)' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE, description: `Rows per page, at most ${MAX_PAGE_SIZE}` })),
    ...filters,
  });
}

/** One page of a collection: its rows in id order and the link to the next page. */
export function collectionPage(collection: OpenDataCollection): TObject {
  return Type.Object({
    data: Type.Array(collection.row),
    links: Type.Object({
      self: Type.String({ description: 'This page' }),
      next: Type.Union([Type.String(), Type.Null()], { description: 'The next page; null on the last' }),
    }),
    meta: Type.Object({
      collection: Type.String(),
      limit: Type.Integer(),
      licence: Type.String({ description: 'Licence of the data' }),
    }),
  });
}

export const CollectionIndex = Type.Object({
  collections: Type.Array(
    Type.Object({
      id: Type.String(),
      title: Type.String(),
      href: Type.String({ description: 'Address of the collection in this API' }),
      csv: Type.String({ description: 'The whole collection as CSV' }),
      json: Type.String({ description: 'The whole collection as JSON' }),
      per_town: Type.Boolean({ description: 'Rows belong to a municipality and can be filtered with ags' }),
    }),
  ),
  openapi: Type.String(),
});
