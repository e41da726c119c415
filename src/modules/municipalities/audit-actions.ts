/** What this module writes to the audit log; each action's label is `audit.<action>` in German and English. */
export const MUNICIPALITIES_AUDIT_ACTIONS = [
  'demo.participation_seeded',
  'district.created',
  'district.deleted',
  'district.updated',
  'participation.ended',
  'participation.started',
  'participation.updated',
] as const;

declare module '../../platform/audit/audit.ts' {
  interface AuditActions extends Record<(typeof MUNICIPALITIES_AUDIT_ACTIONS)[number], true> {}
}
