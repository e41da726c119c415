import type { Kysely } from 'kysely';
import { runStatements } from '../src/platform/db/migrate.ts';

/**
 * The programme's budget (office only): budget lines per cost category and year with the planned
 * amount and the EU co-financing share, and the expenses booked against them. Amounts in cents.
 * A line may name the town it is spent in; without one it belongs to the programme as a whole.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `create table budget_lines (
      id integer generated always as identity primary key,
      year integer not null check (year between 2000 and 2100),
      category text not null check (category in ('personnel', 'travel', 'equipment', 'subcontracting', 'events', 'communication', 'indirect', 'other')),
      title text not null,
      planned_cents bigint not null check (planned_cents >= 0),
      eu_share_percent integer not null check (eu_share_percent between 0 and 90),
      municipality_id integer references municipalities(id) on delete set null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`,
    `create index budget_lines_year_idx on budget_lines (year, category)`,
    `create table budget_expenses (
      id integer generated always as identity primary key,
      line_id integer not null references budget_lines(id) on delete cascade,
      spent_on date not null,
      amount_cents bigint not null check (amount_cents > 0),
      description text not null,
      eligible boolean not null default true,
      receipt text not null default '',
      created_by integer references users(id) on delete set null,
      created_at timestamptz not null default now()
    )`,
    `create index budget_expenses_line_idx on budget_expenses (line_id, spent_on)`,
  ]);
}
