import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/access/actor.ts';
import { writeAudit } from '../../platform/audit/audit.ts';
import type { Database } from '../../platform/db/schema.ts';
import { AppError, ValidationError } from '../../platform/http/errors.ts';
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

export interface DistrictInput {
  name: string;
  description?: string;
}

/** Districts of one municipality; the caller has checked the policy. Names are unique per town. */
export function districtService(db: Kysely<Database>) {
  return {
    async add(actor: Actor, municipalityId: number, input: DistrictInput): Promise<number> {
      return db.transaction().execute(async (trx) => {
        const repo = municipalitiesRepository(trx);
        if (await repo.districtNameTaken(municipalityId, input.name)) throw new ValidationError({ name: { key: 'municipalities.districts.name_taken' } });
        const { id } = await repo.insertDistrict({ municipality_id: municipalityId, name: input.name, description: input.description ?? '' });
        await writeAudit(trx, actor, { action: 'district.created', entityType: 'district', entityId: id, municipalityId, after: input });
        return id;
      });
    },

    async update(actor: Actor, municipalityId: number, id: number, input: DistrictInput): Promise<void> {
      await db.transaction().execute(async (trx) => {
        const repo = municipalitiesRepository(trx);
        const before = await repo.district(municipalityId, id);
        if (!before) throw AppError.notFound();
        if (await repo.districtNameTaken(municipalityId, input.name, id)) throw new ValidationError({ name: { key: 'municipalities.districts.name_taken' } });
        const after = { name: input.name, description: input.description ?? '' };
        await repo.updateDistrict(municipalityId, id, after);
        await writeAudit(trx, actor, { action: 'district.updated', entityType: 'district', entityId: id, municipalityId, before, after });
      });
    },

    async remove(actor: Actor, municipalityId: number, id: number): Promise<void> {
      await db.transaction().execute(async (trx) => {
        const repo = municipalitiesRepository(trx);
        const before = await repo.district(municipalityId, id);
        if (!before) throw AppError.notFound();
        await repo.deleteDistrict(municipalityId, id);
        await writeAudit(trx, actor, { action: 'district.deleted', entityType: 'district', entityId: id, municipalityId, before });
      });
    },
  };
}
