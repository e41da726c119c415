import type { Generated } from 'kysely';
import type { Timestamp, CreatedAt, DateText } from '../../platform/db/columns.ts';

/** The tables this module owns; other modules reach them only through its index.ts. */

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

/** The states of a measure, in the order pages and counts show them. */
export const MEASURE_STATUSES = ['planned', 'running', 'done', 'paused', 'dropped'] as const;
export type MeasureStatus = (typeof MEASURE_STATUSES)[number];

export function isMeasureStatus(value: unknown): value is MeasureStatus {
  return typeof value === 'string' && (MEASURE_STATUSES as readonly string[]).includes(value);
}

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

export interface StrategyTables {
  strategy_versions: StrategyVersionsTable;
  fields_of_action: FieldsOfActionTable;
  goals: GoalsTable;
  measures: MeasuresTable;
  measure_updates: MeasureUpdatesTable;
}

declare module '../../platform/db/schema.ts' {
  interface Database extends StrategyTables {}
}
