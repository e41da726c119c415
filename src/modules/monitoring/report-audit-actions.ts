/** What the period reports of the towns write to the audit log; each action's label is `audit.<action>` in German and English. */
export const REPORT_AUDIT_ACTIONS = ['monitoring.town_report_saved', 'monitoring.town_report_submitted', 'monitoring.town_report_approved', 'monitoring.town_report_sent_back'] as const;

declare module '../../platform/audit/audit.ts' {
  interface AuditActions extends Record<(typeof REPORT_AUDIT_ACTIONS)[number], true> {}
}
