import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database, NewRow, RowUpdate } from '../../platform/db/schema.ts';
import type { PageRequest } from '../../platform/http/pagination.ts';
import type { CostCategory } from './tables.ts';

type Db = Kysely<Database> | Transaction<Database>;

export interface LineFigures {
  id: number;
  year: number;
  category: CostCategory;
  title: string;
  eu_share_percent: number;
  municipality_id: number | null;
  town_name: string | null;
  planned: number;
  spent: number;
  eligible: number;
  eu_part: number;
  expenses: number;
}

/** Budget lines, expenses and the sums over them, all in SQL (amounts in cents, as numbers). */
export function budgetRepository(db: Db) {
  /** Each line with the sums of its expenses (one row per line, so category sums do not multiply the plan). */
  function linesWithSums(year: number) {
    return db
      .selectFrom('budget_lines as l')
      .leftJoin('municipalities as m', 'm.id', 'l.municipality_id')
      .leftJoin('budget_expenses as e', 'e.line_id', 'l.id')
      .where('l.year', '=', year)
      .groupBy(['l.id', 'm.name'])
      .select(['l.id', 'l.year', 'l.category', 'l.title', 'l.eu_share_percent', 'l.municipality_id', 'm.name as town_name'])
      .select([
        sql<number>`cast(l.planned_cents as double precision)`.as('planned'),
        sql<number>`cast(coalesce(sum(e.amount_cents), 0) as double precision)`.as('spent'),
        sql<number>`cast(coalesce(sum(e.amount_cents) filter (where e.eligible), 0) as double precision)`.as('eligible'),
        sql<number>`cast(coalesce(sum(e.amount_cents) filter (where e.eligible), 0) * l.eu_share_percent / 100.0 as double precision)`.as('eu_part'),
        sql<number>`cast(count(e.id) as integer)`.as('expenses'),
      ]);
  }

  return {
    years() {
      return db.selectFrom('budget_lines').select('year').distinct().orderBy('year').execute();
    },
    lines(year: number): Promise<LineFigures[]> {
      return linesWithSums(year).orderBy('l.category').orderBy('l.title').orderBy('l.id').limit(500).execute();
    },
    /** Per cost category of a year: plan, spending, eligible spending and its EU part (F1, F2). */
    categories(year: number) {
      return db
        .selectFrom(linesWithSums(year).as('s'))
        .groupBy('s.category')
        .select(['s.category'])
        .select([
          sql<number>`cast(sum(s.planned) as double precision)`.as('planned'),
          sql<number>`cast(sum(s.spent) as double precision)`.as('spent'),
          sql<number>`cast(sum(s.eligible) as double precision)`.as('eligible'),
          sql<number>`cast(sum(s.eu_part) as double precision)`.as('eu_part'),
        ])
        .execute();
    },
    line(id: number) {
      return db.selectFrom('budget_lines').selectAll().where('id', '=', id).executeTakeFirst();
    },
    insertLine(row: NewRow<'budget_lines'>) {
      return db.insertInto('budget_lines').values(row).returning('id').executeTakeFirstOrThrow();
    },
    updateLine(id: number, values: RowUpdate<'budget_lines'>) {
      return db.updateTable('budget_lines').set(values).where('id', '=', id).execute();
    },
    /** One page of a line's expenses, newest first, each row with the total. */
    expenses(lineId: number, page: PageRequest) {
      return db
        .selectFrom('budget_expenses')
        .select(['id', 'spent_on', 'description', 'eligible', 'receipt'])
        .select([sql<number>`cast(amount_cents as double precision)`.as('amount'), sql<number>`cast(count(*) over () as integer)`.as('total')])
        .where('line_id', '=', lineId)
        .orderBy('spent_on', 'desc')
        .orderBy('id', 'desc')
        .limit(page.pageSize)
        .offset(page.offset)
        .execute();
    },
    expense(id: number) {
      return db.selectFrom('budget_expenses').selectAll().where('id', '=', id).executeTakeFirst();
    },
    insertExpense(row: NewRow<'budget_expenses'>) {
      return db.insertInto('budget_expenses').values(row).returning('id').executeTakeFirstOrThrow();
    },
    deleteExpense(id: number) {
      return db.deleteFrom('budget_expenses').where('id', '=', id).execute();
    },
    townExists(id: number) {
      return db.selectFrom('municipalities').select('id').where('id', '=', id).executeTakeFirst();
    },
  };
}
