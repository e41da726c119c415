/** Public face of the network module: the module itself and the lists other modules may offer. */
export { networkModule } from './module.tsx';
export { can as canForNetwork } from './policy.ts';
export { COOPERATION_TYPES, MEMBERSHIP_ROLES, ORGANISATION_TYPES, type CooperationType, type MembershipRole, type OrganisationType } from './tables.ts';
export { type EventOrganiser, eventOrganisers, networkOrganisationOptions, setEventOrganisers } from './event-links.ts';

import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import { networkRepository } from './repository.ts';

/** A town's organisations (id, name, type), by name: what other modules let a coordinator choose from (e.g. the Vielfalts-Check). */
export function organisationOptions(db: Kysely<Database>, municipalityId: number) {
  return networkRepository(db).organisationOptions(municipalityId);
}
