import type { Generated } from 'kysely';
import type { CreatedAt, DateText, Json, Optional } from '../../platform/db/columns.ts';

/** The tables this module owns; other modules reach them only through its index.ts. */

export const QUESTION_KINDS = ['single', 'multiple', 'scale', 'number', 'text'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

/** Surveys made from a template of the programme (the cohesion survey, R8). */
export const SURVEY_TEMPLATES = ['cohesion'] as const;
export type SurveyTemplate = (typeof SURVEY_TEMPLATES)[number];
export const COHESION_DIMENSIONS = ['trust', 'belonging', 'acceptance', 'discrimination', 'engagement'] as const;
export type CohesionDimension = (typeof COHESION_DIMENSIONS)[number];

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
  template: Optional<SurveyTemplate | null>;
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
  /** A template's item: its wording is `surveys.cohesion.item.<key>` in every language. */
  item_key: Optional<string | null>;
  dimension: Optional<CohesionDimension | null>;
  /** The scale counts backwards (5 = worst), e.g. how often someone was treated unfairly. */
  reversed: Optional<boolean>;
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

export interface SurveysTables {
  surveys: SurveysTable;
  survey_questions: SurveyQuestionsTable;
  survey_responses: SurveyResponsesTable;
  survey_participants: SurveyParticipantsTable;
  survey_answers: SurveyAnswersTable;
}

declare module '../../platform/db/schema.ts' {
  interface Database extends SurveysTables {}
}
