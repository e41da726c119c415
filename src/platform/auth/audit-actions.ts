/** What this module writes to the audit log; each action's label is `audit.<action>` in German and English. */
export const ACCOUNT_AUDIT_ACTIONS = [
  'account.deleted',
  'account.invitation_accepted',
  'account.password_changed',
  'account.password_reset',
  'account.recovery_code_used',
  'account.registered',
  'account.second_factor_disabled',
  'account.second_factor_enabled',
  'user.invited',
] as const;

declare module '../audit/audit.ts' {
  interface AuditActions extends Record<(typeof ACCOUNT_AUDIT_ACTIONS)[number], true> {}
}
