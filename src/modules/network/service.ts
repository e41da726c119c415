import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/access/actor.ts';
import { writeAudit } from '../../platform/audit/audit.ts';
import { authRepository } from '../../platform/auth/repository.ts';
import type { Database } from '../../platform/db/schema.ts';
import { AppError, type FieldErrors, ValidationError } from '../../platform/http/errors.ts';
import { districtOptions } from '../municipalities/index.ts';
import { type DuplicateHit, duplicatesRepository, type PersonHit } from './duplicates-repository.ts';
import { type CooperationInput, type MembershipInput, type OrganisationInput, type PersonInput, tagList } from './forms.ts';
import { belongsToTown, can, ownRecord } from './policy.ts';
import { networkRepository } from './repository.ts';

/** A new record looks like existing ones; the form shows them and asks again. */
export class LikelyDuplicates extends Error {
  constructor(readonly hits: DuplicateHit[]) {
    super('likely duplicates');
  }
}

/** A new person looks like people the town already has; the form shows them and asks again. */
export class LikelyPeople extends Error {
  constructor(readonly hits: PersonHit[]) {
    super('likely duplicate people');
  }
}

/** The town of the route's scope, already checked to be managed by the caller. */
export interface Town {
  id: number;
}

/**
 * Organisations, people, memberships and cooperations of one town. Every change is audited in its
 * transaction. Each function takes the town of the route's scope and checks, through the policy,
 * that every record named by the URL (404 otherwise) or the form (a field error) belongs to it.
 */
