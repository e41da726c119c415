/** What this module writes to the audit log; each action's label is `audit.<action>` in German and English. */
export const DIVERSITY_CHECK_AUDIT_ACTIONS = ['demo.diversity_check_seeded', 'diversity_check.assessment_deleted', 'diversity_check.assessment_saved', 'diversity_check.items_changed'] as const;

declare module '../../platform/audit/audit.ts' {
  interface AuditActions extends Record<(typeof DIVERSITY_CHECK_AUDIT_ACTIONS)[number], true> {}
}
