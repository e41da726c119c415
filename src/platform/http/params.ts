import { AppError } from './errors.ts';

/** An id from a query or form field: digits only, else none. */
export function optionalId(raw: string | undefined): number | undefined {
  return raw !== undefined && /^\d{1,9}$/.test(raw) ? Number(raw) : undefined;
}

/** An id from the URL: digits only, or the page does not exist. */
export function parseId(raw: string): number {
  const id = optionalId(raw);
  if (id === undefined) throw AppError.notFound();
  return id;
}

/** The `seite` parameter of a list; anything odd means the first page. */
export function pageNumber(raw: string | undefined): number {
  const page = Number.parseInt(raw ?? '1', 10);
  return Number.isFinite(page) && page > 0 && page < 100_000 ? page : 1;
}
