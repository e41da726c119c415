import type { PageRequest } from '../../platform/http/pagination.ts';
import { type Static, Type } from '@sinclair/typebox';
import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/access/actor.ts';
import { writeAudit } from '../../platform/audit/audit.ts';
import type { Database } from '../../platform/db/schema.ts';
import { AppError, ValidationError } from '../../platform/http/errors.ts';
import { duplicatesRepository, type OrganisationProbe } from './duplicates-repository.ts';
import { can, ownRecord } from './policy.ts';
import type { Town } from './service.ts';

/** The fields a merge lets the coordinator choose, as the form names them, with their columns. */
export const MERGE_FIELDS = {
  name: 'name',
  type: 'type',
  fieldsOfAction: 'fields_of_action',
  districtId: 'district_id',
  address: 'address',
  website: 'website',
  email: 'email',
  languages: 'languages',
  description: 'description',
  isPublic: 'is_public',
} as const;
export type MergeField = keyof typeof MERGE_FIELDS;

const Side = Type.Union([Type.Literal('keep'), Type.Literal('other')]);
/** One choice per field: the value of the record kept, or of the one merged into it. */
export const MergeForm = Type.Object(Object.fromEntries(Object.keys(MERGE_FIELDS).map((f) => [f, Side])) as Record<MergeField, typeof Side>);
export type MergeInput = Static<typeof MergeForm>;

/** Likely duplicates, "not a duplicate" decisions and the merge of two organisations of a town. */
export function networkMergeService(db: Kysely<Database>) {
  const reads = duplicatesRepository(db);

  function authorize(actor: Actor, town: Town): void {
    if (!can(actor, 'manage', { municipalityId: town.id })) throw AppError.forbidden();
  }

  return {
    /** Organisations of the town that look like the one being entered (or like record `exceptId`). */
    organisationHits(town: Town, probe: OrganisationProbe, exceptId?: number) {
      return reads.organisationHits(town.id, probe, exceptId);
    },
    organisationPairs(town: Town, page: PageRequest) {
      return reads.organisationPairs(town.id, page);
    },
    /** How many of the town's organisations a large import or change queued and the job has not compared yet. */
    queuedCandidates(town: Town) {
      return reads.queuedCandidates(town.id);
    },
    personHits(town: Town, probe: { name: string; userId?: number | null }) {
      return reads.personHits(town.id, probe);
    },

    /** Remembers that two organisations of the town are not the same; either id from elsewhere is a 404. */
    async markOrganisationsDistinct(actor: Actor, town: Town, id: number, otherId: number): Promise<void> {
      authorize(actor, town);
      if (id === otherId) throw AppError.notFound();
      await db.transaction().execute(async (trx) => {
        const repo = duplicatesRepository(trx);
        const rows = await repo.lockOrganisations([id, otherId]);
        for (const wanted of [id, otherId])
          ownRecord(
            rows.find((r) => r.id === wanted),
            town,
          );
        await repo.markOrganisationsDistinct(town.id, id, otherId, actor.kind === 'user' ? actor.userId : null);
        await writeAudit(trx, actor, {
          action: 'network.organisations_distinct',
          entityType: 'network_organisation',
          entityId: Math.min(id, otherId),
          municipalityId: town.id,
          after: { first: Math.min(id, otherId), second: Math.max(id, otherId) },
        });
      });
    },

    /**
     * Merges `otherId` into `keepId`: the kept record takes the chosen value of each field, every
     * membership, cooperation and event link moves to it, and the other record is deleted — all in
     * one transaction with both rows locked, audited with both records as they were.
     */
    async mergeOrganisations(actor: Actor, town: Town, keepId: number, otherId: number, input: MergeInput) {
      authorize(actor, town);
      if (keepId === otherId) throw AppError.notFound();
      return db.transaction().execute(async (trx) => {
        const repo = duplicatesRepository(trx);
        const rows = await repo.lockOrganisations([keepId, otherId]);
        const keep = ownRecord(
          rows.find((r) => r.id === keepId),
          town,
        );
        const other = ownRecord(
          rows.find((r) => r.id === otherId),
          town,
        );
        const values: Record<string, unknown> = {};
        for (const [field, column] of Object.entries(MERGE_FIELDS) as Array<[MergeField, (typeof MERGE_FIELDS)[MergeField]]>) {
          values[column] = input[field] === 'other' ? other[column] : keep[column];
        }
        if (typeof values.name !== 'string' || values.name.trim() === '') throw new ValidationError({ name: { key: 'validation.required' } });
        const moved = await repo.moveOrganisationLinks(keepId, otherId);
        await repo.finishMerge(town.id, keepId, otherId, values);
        const strip = ({ search: _s, name_key: _n, website_key: _w, email_key: _e, address_key: _a, ...rest }: typeof keep) => rest;
        await writeAudit(trx, actor, {
          action: 'network.organisations_merged',
          entityType: 'network_organisation',
          entityId: keepId,
          municipalityId: town.id,
          before: { kept: strip(keep), merged: strip(other) },
          after: { ...values, moved },
        });
        return moved;
      });
    },
  };
}
