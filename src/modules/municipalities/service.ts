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

/**
 * Whether a town takes part in the programme: the table is this module's, the decision the
 * programme office's, so the caller has checked its policy. Each change is audited in its transaction.
 */
export function participationService(db: Kysely<Database>) {
  return {
    exists(municipalityId: number): Promise<boolean> {
      return municipalitiesRepository(db).exists(municipalityId);
    },

    async mark(actor: Actor, municipalityId: number, joinedOn: string, cohortLabel: string): Promise<void> {
      await db.transaction().execute(async (trx) => {
        const repo = municipalitiesRepository(trx);
        if (!(await repo.exists(municipalityId))) throw new ValidationError({ municipalityId: { key: 'admin.users.municipality_unknown' } });
        const before = await repo.participation(municipalityId);
        await repo.upsertParticipation({ municipality_id: municipalityId, joined_on: joinedOn, cohort_label: cohortLabel });
        await writeAudit(trx, actor, {
          action: before ? 'participation.updated' : 'participation.started',
          entityType: 'municipality',
          entityId: municipalityId,
          municipalityId,
          before: before ? { joinedOn: before.joined_on, cohort: before.cohort_label } : undefined,
          after: { joinedOn, cohort: cohortLabel },
        });
      });
    },

    /** A town that does not take part is not found: there is nothing to end. */
    async end(actor: Actor, municipalityId: number): Promise<void> {
      await db.transaction().execute(async (trx) => {
        const repo = municipalitiesRepository(trx);
        const before = await repo.participation(municipalityId);
        if (!before) throw AppError.notFound();
        await repo.deleteParticipation(municipalityId);
        await writeAudit(trx, actor, {
          action: 'participation.ended',
          entityType: 'municipality',
          entityId: municipalityId,
          municipalityId,
          before: { joinedOn: before.joined_on, cohort: before.cohort_label },
        });
      });
    },
  };
}
