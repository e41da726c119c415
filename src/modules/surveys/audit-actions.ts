/** What this module writes to the audit log; each action's label is `audit.<action>` in German and English. */
export const SURVEYS_AUDIT_ACTIONS = [
  'survey.answers_exported',
  'survey.cohesion_wave_created',
  'survey.created',
  'survey.offline_response_entered',
  'survey.question_added',
  'survey.question_deleted',
  'survey.text_approved',
  'survey.text_withheld',
  'survey.updated',
] as const;

declare module '../../platform/audit/audit.ts' {
  interface AuditActions extends Record<(typeof SURVEYS_AUDIT_ACTIONS)[number], true> {}
}
