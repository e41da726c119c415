/** What this module writes to the audit log; each action's label is `audit.<action>` in German and English. */
export const MONITORING_AUDIT_ACTIONS = ['monitoring.report_approved', 'monitoring.report_sent_back'] as const;

declare module '../../platform/audit/audit.ts' {
  interface AuditActions extends Record<(typeof MONITORING_AUDIT_ACTIONS)[number], true> {}
}
