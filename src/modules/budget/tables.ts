import type { ColumnType, Generated } from 'kysely';
import type { CreatedAt, DateText, Timestamp } from '../../platform/db/columns.ts';

/** Cost categories, in the order forms and tables show them. */
export const COST_CATEGORIES = ['personnel', 'travel', 'equipment', 'subcontracting', 'events', 'communication', 'indirect', 'other'] as const;
export type CostCategory = (typeof COST_CATEGORIES)[number];

/** The highest EU co-financing share a line may carry (AMIF: 75 % commonly, 90 % for some measures). */
export const MAX_EU_SHARE = 90;

/** bigint arrives as text from PostgreSQL; amounts are converted with Number() where read (cents stay far below 2^53). */
type Cents = ColumnType<string | number, number, number>;

export interface BudgetLinesTable {
  id: Generated<number>;
  year: number;
  category: CostCategory;
  title: string;
  planned_cents: Cents;
  eu_share_percent: number;
  municipality_id: number | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface BudgetExpensesTable {
  id: Generated<number>;
  line_id: number;
  spent_on: DateText;
  amount_cents: Cents;
  description: string;
  eligible: boolean;
  receipt: string;
  created_by: number | null;
  created_at: CreatedAt;
}

export interface BudgetTables {
  budget_lines: BudgetLinesTable;
  budget_expenses: BudgetExpensesTable;
}

declare module '../../platform/db/schema.ts' {
  interface Database extends BudgetTables {}
}
