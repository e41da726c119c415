/** The budget's routes: the programme office's alone. */
import { type Entries, type Fixtures, invalidFor, OFFICE } from './types.ts';

async function firstLine(f: Fixtures): Promise<number> {
  return (await f.db.selectFrom('budget_lines').select('id').orderBy('id').executeTakeFirstOrThrow()).id;
}

/** An expense of its own for each deletion. */
async function freshExpense(f: Fixtures): Promise<string> {
  const line = await firstLine(f);
  const expense = await f.db
    .insertInto('budget_expenses')
    .values({ line_id: line, spent_on: '2021-05-01', amount_cents: 1000, description: 'Matrix', eligible: true, receipt: '', created_by: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return `/programmbuero/budget/${line}/ausgaben/${expense.id}/loeschen`;
}

export const entries: Entries = {
  'GET /programmbuero/budget': { expect: OFFICE },
  'POST /programmbuero/budget': { expect: invalidFor(OFFICE) },
  'GET /programmbuero/budget.xlsx': { expect: OFFICE },
  'GET /programmbuero/budget/:id': { expect: OFFICE, path: async (f) => `/programmbuero/budget/${await firstLine(f)}` },
  'POST /programmbuero/budget/:id': { expect: invalidFor(OFFICE), path: async (f) => `/programmbuero/budget/${await firstLine(f)}` },
  'POST /programmbuero/budget/:id/ausgaben': { expect: invalidFor(OFFICE), path: async (f) => `/programmbuero/budget/${await firstLine(f)}/ausgaben` },
  'POST /programmbuero/budget/:id/ausgaben/:eid/loeschen': { expect: OFFICE, path: freshExpense },
};
