/** What this module writes to the audit log; each action's label is `audit.<action>` in German and English. */
export const QUALIFICATION_AUDIT_ACTIONS = [
  'assessment.submitted',
  'certificate.issued',
  'certificate.revoked',
  'cohort.created',
  'cohort.trainer_added',
  'enrolment.applied',
  'enrolment.approved',
  'enrolment.rejected',
  'programme.created',
  'programme.item_added',
  'programme.item_deleted',
  'programme.module_added',
  'programme.module_deleted',
  'programme.module_methods_set',
  'programme.updated',
  'project.approved',
  'project.changes_requested',
  'project.commented',
  'project.saved',
  'project.submitted',
  'reach.deleted',
  'reach.logged',
  'session.attendance',
  'session.cancelled',
  'session.created',
] as const;

declare module '../../platform/audit/audit.ts' {
  interface AuditActions extends Record<(typeof QUALIFICATION_AUDIT_ACTIONS)[number], true> {}
}