export function networkService(db: Kysely<Database>) {
  const reads = networkRepository(db);

  function authorize(actor: Actor, town: Town): void {
    if (!can(actor, 'manage', { municipalityId: town.id })) throw AppError.forbidden();
  }

  async function organisationValues(trx: Kysely<Database>, town: Town, input: OrganisationInput) {
    if (input.districtId && !(await districtOptions(trx, town.id)).some((d) => d.id === input.districtId)) throw new ValidationError({ districtId: { key: 'validation.choice' } });
    return {
      name: input.name,
      type: input.type,
      fields_of_action: tagList(input.fieldsOfAction),
      district_id: input.districtId ?? null,
      address: input.address ?? '',
      website: input.website ?? '',
      email: input.email ?? '',
      languages: tagList(input.languages),
      description: input.description ?? '',
      is_public: input.isPublic === 'on',
    };
  }

  /** Both ends of a cooperation are organisations of the town, and two different ones. */
  async function cooperationValues(trx: Kysely<Database>, town: Town, input: CooperationInput) {
    const repo = networkRepository(trx);
    const errors: FieldErrors = {};
    if (!belongsToTown(await repo.organisation(input.organisationId), town)) errors.organisationId = { key: 'validation.choice' };
    if (!belongsToTown(await repo.organisation(input.partnerId), town)) errors.partnerId = { key: 'validation.choice' };
    else if (input.partnerId === input.organisationId) errors.partnerId = { key: 'network.workspace.cooperation.same_organisation' };
    if (input.endsOn && input.endsOn < input.startsOn) errors.endsOn = { key: 'validation.end_before_start' };
    if (Object.keys(errors).length) throw new ValidationError(errors);
    return {
      organisation_id: input.organisationId,
      partner_id: input.partnerId,
      type: input.type,
      starts_on: input.startsOn,
      ends_on: input.endsOn ?? null,
      description: input.description ?? '',
      outputs: input.outputs ?? '',
    };
  }

  return {
    /** The records of the URL, for pages: each one of the town, or 404. */
    async organisation(town: Town, id: number) {
      return ownRecord(await reads.organisation(id), town);
    },
    async person(town: Town, id: number) {
      return ownRecord(await reads.person(id), town);
    },
    async membership(town: Town, id: number) {
      return ownRecord(await reads.membership(id), town);
    },
    async cooperation(town: Town, id: number) {
      return ownRecord(await reads.cooperation(id), town);
    },

    /**
     * A new organisation like existing ones is refused with the likely duplicates (`LikelyDuplicates`)
     * until the form says it is a different one; then each of them is remembered as "not a duplicate".
     */
    async addOrganisation(actor: Actor, town: Town, input: OrganisationInput): Promise<number> {
      authorize(actor, town);
      return db.transaction().execute(async (trx) => {
        const values = await organisationValues(trx, town, input);
        const duplicates = duplicatesRepository(trx);
        const hits = await duplicates.organisationHits(town.id, values);
        if (hits.length && input.notDuplicate !== 'on') throw new LikelyDuplicates(hits);
        const { id } = await networkRepository(trx).insertOrganisation({ municipality_id: town.id, ...values });
        for (const hit of hits) await duplicates.markOrganisationsDistinct(town.id, id, hit.id, actor.kind === 'user' ? actor.userId : null);
        await writeAudit(trx, actor, {
          action: 'network.organisation_created',
          entityType: 'network_organisation',
          entityId: id,
          municipalityId: town.id,
          after: { ...values, notDuplicateOf: hits.map((h) => h.id) },
        });
        return id;
      });
    },

    async updateOrganisation(actor: Actor, town: Town, id: number, input: OrganisationInput): Promise<void> {
      authorize(actor, town);
      await db.transaction().execute(async (trx) => {
        const repo = networkRepository(trx);
        const before = ownRecord(await repo.organisation(id), town);
        const values = await organisationValues(trx, town, input);
        await repo.updateOrganisation(town.id, id, { ...values, updated_at: new Date() });
        const { search: _search, ...kept } = before;
        await writeAudit(trx, actor, { action: 'network.organisation_updated', entityType: 'network_organisation', entityId: id, municipalityId: town.id, before: kept, after: values });
      });
    },

    /** Its memberships and cooperations go with it (the page asking first says how many). */
    async deleteOrganisation(actor: Actor, town: Town, id: number): Promise<void> {
      authorize(actor, town);
      await db.transaction().execute(async (trx) => {
        const repo = networkRepository(trx);
        const before = ownRecord(await repo.organisation(id), town);
        const links = await repo.organisationLinks(id);
        await repo.deleteOrganisation(town.id, id);
        await writeAudit(trx, actor, {
          action: 'network.organisation_deleted',
          entityType: 'network_organisation',
          entityId: id,
          municipalityId: town.id,
          before: { name: before.name, type: before.type, ...links },
        });
      });
    },

    /** What goes with an organisation of the town when it is deleted. */
    async organisationLinks(town: Town, id: number) {
      ownRecord(await reads.organisation(id), town);
      return reads.organisationLinks(id);
    },

    /**
     * A person is recorded only with the purpose, version and date of their consent; an e-mail links
     * them to their account. Someone like people already recorded (close name, same account) is
     * refused with them (`LikelyPeople`) until the form says it is someone else, which is remembered.
     */
    async addPerson(actor: Actor, town: Town, input: PersonInput): Promise<number> {
      authorize(actor, town);
      return db.transaction().execute(async (trx) => {
        let userId: number | null = null;
        if (input.userEmail) {
          const user = await authRepository(trx).findUserByEmail(input.userEmail);
          if (!user) throw new ValidationError({ userEmail: { key: 'network.workspace.person.no_account' } });
          userId = user.id;
        }
        const duplicates = duplicatesRepository(trx);
        const hits = await duplicates.personHits(town.id, { name: input.name, userId });
        if (hits.length && input.notDuplicate !== 'on') throw new LikelyPeople(hits);
        const { id } = await networkRepository(trx).insertPerson({
          municipality_id: town.id,
          name: input.name,
          user_id: userId,
          consent_purpose: input.consentPurpose,
          consent_version: input.consentVersion,
          consent_given_at: input.consentGivenOn,
        });
        await writeAudit(trx, actor, {
          action: 'network.person_added',
          entityType: 'network_person',
          entityId: id,
          municipalityId: town.id,
          after: { consentVersion: input.consentVersion, linked: userId !== null, notDuplicateOf: hits.map((h) => h.id) },
        });
        for (const hit of hits) await duplicates.markPeopleDistinct(town.id, id, hit.id, actor.kind === 'user' ? actor.userId : null);
        return id;
      });
    },

    /** After a revocation the person appears in no list and no export; the audit keeps only that it happened. */
    async revokeConsent(actor: Actor, town: Town, id: number): Promise<void> {
      authorize(actor, town);
      await db.transaction().execute(async (trx) => {
        const repo = networkRepository(trx);
        ownRecord(await repo.person(id), town);
        await repo.revokePerson(town.id, id);
        await writeAudit(trx, actor, { action: 'network.consent_revoked', entityType: 'network_person', entityId: id, municipalityId: town.id });
      });
    },

    async addMembership(actor: Actor, town: Town, input: MembershipInput): Promise<number> {
      authorize(actor, town);
      return db.transaction().execute(async (trx) => {
        const repo = networkRepository(trx);
        const errors: FieldErrors = {};
        if (!belongsToTown(await repo.person(input.personId), town)) errors.personId = { key: 'validation.choice' };
        if (!belongsToTown(await repo.organisation(input.organisationId), town)) errors.organisationId = { key: 'validation.choice' };
        if (input.startsOn && input.endsOn && input.endsOn < input.startsOn) errors.endsOn = { key: 'validation.end_before_start' };
        if (Object.keys(errors).length) throw new ValidationError(errors);
        const values = { person_id: input.personId, organisation_id: input.organisationId, role: input.role, starts_on: input.startsOn ?? null, ends_on: input.endsOn ?? null };
        const { id } = await repo.insertMembership({ municipality_id: town.id, ...values });
        await writeAudit(trx, actor, { action: 'network.membership_added', entityType: 'network_membership', entityId: id, municipalityId: town.id, after: values });
        return id;
      });
    },

    async deleteMembership(actor: Actor, town: Town, id: number): Promise<void> {
      authorize(actor, town);
      await db.transaction().execute(async (trx) => {
        const repo = networkRepository(trx);
        const before = ownRecord(await repo.membership(id), town);
        await repo.deleteMembership(town.id, id);
        await writeAudit(trx, actor, { action: 'network.membership_deleted', entityType: 'network_membership', entityId: id, municipalityId: town.id, before: { role: before.role } });
      });
    },

    async addCooperation(actor: Actor, town: Town, input: CooperationInput): Promise<number> {
      authorize(actor, town);
      return db.transaction().execute(async (trx) => {
        const values = await cooperationValues(trx, town, input);
        const { id } = await networkRepository(trx).insertCooperation({ municipality_id: town.id, ...values });
        await writeAudit(trx, actor, { action: 'network.cooperation_created', entityType: 'network_cooperation', entityId: id, municipalityId: town.id, after: values });
        return id;
      });
    },

    async updateCooperation(actor: Actor, town: Town, id: number, input: CooperationInput): Promise<void> {
      authorize(actor, town);
      await db.transaction().execute(async (trx) => {
        const repo = networkRepository(trx);
        const before = ownRecord(await repo.cooperation(id), town);
        const values = await cooperationValues(trx, town, input);
        await repo.updateCooperation(town.id, id, { ...values, updated_at: new Date() });
        await writeAudit(trx, actor, { action: 'network.cooperation_updated', entityType: 'network_cooperation', entityId: id, municipalityId: town.id, before, after: values });
      });
    },

    async deleteCooperation(actor: Actor, town: Town, id: number): Promise<void> {
      authorize(actor, town);
      await db.transaction().execute(async (trx) => {
        const repo = networkRepository(trx);
        const before = ownRecord(await repo.cooperation(id), town);
        await repo.deleteCooperation(town.id, id);
        await writeAudit(trx, actor, { action: 'network.cooperation_deleted', entityType: 'network_cooperation', entityId: id, municipalityId: town.id, before });
      });
    },
  };
}
