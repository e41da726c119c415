import type { ColumnType, Generated } from 'kysely';
import type { CreatedAt, NullableTime, Optional, Timestamp } from '../../platform/db/columns.ts';

/** The tables this module owns (migration 0022); other modules reach them only through its index.ts. */

export const INDICATOR_GROUPS = ['output', 'result', 'finance'] as const;
export type IndicatorGroup = (typeof INDICATOR_GROUPS)[number];
export const INDICATOR_UNITS = ['persons', 'records', 'number', 'percent', 'index', 'euro'] as const;
export type IndicatorUnit = (typeof INDICATOR_UNITS)[number];
export const DIRECTIONS = ['up', 'down', 'none'] as const;
export type Direction = (typeof DIRECTIONS)[number];
export const REPORT_STATUSES = ['draft', 'submitted', 'approved', 'sent_back'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

/** Which values of a source's dimensions are counted, e.g. `{ "programme_kind": ["multiplier"] }`. */
export type FactFilterSpec = Record<string, string[]>;

export interface MonitoringIndicatorsTable {
  id: Generated<number>;
  code: string;
  version: Generated<number>;
  group: IndicatorGroup;
  name_de: string;
  name_en: string;
  definition_de: Generated<string>;
  definition_en: Generated<string>;
  unit: IndicatorUnit;
  numerator_source: string | null;
  numerator_filter: ColumnType<FactFilterSpec, string | undefined, string>;
  denominator_source: string | null;
  denominator_filter: ColumnType<FactFilterSpec, string | undefined, string>;
  factor: ColumnType<string, number | string | undefined, number | string>;
  decimals: Generated<number>;
  direction: Generated<Direction>;
  time_aggregation: Generated<string>;
  place_aggregation: Generated<string>;
  status: Generated<'active' | 'retired'>;
  superseded_at: NullableTime;
  created_by: Optional<number | null>;
  created_at: CreatedAt;
}

export interface MonitoringTargetsTable {
  id: Generated<number>;
  indicator_code: string;
  period: string;
  municipality_id: number | null;
  value: ColumnType<string, number | string, number | string>;
  created_by: Optional<number | null>;
  created_at: CreatedAt;
}

export interface MonitoringManualValuesTable {
  id: Generated<number>;
  indicator_code: string;
  period: string;
  municipality_id: number | null;
  value: ColumnType<string, number | string, number | string>;
  note: Generated<string>;
  entered_by: Optional<number | null>;
  entered_at: CreatedAt;
}

export interface MonitoringReportsTable {
  id: Generated<number>;
  municipality_id: number | null;
  period: string;
  status: Generated<ReportStatus>;
  narrative: Generated<string>;
  snapshot: ColumnType<unknown, string | null | undefined, string | null>;
  submitted_at: NullableTime;
  submitted_by: Optional<number | null>;
  decided_at: NullableTime;
  decided_by: Optional<number | null>;
  decision_note: Generated<string>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

/** The figures of a period computed by the job (migration 0032): the programme's (town null) and each town's. */
export interface MonitoringFigureSetsTable {
  period: string;
  /** The level's code for a region or county (`rb:…`, `kreis:…`); empty for the programme and a town. */
  area: ColumnType<string, string | undefined, string>;
  municipality_id: number | null;
  computed_at: ColumnType<Date, Date | string, Date | string>;
  content: ColumnType<unknown, string, string>;
}

export interface MonitoringTables {
  monitoring_figure_sets: MonitoringFigureSetsTable;
  monitoring_indicators: MonitoringIndicatorsTable;
  monitoring_targets: MonitoringTargetsTable;
  monitoring_manual_values: MonitoringManualValuesTable;
  monitoring_reports: MonitoringReportsTable;
}

declare module '../../platform/db/schema.ts' {
  interface Database extends MonitoringTables {}
}
