import { sql } from 'kysely';
import type { FactSource } from '../../platform/facts.ts';
import { COST_CATEGORIES } from './tables.ts';

/**
 * The budget's facts (F1, F2), in euros. A line that names no town belongs to the programme as a
 * whole: its rows carry no town (null), so they count for the Land and for no single town.
 */
export const BUDGET_FACTS: readonly FactSource[] = [
  {
    id: 'budget.planned',
    labelKey: 'budget.facts.planned',
    kind: 'values',
    dimensions: { category: COST_CATEGORIES },
    rows: (db) =>
      db
        .selectFrom('budget_lines as l')
        .select([
          sql<string>`l.year || '-01-01'`.as('day'),
          sql<number>`l.municipality_id`.as('municipality_id'),
          sql<number | null>`null::integer`.as('district_id'),
          sql<string | null>`null`.as('person_key'),
          sql<number>`cast(l.planned_cents / 100.0 as double precision)`.as('value'),
          'l.category',
        ]),
  },
  {
    id: 'budget.spent',
    labelKey: 'budget.facts.spent',
    kind: 'values',
    dimensions: { category: COST_CATEGORIES, eligible: ['yes', 'no'] },
    rows: (db) =>
      db
        .selectFrom('budget_expenses as e')
        .innerJoin('budget_lines as l', 'l.id', 'e.line_id')
        .select([
          sql<string>`to_char(e.spent_on, 'YYYY-MM-DD')`.as('day'),
          sql<number>`l.municipality_id`.as('municipality_id'),
          sql<number | null>`null::integer`.as('district_id'),
          sql<string | null>`null`.as('person_key'),
          sql<number>`cast(e.amount_cents / 100.0 as double precision)`.as('value'),
          'l.category',
          sql<string>`case when e.eligible then 'yes' else 'no' end`.as('eligible'),
        ]),
  },
  {
    id: 'budget.eu_part',
    labelKey: 'budget.facts.eu_part',
    kind: 'values',
    dimensions: { category: COST_CATEGORIES },
    rows: (db) =>
      db
        .selectFrom('budget_expenses as e')
        .innerJoin('budget_lines as l', 'l.id', 'e.line_id')
        .where('e.eligible', '=', true)
        .select([
          sql<string>`to_char(e.spent_on, 'YYYY-MM-DD')`.as('day'),
          sql<number>`l.municipality_id`.as('municipality_id'),
          sql<number | null>`null::integer`.as('district_id'),
          sql<string | null>`null`.as('person_key'),
          sql<number>`cast(e.amount_cents * l.eu_share_percent / 10000.0 as double precision)`.as('value'),
          'l.category',
        ]),
  },
];
