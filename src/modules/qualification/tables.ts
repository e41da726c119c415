import type { ColumnType, Generated } from 'kysely';
import type { CreatedAt, DateText, Optional, NullableTime } from '../../platform/db/columns.ts';

/** The tables this module owns; other modules reach them only through its index.ts. */

export const PROGRAMME_KINDS = ['diversity_manager', 'multiplier', 'moderation'] as const;
export type ProgrammeKind = (typeof PROGRAMME_KINDS)[number];
export const TARGET_GROUPS = ['vocational_trainers', 'club_boards', 'entrepreneurs', 'local_politicians', 'other'] as const;
export type TargetGroup = (typeof TARGET_GROUPS)[number];
export const ENROLMENT_STATUSES = ['applied', 'approved', 'rejected', 'withdrawn'] as const;
export type EnrolmentStatus = (typeof ENROLMENT_STATUSES)[number];

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

export const PROJECT_STATUSES = ['draft', 'submitted', 'changes_requested', 'approved'] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];
export const ASSESSMENT_PHASES = ['before', 'after'] as const;
export type AssessmentPhase = (typeof ASSESSMENT_PHASES)[number];

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

export interface QualificationTables {
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
}

declare module '../../platform/db/schema.ts' {
  interface Database extends QualificationTables {}
}
