import type { Kysely } from 'kysely';
import type { CooperationType, MembershipRole, OrganisationType } from '../../../src/modules/network/index.ts';
import type { Database } from '../../../src/platform/db/schema.ts';

/** Valid network records of one town, straight into the database. */
export function networkFactory(db: Kysely<Database>, municipalityId: number) {
  return {
    async organisation(name: string, values: { type?: OrganisationType; isPublic?: boolean; description?: string; address?: string; website?: string; email?: string } = {}): Promise<number> {
      const row = {
        municipality_id: municipalityId,
        name,
        type: values.type ?? 'club',
        description: values.description ?? '',
        address: values.address ?? '',
        website: values.website ?? '',
        email: values.email ?? '',
        is_public: values.isPublic ?? true,
      };
      return (await db.insertInto('network_organisations').values(row).returning('id').executeTakeFirstOrThrow()).id;
    },
    async person(name: string, userId: number | null = null): Promise<number> {
      const row = { municipality_id: municipalityId, name, user_id: userId, consent_purpose: 'Kontakt im Netzwerk', consent_version: '1', consent_given_at: '2024-01-01T10:00:00Z' };
      return (await db.insertInto('network_people').values(row).returning('id').executeTakeFirstOrThrow()).id;
    },
    async membership(personId: number, organisationId: number, role: MembershipRole = 'contact'): Promise<number> {
      return (
        await db
          .insertInto('network_memberships')
          .values({ municipality_id: municipalityId, person_id: personId, organisation_id: organisationId, role, starts_on: null, ends_on: null })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    },
    async cooperation(organisationId: number, partnerId: number, startsOn: string, endsOn: string | null = null, type: CooperationType = 'project'): Promise<number> {
      const row = { municipality_id: municipalityId, organisation_id: organisationId, partner_id: partnerId, type, starts_on: startsOn, ends_on: endsOn, description: '', outputs: '' };
      return (await db.insertInto('network_cooperations').values(row).returning('id').executeTakeFirstOrThrow()).id;
    },
  };
}
