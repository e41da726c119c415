import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import { AppError } from '../../platform/http/errors.ts';
import { type MunicipalityRow, municipalitiesRepository } from './repository.ts';

const AGS_RE = /^06\d{6}$/;

/** The municipality behind a URL's AGS, or the 404 page: a malformed key is simply not found. */
export async function requireMunicipality(db: Kysely<Database>, ags: string): Promise<MunicipalityRow> {
  if (!AGS_RE.test(ags)) throw AppError.notFound();
  const municipality = await municipalitiesRepository(db).findByAgs(ags);
  if (!municipality) throw AppError.notFound();
  return municipality;
}

export function isAgs(value: string): boolean {
  return AGS_RE.test(value);
}
