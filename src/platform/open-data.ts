import { type TObject, type TSchema, Type } from '@sinclair/typebox';
import type { AppServices } from './module.ts';

/** What one read of a collection asks for: rows after a cursor, at most `limit`, optionally of one town and with the list's filters. */
export interface OpenDataQuery {
  /** Only rows of this municipality (collections with `perTown`). */
  municipalityId?: number;
  /** The collection's own filters (as declared in `filters`), already validated. */
  filters: Record<string, string | number | boolean | undefined>;
  /** Rows with an id greater than this (keyset paging by id). */
  after?: number;
  limit: number;
}

/**
 * A public collection a module offers as open data (CSV, JSON, the read API /api/v1 and the DCAT
 * catalogue). The row schema is the contract: its property names are the stable column names, each
 * property's type and `description` are the documented types; every row has an integer `id`, the
 * order and the paging cursor.
 */
export interface OpenDataCollection {
  /** Stable, lower-case with hyphens: /opendata/<id>.csv, /api/v1/<id>. */
  id: string;
  titleKey: string;
  textKey: string;
  row: TObject;
  /** Query filters as on the HTML list (beside `ags`), each a TypeBox schema with a description. */
  filters?: Record<string, TSchema>;
  /** The rows belong to a municipality (column `ags`): filter ?ags= and one dataset per town in the catalogue. */
  perTown?: boolean;
  /** Free keywords for the catalogue (German). */
  keywords?: string[];
  /** EU data themes (http://publications.europa.eu/resource/authority/data-theme/…), e.g. SOCI, GOVE, EDUC. */
  themes?: string[];
  rows(services: AppServices, query: OpenDataQuery): Promise<Array<Record<string, unknown>>>;
  /** When the collection (of one town) last changed; null when unknown or empty. */
  lastModified?(services: AppServices, query: Pick<OpenDataQuery, 'municipalityId'>): Promise<Date | null>;
  /**
   * The rows carry that time too, in the column MODIFIED_COLUMN (the same for every row, not
   * published): a page of the API then takes one statement instead of two.
   */
  modifiedInRows?: boolean;
}

/** The column of a page's rows with the time its collection (of one town) last changed, where `modifiedInRows`. */
export const MODIFIED_COLUMN = 'collection_modified_at';

/** Values as they travel in JSON: dates as ISO text, bigint/numeric text as numbers where the schema says number. */
export function plainValue(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  return value;
}

/** Column types of open-data rows: each with its documentation, so the CSV, the JSON and the OpenAPI document say the same. */
export const Col = {
  id: (description: string) => Type.Integer({ minimum: 1, description }),
  int: (description: string) => Type.Integer({ description }),
  number: (description: string) => Type.Number({ description }),
  text: (description: string) => Type.String({ description }),
  date: (description: string) => Type.String({ format: 'date', description }),
  dateTime: (description: string) => Type.String({ format: 'date-time', description }),
  bool: (description: string) => Type.Boolean({ description }),
  list: (description: string) => Type.Array(Type.String(), { description }),
  oneOf: (values: readonly string[], description: string) =>
    Type.Union(
      values.map((v) => Type.Literal(v)),
      { description },
    ),
  ags: () => Type.String({ pattern: '^[0-9]{8}$', description: 'Amtlicher Gemeindeschlüssel (AGS) of the municipality, 8 digits' }),
  nullable: <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()], { description: schema.description }),
};
