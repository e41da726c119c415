/** What this module writes to the audit log; each action's label is `audit.<action>` in German and English. */
export const ADMIN_AUDIT_ACTIONS = ['role.granted', 'role.revoked'] as const;

declare module '../../platform/audit/audit.ts' {
  interface AuditActions extends Record<(typeof ADMIN_AUDIT_ACTIONS)[number], true> {}
}
