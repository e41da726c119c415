/** What this module writes to the audit log; each action's label is `audit.<action>` in German and English. */
export const BUDGET_AUDIT_ACTIONS = ['budget.expense_added', 'budget.expense_deleted', 'budget.line_created', 'budget.line_updated', 'demo.budget_seeded'] as const;

declare module '../../platform/audit/audit.ts' {
  interface AuditActions extends Record<(typeof BUDGET_AUDIT_ACTIONS)[number], true> {}
}
