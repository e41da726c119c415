import type { ColumnType, Generated } from 'kysely';
import type { Timestamp, CreatedAt, DateText, Optional } from '../../platform/db/columns.ts';

/** The tables this module owns; other modules reach them only through its index.ts. */

export const PHASE_KINDS = ['information', 'ideas', 'discussion', 'evaluation', 'implementation', 'reporting'] as const;
export type PhaseKind = (typeof PHASE_KINDS)[number];
export const PROPOSAL_STATUSES = ['open', 'in_review', 'accepted', 'rejected', 'merged'] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];
export const REPORT_REASONS = ['insult', 'discrimination', 'spam', 'personal_data', 'other'] as const;
export type ReportReason = (typeof REPORT_REASONS)[number];
export const NOTIFICATION_MODES = ['immediate', 'daily', 'off'] as const;
export type NotificationMode = (typeof NOTIFICATION_MODES)[number];
export const CONTENT_TYPES = ['proposal', 'comment'] as const;
export type ContentType = (typeof CONTENT_TYPES)[number];

export interface ParticipationProcessesTable {
  id: Generated<number>;
  municipality_id: number;
  title: string;
  description: string;
  field_id: number | null;
  published: Generated<boolean>;
  created_at: CreatedAt;
  updated_at: Timestamp;
  languages: ColumnType<string[], string[] | undefined, string[]>;
  district_ids: ColumnType<number[], number[] | undefined, number[]>;
  image_file_id: Optional<number | null>;
  image_alt: Generated<string>;
  places: ColumnType<string[], string[] | undefined, string[]>;
}

export interface ProcessPhasesTable {
  id: Generated<number>;
  process_id: number;
  kind: PhaseKind;
  starts_on: DateText;
  ends_on: DateText;
}

export interface ProposalsTable {
  id: Generated<number>;
  process_id: number;
  municipality_id: number;
  author_user_id: number | null;
  title: string;
  body: string;
  field_id: number | null;
  district_id: number | null;
  offline: Generated<boolean>;
  offline_source: Generated<string>;
  status: Generated<ProposalStatus>;
  answer_text: Generated<string>;
  merged_into_id: number | null;
  answered_at: Timestamp | null;
  support_count: Generated<number>;
  comment_count: Generated<number>;
  created_at: CreatedAt;
  updated_at: Timestamp;
  search: ColumnType<string, never, never>;
  hidden_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  hidden_reason: Generated<string>;
  held: Generated<boolean>;
  place: Generated<string>;
  latitude: Optional<number | null>;
  longitude: Optional<number | null>;
}

export interface ProposalSupportsTable {
  proposal_id: number;
  user_id: number;
  created_at: CreatedAt;
}

export interface ProposalCommentsTable {
  id: Generated<number>;
  proposal_id: number;
  parent_id: number | null;
  depth: number;
  author_user_id: number | null;
  body: string;
  created_at: CreatedAt;
  edited_at: Timestamp | null;
  hidden_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  hidden_reason: Generated<string>;
  held: Generated<boolean>;
}

export interface ContentReportsTable {
  id: Generated<number>;
  municipality_id: number;
  content_type: ContentType;
  content_id: number;
  reporter_user_id: number | null;
  reason: ReportReason;
  note: Generated<string>;
  created_at: CreatedAt;
  resolved_at: Timestamp | null;
}

export interface MunicipalityBlocksTable {
  municipality_id: number;
  user_id: number;
  reason: Generated<string>;
  created_at: CreatedAt;
}

export interface ModerationWordsTable {
  municipality_id: number;
  word: string;
}

export interface ProposalImagesTable {
  id: Generated<number>;
  proposal_id: number;
  file_id: number;
  alt_text: string;
  position: number;
}

export interface ProposalMeasuresTable {
  proposal_id: number;
  measure_id: number;
}

export interface ProposalFollowsTable {
  user_id: number;
  proposal_id: number;
  created_at: CreatedAt;
}

export interface ProcessFollowsTable {
  user_id: number;
  process_id: number;
  created_at: CreatedAt;
}

export interface NotificationPreferencesTable {
  user_id: number;
  mode: NotificationMode;
}

export interface PendingNotificationsTable {
  id: Generated<number>;
  user_id: number;
  text: string;
  created_at: CreatedAt;
  sent_at: Timestamp | null;
}

export interface ParticipationTables {
  participation_processes: ParticipationProcessesTable;
  process_phases: ProcessPhasesTable;
  proposals: ProposalsTable;
  proposal_supports: ProposalSupportsTable;
  proposal_comments: ProposalCommentsTable;
  proposal_measures: ProposalMeasuresTable;
  proposal_images: ProposalImagesTable;
  content_reports: ContentReportsTable;
  municipality_blocks: MunicipalityBlocksTable;
  moderation_words: ModerationWordsTable;
  proposal_follows: ProposalFollowsTable;
  process_follows: ProcessFollowsTable;
  notification_preferences: NotificationPreferencesTable;
  pending_notifications: PendingNotificationsTable;
}

declare module '../../platform/db/schema.ts' {
  interface Database extends ParticipationTables {}
}
