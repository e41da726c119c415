import { AppError } from './errors.ts';

/** An id from the URL: digits only, or the page does not exist. */
export function parseId(raw: string): number {
  if (!/^\d{1,9}$/.test(raw)) throw AppError.notFound();
  return Number(raw);
}

/** The `seite` parameter of a list; anything odd means the first page. */
export function pageNumber(raw: string | undefined): number {
  const page = Number.parseInt(raw ?? '1', 10);
  return Number.isFinite(page) && page > 0 && page < 100_000 ? page : 1;
}
