/** What this module writes to the audit log; each action's label is `audit.<action>` in German and English. */
export const NETWORK_AUDIT_ACTIONS = [
  'demo.network_seeded',
  'network.consent_revoked',
  'network.cooperation_created',
  'network.cooperation_deleted',
  'network.cooperation_updated',
  'network.import_run',
  'network.import_undone',
  'network.membership_added',
  'network.membership_deleted',
  'network.organisation_created',
  'network.organisation_deleted',
  'network.organisation_updated',
  'network.organisations_distinct',
  'network.organisations_merged',
  'network.person_added',
  'network.people_distinct',
  'network.people_merged',
] as const;

declare module '../../platform/audit/audit.ts' {
  interface AuditActions extends Record<(typeof NETWORK_AUDIT_ACTIONS)[number], true> {}
}
