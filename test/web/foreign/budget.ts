/** Budget: programme-wide records of the office; only an expense named under another line's address can be foreign. */
import type { ForeignCases } from './types.ts';

const OFFICE_ONLY = { notApplicable: 'budget lines belong to the programme, not to a town; only the programme office reaches them' };

export const cases: ForeignCases = {
  'POST /programmbuero/budget': { notApplicable: 'the office may name any participating town in townId; an unknown id is a field error (test/integration/budget.test.ts)' },
  'GET /programmbuero/budget/:id': OFFICE_ONLY,
  'POST /programmbuero/budget/:id': OFFICE_ONLY,
  'POST /programmbuero/budget/:id/ausgaben': OFFICE_ONLY,
  'POST /programmbuero/budget/:id/ausgaben/:eid/loeschen': {
    as: 'office',
    request: async (f) => {
      const lines = await f.db.selectFrom('budget_lines').select('id').orderBy('id').limit(2).execute();
      const expense = await f.db
        .selectFrom('budget_expenses')
        .select('id')
        .where('line_id', '=', lines[1]?.id ?? 0)
        .orderBy('id')
        .executeTakeFirstOrThrow();
      return { path: `/programmbuero/budget/${lines[0]?.id}/ausgaben/${expense.id}/loeschen` };
    },
    snapshot: async (f) => {
      const lines = await f.db.selectFrom('budget_lines').select('id').orderBy('id').limit(2).execute();
      return f.db
        .selectFrom('budget_expenses')
        .select('id')
        .where('line_id', '=', lines[1]?.id ?? 0)
        .orderBy('id')
        .execute();
    },
  },
};
