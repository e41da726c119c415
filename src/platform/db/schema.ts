import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

/** Table types of the whole database. Each module owns the tables listed under its heading. */

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
/** A calendar date travels as 'YYYY-MM-DD' text (see db/connect.ts: the date type parser). */
type DateText = ColumnType<string, string, string>;
type Json<T> = ColumnType<T, string, string>;
/** A column with a default: may be left out on insert. */
type Optional<T> = ColumnType<T, T | undefined, T>;

// ---- platform ----

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
}

export interface SessionsTable {
  id_hash: string;
  user_id: number;
  created_at: CreatedAt;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
  user_agent: string | null;
  revoked_at: Timestamp | null;
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
  text_body: string;
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

// ---- municipalities ----

export interface MunicipalitiesTable {
  id: Generated<number>;
  ags: string;
  name: string;
  official_name: string;
  type: string;
  county_ags: string;
  county_name: string;
  county_type: string;
  region: string;
  population: number;
  population_date: DateText;
  population_census_2022: number;
  area_km2: number;
  geometry: Json<unknown>;
}

export interface CountiesTable {
  ags: string;
  name: string;
  type: string;
  region: string;
  geometry: Json<unknown>;
}

export interface ProgrammeParticipationsTable {
  municipality_id: number;
  joined_on: DateText;
  cohort_label: string;
  created_at: CreatedAt;
}

export interface DistrictsTable {
  id: Generated<number>;
  municipality_id: number;
  name: string;
  description: string;
  created_at: CreatedAt;
}

// ---- strategy ----

export interface StrategyVersionsTable {
  id: Generated<number>;
  municipality_id: number;
  title: string;
  version_label: string;
  adopted_on: DateText | null;
  summary: string;
  document_file_id: number | null;
  created_at: CreatedAt;
}

export interface FieldsOfActionTable {
  id: Generated<number>;
  municipality_id: number;
  name: string;
  description: string;
  position: number;
  created_at: CreatedAt;
}

export interface GoalsTable {
  id: Generated<number>;
  field_id: number;
  title: string;
  description: string;
  position: number;
  created_at: CreatedAt;
}

export type MeasureStatus = 'planned' | 'running' | 'done' | 'paused' | 'dropped';

export interface MeasuresTable {
  id: Generated<number>;
  municipality_id: number;
  field_id: number;
  goal_id: number | null;
  district_id: number | null;
  title: string;
  description: string;
  responsible_org: string;
  starts_on: DateText | null;
  ends_on: DateText | null;
  status: MeasureStatus;
  progress: number;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface MeasureUpdatesTable {
  id: Generated<number>;
  measure_id: number;
  author_user_id: number | null;
  text: string;
  status: MeasureStatus;
  progress: number;
  created_at: CreatedAt;
}

// ---- participation ----

export type PhaseKind = 'information' | 'ideas' | 'discussion' | 'evaluation' | 'implementation' | 'reporting';
export type ProposalStatus = 'open' | 'in_review' | 'accepted' | 'rejected' | 'merged';

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

export type ReportReason = 'insult' | 'discrimination' | 'spam' | 'personal_data' | 'other';

export interface ContentReportsTable {
  id: Generated<number>;
  municipality_id: number;
  content_type: 'proposal' | 'comment';
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

export type NotificationMode = 'immediate' | 'daily' | 'off';

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

export type QuestionKind = 'single' | 'multiple' | 'scale' | 'number' | 'text';

export interface SurveysTable {
  id: Generated<number>;
  municipality_id: number;
  process_id: number | null;
  title: string;
  description: string;
  anonymous: boolean;
  opens_on: DateText;
  closes_on: DateText;
  published: Generated<boolean>;
  created_at: CreatedAt;
}

export interface SurveyQuestionsTable {
  id: Generated<number>;
  survey_id: number;
  position: number;
  kind: QuestionKind;
  prompt: string;
  help: string;
  required: boolean;
  options: Json<string[]>;
}

export interface SurveyResponsesTable {
  id: Generated<number>;
  survey_id: number;
  user_id: number | null;
  offline: Generated<boolean>;
  created_at: CreatedAt;
}

export interface SurveyParticipantsTable {
  survey_id: number;
  user_id: number;
}

export interface SurveyAnswersTable {
  id: Generated<number>;
  response_id: number;
  question_id: number;
  choice: number | null;
  number: number | null;
  text: string | null;
  text_approved: Generated<boolean>;
}

export interface InstallationStateTable {
  key: string;
  value: Json<unknown>;
  updated_at: Timestamp;
}

// ---- events ----

export type EventFormat = 'dialogue' | 'idea_workshop' | 'innovation_circle' | 'network_meeting' | 'training' | 'other';
export type EventMode = 'in_person' | 'online' | 'hybrid';
export type RegistrationStatus = 'confirmed' | 'waiting' | 'cancelled';

export interface EventsTable {
  id: Generated<number>;
  municipality_id: number;
  title: string;
  description: Generated<string>;
  format: EventFormat;
  mode: EventMode;
  venue: Generated<string>;
  address: Generated<string>;
  online_url: Generated<string>;
  district_id: Optional<number | null>;
  starts_at: Timestamp;
  ends_at: Timestamp;
  capacity: number;
  registration_opens_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  registration_closes_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  languages: ColumnType<string[], string[] | undefined, string[]>;
  accessibility: ColumnType<string[], string[] | undefined, string[]>;
  accessibility_note: Generated<string>;
  contact_name: Generated<string>;
  contact_email: Generated<string>;
  image_file_id: Optional<number | null>;
  image_alt: Generated<string>;
  signed_list_file_id: Optional<number | null>;
  feedback_survey_id: Optional<number | null>;
  published: Generated<boolean>;
  cancelled_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  cancel_reason: Generated<string>;
  reminder_sent_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  created_by: Optional<number | null>;
  created_at: CreatedAt;
  /** Set for the sessions of a training cohort, which are not offered publicly. */
  cohort_id: Optional<number | null>;
  module_id: Optional<number | null>;
}

export interface EventRegistrationsTable {
  id: Generated<number>;
  event_id: number;
  user_id: Optional<number | null>;
  name: string;
  email: Optional<string | null>;
  organisation: Generated<string>;
  home_town: Generated<string>;
  sex: Generated<'female' | 'male' | 'diverse' | 'not_stated'>;
  age_group: Generated<'under_18' | '18_24' | '25_54' | '55_64' | '65_plus' | 'not_stated'>;
  third_country: Generated<'yes' | 'no' | 'not_stated'>;
  status: RegistrationStatus;
  locale: Generated<string>;
  attended: Generated<boolean>;
  checked_in_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  walk_in: Generated<boolean>;
  paper_consent: Generated<boolean>;
  created_at: CreatedAt;
  promoted_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  cancelled_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

// ---- qualification ----

export type ProgrammeKind = 'diversity_manager' | 'multiplier' | 'moderation';
export type TargetGroup = 'vocational_trainers' | 'club_boards' | 'entrepreneurs' | 'local_politicians' | 'other';
export type EnrolmentStatus = 'applied' | 'approved' | 'rejected' | 'withdrawn';

export interface QualificationProgrammesTable {
  id: Generated<number>;
  kind: ProgrammeKind;
  target_group: Optional<TargetGroup | null>;
  title: string;
  description: Generated<string>;
  min_attendance_percent: Generated<number>;
  requires_project: Generated<boolean>;
  published: Generated<boolean>;
  created_at: CreatedAt;
}

export interface ProgrammeModulesTable {
  id: Generated<number>;
  programme_id: number;
  position: Generated<number>;
  title: string;
  learning_goals: Generated<string>;
  /** numeric travels as text from PostgreSQL */
  hours: ColumnType<string, number | string, number | string>;
}

export interface CohortsTable {
  id: Generated<number>;
  programme_id: number;
  title: string;
  municipality_id: Optional<number | null>;
  region: Generated<string>;
  starts_on: DateText;
  ends_on: DateText;
  capacity: number;
  applications_open: Generated<boolean>;
  created_at: CreatedAt;
}

export interface CohortTrainersTable {
  cohort_id: number;
  user_id: number;
}

export interface EnrolmentsTable {
  id: Generated<number>;
  cohort_id: number;
  user_id: Optional<number | null>;
  motivation: string;
  status: Generated<EnrolmentStatus>;
  decision_note: Generated<string>;
  decided_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  decided_by: Optional<number | null>;
  created_at: CreatedAt;
}

export interface MultiplierActivitiesTable {
  id: Generated<number>;
  user_id: Optional<number | null>;
  occurred_on: DateText;
  description: string;
  target_group: TargetGroup;
  people_reached: number;
  municipality_id: Optional<number | null>;
  created_at: CreatedAt;
}

export interface CertificatesTable {
  id: Generated<number>;
  enrolment_id: number;
  code: string;
  holder_name: string;
  programme_title: string;
  total_hours: ColumnType<string, number | string, number | string>;
  issued_on: DateText;
  revoked_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  revoke_reason: Generated<string>;
  created_by: Optional<number | null>;
  created_at: CreatedAt;
}

export type ProjectStatus = 'draft' | 'submitted' | 'changes_requested' | 'approved';
export type AssessmentPhase = 'before' | 'after';
type NullableTime = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export interface SessionAttendanceTable {
  event_id: number;
  enrolment_id: number;
  attended: boolean;
  recorded_by: Optional<number | null>;
  recorded_at: CreatedAt;
}

export interface PracticeProjectsTable {
  id: Generated<number>;
  enrolment_id: number;
  goal: string;
  organisation: Generated<string>;
  steps: Generated<string>;
  result: Generated<string>;
  status: Generated<ProjectStatus>;
  submitted_at: NullableTime;
  reviewed_at: NullableTime;
  reviewed_by: Optional<number | null>;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface PracticeProjectCommentsTable {
  id: Generated<number>;
  project_id: number;
  author_id: Optional<number | null>;
  body: string;
  decision: Optional<'approved' | 'changes_requested' | null>;
  created_at: CreatedAt;
}

export interface CompetenceItemsTable {
  id: Generated<number>;
  programme_id: number;
  position: Generated<number>;
  statement: string;
}

export interface SelfAssessmentsTable {
  id: Generated<number>;
  enrolment_id: number;
  phase: AssessmentPhase;
  submitted_at: CreatedAt;
}

export interface SelfAssessmentAnswersTable {
  assessment_id: number;
  item_id: number;
  score: number;
}

export interface Database {
  session_attendance: SessionAttendanceTable;
  practice_projects: PracticeProjectsTable;
  practice_project_comments: PracticeProjectCommentsTable;
  competence_items: CompetenceItemsTable;
  self_assessments: SelfAssessmentsTable;
  self_assessment_answers: SelfAssessmentAnswersTable;
  certificates: CertificatesTable;
  multiplier_activities: MultiplierActivitiesTable;
  qualification_programmes: QualificationProgrammesTable;
  programme_modules: ProgrammeModulesTable;
  cohorts: CohortsTable;
  cohort_trainers: CohortTrainersTable;
  enrolments: EnrolmentsTable;
  events: EventsTable;
  event_registrations: EventRegistrationsTable;
  installation_state: InstallationStateTable;
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
  surveys: SurveysTable;
  survey_questions: SurveyQuestionsTable;
  survey_responses: SurveyResponsesTable;
  survey_participants: SurveyParticipantsTable;
  survey_answers: SurveyAnswersTable;
  users: UsersTable;
  sessions: SessionsTable;
  auth_tokens: AuthTokensTable;
  role_assignments: RoleAssignmentsTable;
  consents: ConsentsTable;
  audit_log: AuditLogTable;
  mail_outbox: MailOutboxTable;
  files: FilesTable;
  rate_limits: RateLimitsTable;
  municipalities: MunicipalitiesTable;
  counties: CountiesTable;
  programme_participations: ProgrammeParticipationsTable;
  districts: DistrictsTable;
  strategy_versions: StrategyVersionsTable;
  fields_of_action: FieldsOfActionTable;
  goals: GoalsTable;
  measures: MeasuresTable;
  measure_updates: MeasureUpdatesTable;
}

export type Row<T extends keyof Database> = Selectable<Database[T]>;
export type NewRow<T extends keyof Database> = Insertable<Database[T]>;
export type RowUpdate<T extends keyof Database> = Updateable<Database[T]>;
