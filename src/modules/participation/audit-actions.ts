/** What this module writes to the audit log; each action's label is `audit.<action>` in German and English. */
export const PARTICIPATION_AUDIT_ACTIONS = [
  'demo.processes_seeded',
  'moderation.hidden',
  'moderation.released',
  'moderation.reports_dismissed',
  'moderation.user_blocked',
  'moderation.user_unblocked',
  'moderation.words_changed',
  'participation.exported',
  'process.created',
  'process.image_set',
  'process.updated',
  'proposal.answered',
  'proposal.created',
  'proposal.offline_entered',
] as const;

declare module '../../platform/audit/audit.ts' {
  interface AuditActions extends Record<(typeof PARTICIPATION_AUDIT_ACTIONS)[number], true> {}
}
