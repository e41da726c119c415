import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { Timestamp, CreatedAt, Json } from './columns.ts';

/**
 * The platform's own tables. `Database` is composed from them and from every module's `tables.ts`,
 * which adds its tables by declaration merging; the platform names no module.
 */

export interface UsersTable {
  id: Generated<number>;
  email: string | null;
  password_hash: string | null;
  display_name: string;
  locale: Generated<string>;
  email_verified_at: Timestamp | null;
  is_demo: Generated<boolean>;
  created_at: CreatedAt;
  deleted_at: Timestamp | null;
  /** Base32 TOTP secret; set while being set up, in use once totp_enabled_at is set. */
  totp_secret: string | null;
  totp_enabled_at: Timestamp | null;
  /** The last 30-second step a code was accepted for, so that a code works only once. */
  totp_last_step: number | null;
}

export interface RecoveryCodesTable {
  id: Generated<number>;
  user_id: number;
  code_hash: string;
  used_at: Timestamp | null;
}

export interface SessionsTable {
  id_hash: string;
  user_id: number;
  created_at: CreatedAt;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
  user_agent: string | null;
  revoked_at: Timestamp | null;
  /** The password was right, the second factor is still to come: such a session signs nobody in. */
  second_factor_pending: Generated<boolean>;
}

export interface AuthTokensTable {
  token_hash: string;
  user_id: number;
  purpose: 'verify_email' | 'reset_password' | 'invite';
  created_at: CreatedAt;
  expires_at: Timestamp;
  used_at: Timestamp | null;
}

export interface RoleAssignmentsTable {
  id: Generated<number>;
  user_id: number;
  role: 'trainer' | 'coordinator' | 'programme_office' | 'funder';
  municipality_id: number | null;
  granted_by: number | null;
  created_at: CreatedAt;
}

export interface ConsentsTable {
  id: Generated<number>;
  user_id: number;
  purpose: string;
  version: string;
  given_at: CreatedAt;
  withdrawn_at: Timestamp | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: CreatedAt;
  actor_user_id: number | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  municipality_id: number | null;
  before: Json<unknown> | null;
  after: Json<unknown> | null;
}

export interface MailOutboxTable {
  id: Generated<number>;
  to_address: string;
  subject: string;
  /** As shown to the programme office: links with a token redacted. */
  text_body: string;
  /** The full text, only while a body with a token link waits to be sent. */
  secret_text_body: ColumnType<string | null, string | null | undefined, string | null>;
  attachments: Json<Array<{ filename: string; contentType: string; contentBase64: string }>>;
  created_at: CreatedAt;
  send_after: Timestamp;
  sent_at: Timestamp | null;
  attempts: Generated<number>;
  last_error: string | null;
  delivered_as: string | null;
}

export interface FilesTable {
  id: Generated<number>;
  original_name: string;
  mime_type: string;
  size_bytes: number;
  sha256: string;
  storage_key: string;
  created_by: number | null;
  created_at: CreatedAt;
}

export interface RateLimitsTable {
  key: string;
  hits: number;
  expires_at: Timestamp;
}

export interface InstallationStateTable {
  key: string;
  value: Json<unknown>;
  updated_at: Timestamp;
}

export interface PlatformTables {
  installation_state: InstallationStateTable;
  users: UsersTable;
  sessions: SessionsTable;
  auth_tokens: AuthTokensTable;
  role_assignments: RoleAssignmentsTable;
  consents: ConsentsTable;
  audit_log: AuditLogTable;
  mail_outbox: MailOutboxTable;
  files: FilesTable;
  rate_limits: RateLimitsTable;
  recovery_codes: RecoveryCodesTable;
}

/** Every table of the installation: the platform's and, merged in, each module's. */
export interface Database extends PlatformTables {}

export type Row<T extends keyof Database> = Selectable<Database[T]>;
export type NewRow<T extends keyof Database> = Insertable<Database[T]>;
export type RowUpdate<T extends keyof Database> = Updateable<Database[T]>;
