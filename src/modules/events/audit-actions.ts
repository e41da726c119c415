/** What this module writes to the audit log; each action's label is `audit.<action>` in German and English. */
export const EVENTS_AUDIT_ACTIONS = [
  'event.cancelled',
  'event.check_in_undone',
  'event.checked_in',
  'event.copied',
  'event.created',
  'event.feedback_created',
  'event.image_set',
  'event.registration_cancelled',
  'event.registrations_exported',
  'event.signature_list_printed',
  'event.signed_list_downloaded',
  'event.signed_list_uploaded',
  'event.target_group_confirmed',
  'event.target_group_withdrawn',
  'event.updated',
  'event.walk_in_added',
] as const;

declare module '../../platform/audit/audit.ts' {
  interface AuditActions extends Record<(typeof EVENTS_AUDIT_ACTIONS)[number], true> {}
}
