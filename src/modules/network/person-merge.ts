import { type Static, Type } from '@sinclair/typebox';
import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/access/actor.ts';
import { writeAudit } from '../../platform/audit/audit.ts';
import type { Database } from '../../platform/db/schema.ts';
import { AppError } from '../../platform/http/errors.ts';
import { duplicatesRepository } from './duplicates-repository.ts';
import { peopleDuplicatesRepository } from './people-duplicates-repository.ts';
import { can, ownRecord } from './policy.ts';
import type { Town } from './service.ts';

/**
 * What a person merge lets the coordinator choose. The consent is one choice: purpose, version and
 * date belong to one declaration and are never mixed from two.
 */
export const PERSON_MERGE_FIELDS = ['name', 'account', 'consent'] as const;
export type PersonMergeField = (typeof PERSON_MERGE_FIELDS)[number];

const Side = Type.Union([Type.Literal('keep'), Type.Literal('other')]);
export const PersonMergeForm = Type.Object(Object.fromEntries(PERSON_MERGE_FIELDS.map((f) => [f, Side])) as Record<PersonMergeField, typeof Side>);
export type PersonMergeInput = Static<typeof PersonMergeForm>;

/** "Not a duplicate" and the merge of two people of a town's network. */
export function networkPersonMergeService(db: Kysely<Database>) {
  const reads = peopleDuplicatesRepository(db);

  function authorize(actor: Actor, town: Town): void {
    if (!can(actor, 'manage', { municipalityId: town.id })) throw AppError.forbidden();
  }

  /** Both people locked, each of the town with consent holding; any other id is a 404. */
  async function lockPair(trx: Kysely<Database>, town: Town, id: number, otherId: number) {
    if (id === otherId) throw AppError.notFound();
    const rows = await peopleDuplicatesRepository(trx).lock([id, otherId]);
    const first = ownRecord(
      rows.find((r) => r.id === id),
      town,
    );
    const second = ownRecord(
      rows.find((r) => r.id === otherId),
      town,
    );
    return [first, second] as const;
  }

  return {
    pairs(town: Town) {
      return reads.pairs(town.id);
    },
    /** Both people of the town for the merge page (404 for any other id, a revoked one, or the same one twice). */
    async mergePair(town: Town, keepId: number, otherId: number) {
      const records = await reads.mergeRecords(town.id, [keepId, otherId]);
      const keep = records.find((r) => r.id === keepId);
      const other = records.find((r) => r.id === otherId);
      if (!keep || !other || keepId === otherId) throw AppError.notFound();
      return [keep, other] as const;
    },

    async markDistinct(actor: Actor, town: Town, id: number, otherId: number): Promise<void> {
      authorize(actor, town);
      await db.transaction().execute(async (trx) => {
        await lockPair(trx, town, id, otherId);
        await duplicatesRepository(trx).markPeopleDistinct(town.id, id, otherId, actor.kind === 'user' ? actor.userId : null);
        await writeAudit(trx, actor, {
          action: 'network.people_distinct',
          entityType: 'network_person',
          entityId: Math.min(id, otherId),
          municipalityId: town.id,
          after: { first: Math.min(id, otherId), second: Math.max(id, otherId) },
        });
      });
    },

    /**
     * Merges person `otherId` into `keepId`: the kept record takes the chosen name, account link and
     * consent, every membership moves to it, and the other record is deleted — in one transaction
     * with both rows locked. The audit names no one (a later revocation must leave no name behind):
     * it keeps the ids, the choices and what moved.
     */
    async merge(actor: Actor, town: Town, keepId: number, otherId: number, input: PersonMergeInput) {
      authorize(actor, town);
      return db.transaction().execute(async (trx) => {
        const [keep, other] = await lockPair(trx, town, keepId, otherId);
        const from = (field: PersonMergeField) => (input[field] === 'other' ? other : keep);
        const consent = from('consent');
        const values = {
          name: from('name').name,
          user_id: from('account').user_id,
          consent_purpose: consent.consent_purpose,
          consent_version: consent.consent_version,
          consent_given_at: consent.consent_given_at,
        };
        const repo = peopleDuplicatesRepository(trx);
        const moved = await repo.moveLinks(keepId, otherId);
        await repo.finish(town.id, keepId, otherId, values);
        await writeAudit(trx, actor, {
          action: 'network.people_merged',
          entityType: 'network_person',
          entityId: keepId,
          municipalityId: town.id,
          before: {
            kept: { id: keep.id, linked: keep.user_id !== null, consentVersion: keep.consent_version },
            merged: { id: other.id, linked: other.user_id !== null, consentVersion: other.consent_version },
          },
          after: { choices: input, linked: values.user_id !== null, consentVersion: values.consent_version, moved },
        });
        return moved;
      });
    },
  };
}
