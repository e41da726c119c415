/** What this module writes to the audit log; each action's label is `audit.<action>` in German and English. */
export const STRATEGY_AUDIT_ACTIONS = [
  'demo.strategies_seeded',
  'field.created',
  'field.deleted',
  'field.updated',
  'goal.created',
  'goal.deleted',
  'goal.updated',
  'measure.created',
  'measure.deleted',
  'measure.progress_reported',
  'measure.updated',
  'strategy_version.created',
  'strategy_version.deleted',
  'strategy_version.updated',
] as const;

declare module '../../platform/audit/audit.ts' {
  interface AuditActions extends Record<(typeof STRATEGY_AUDIT_ACTIONS)[number], true> {}
}
