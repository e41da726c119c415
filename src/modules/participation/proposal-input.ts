import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import { ValidationError } from '../../platform/http/errors.ts';
import { districtOptions } from '../municipalities/index.ts';
import { fieldsOfTown } from '../strategy/index.ts';

export const IMAGE_MAX_BYTES = 5 * 1024 * 1024;

export interface ProposalInput {
  title: string;
  body: string;
  fieldId?: number;
  districtId?: number;
  /** One of the process's places, or empty. */
  place?: string;
  /** A point inside the town, chosen on its map. */
  point?: { latitude: number; longitude: number } | null;
}

/** What a proposal's author writes, as columns: the same for a new proposal and an edited one. */
export function proposalColumns(input: ProposalInput) {
  return {
    title: input.title,
    body: input.body,
    field_id: input.fieldId ?? null,
    district_id: input.districtId ?? null,
    place: input.place ?? '',
    latitude: input.point?.latitude ?? null,
    longitude: input.point?.longitude ?? null,
  };
}

/** Place, field of action and district of a proposal must be the process's and the town's own. */
export async function checkProposalInput(db: Kysely<Database>, municipalityId: number, input: ProposalInput, places: string[]): Promise<void> {
  if (input.place && !places.includes(input.place)) throw new ValidationError({ place: { key: 'validation.choice' } });
  if (input.fieldId !== undefined && !(await fieldsOfTown(db, municipalityId)).some((f) => f.id === input.fieldId)) throw new ValidationError({ fieldId: { key: 'validation.choice' } });
  if (input.districtId) {
    const districts = await districtOptions(db, municipalityId);
    if (!districts.some((d) => d.id === input.districtId)) throw new ValidationError({ districtId: { key: 'validation.choice' } });
  }
}
