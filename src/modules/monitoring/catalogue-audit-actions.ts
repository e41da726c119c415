/** What the office's editing of the indicator catalogue writes to the audit log; labels `audit.<action>` in German and English. */
export const CATALOGUE_AUDIT_ACTIONS = [
  'monitoring.indicator_changed',
  'monitoring.indicator_retired',
  'monitoring.indicator_reactivated',
  'monitoring.target_set',
  'monitoring.manual_value_added',
] as const;

declare module '../../platform/audit/audit.ts' {
  interface AuditActions extends Record<(typeof CATALOGUE_AUDIT_ACTIONS)[number], true> {}
}
