import type { Generated } from 'kysely';
import type { CreatedAt, DateText, Timestamp } from '../../platform/db/columns.ts';

/** The seven dimensions, in the order forms, tables and the result sheet show them. */
export const DIMENSIONS = ['leadership', 'opening', 'access', 'work', 'engagement', 'encounter', 'communication'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/** Maturity of one item: not started, planned, begun, established, anchored and reviewed. */
export const LEVELS = [0, 1, 2, 3, 4] as const;
export type Level = (typeof LEVELS)[number];

/** A first assessment, and the one after the work (the change between them is R1/R2). */
export const PHASES = ['baseline', 'follow_up'] as const;
export type Phase = (typeof PHASES)[number];

export interface DiversityCheckVersionsTable {
  id: Generated<number>;
  number: number;
  note: string;
  created_by: number | null;
  created_at: CreatedAt;
}

export interface DiversityCheckItemsTable {
  id: Generated<number>;
  version_id: number;
  dimension: Dimension;
  position: number;
  text_de: string;
  text_en: string;
}

export interface DiversityCheckAssessmentsTable {
  id: Generated<number>;
  municipality_id: number;
  organisation_id: number;
  version_id: number;
  phase: Phase;
  assessed_on: DateText;
  index_score: number;
  note: string;
  created_by: number | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface DiversityCheckAnswersTable {
  assessment_id: number;
  item_id: number;
  level: number;
}

export interface DiversityCheckScoresTable {
  assessment_id: number;
  dimension: Dimension;
  score: number;
}

export interface DiversityCheckTables {
  diversity_check_versions: DiversityCheckVersionsTable;
  diversity_check_items: DiversityCheckItemsTable;
  diversity_check_assessments: DiversityCheckAssessmentsTable;
  diversity_check_answers: DiversityCheckAnswersTable;
  diversity_check_scores: DiversityCheckScoresTable;
}

declare module '../../platform/db/schema.ts' {
  interface Database extends DiversityCheckTables {}
}
