/** Public face of the network module: the module itself and the lists other modules may offer. */
export { networkModule } from './module.tsx';
export { can as canForNetwork } from './policy.ts';
export { COOPERATION_TYPES, MEMBERSHIP_ROLES, ORGANISATION_TYPES, type CooperationType, type MembershipRole, type OrganisationType } from './tables.ts';
export { type EventOrganiser, eventOrganisers, networkOrganisationOptions, setEventOrganisers } from './event-links.ts';
