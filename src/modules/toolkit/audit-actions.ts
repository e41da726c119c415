/** What this module writes to the audit log; each action's label is `audit.<action>` in German and English. */
export const TOOLKIT_AUDIT_ACTIONS = [
  'demo.toolkit_seeded',
  'toolkit.method_created',
  'toolkit.method_updated',
  'toolkit.method_submitted',
  'toolkit.method_published',
  'toolkit.method_changes_requested',
  'toolkit.method_withdrawn',
  'toolkit.method_translated',
  'toolkit.attachment_added',
  'toolkit.attachment_deleted',
  'toolkit.example_created',
  'toolkit.example_updated',
  'toolkit.example_submitted',
  'toolkit.example_published',
  'toolkit.example_changes_requested',
  'toolkit.example_withdrawn',
  'toolkit.use_added',
  'toolkit.use_removed',
] as const;

declare module '../../platform/audit/audit.ts' {
  interface AuditActions extends Record<(typeof TOOLKIT_AUDIT_ACTIONS)[number], true> {}
}
