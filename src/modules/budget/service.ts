import type { Kysely } from 'kysely';
import { type Actor, actorUserId, isProgrammeOffice } from '../../platform/access/actor.ts';
import { writeAudit } from '../../platform/audit/audit.ts';
import type { Database } from '../../platform/db/schema.ts';
import { AppError, ValidationError } from '../../platform/http/errors.ts';
import type { ExpenseInput, LineInput } from './forms.ts';
import { toCents } from './money.ts';
import { budgetRepository } from './repository.ts';

/** Budget lines and expenses: the programme office's alone; every change audited in its transaction. */
export function budgetService(db: Kysely<Database>) {
  const reads = budgetRepository(db);

  function authorize(actor: Actor): void {
    if (!isProgrammeOffice(actor)) throw AppError.forbidden();
  }

  async function lineValues(trx: Kysely<Database>, input: LineInput) {
    if (input.townId && !(await budgetRepository(trx).townExists(input.townId))) throw new ValidationError({ townId: { key: 'validation.choice' } });
    return {
      year: input.year,
      category: input.category,
      title: input.title,
      planned_cents: toCents(input.planned),
      eu_share_percent: input.euSharePercent,
      municipality_id: input.townId ?? null,
    };
  }

  return {
    async line(id: number) {
      const line = await reads.line(id);
      if (!line) throw AppError.notFound();
      return { ...line, planned_cents: Number(line.planned_cents) };
    },

    async addLine(actor: Actor, input: LineInput): Promise<number> {
      authorize(actor);
      return db.transaction().execute(async (trx) => {
        const values = await lineValues(trx, input);
        const { id } = await budgetRepository(trx).insertLine(values);
        await writeAudit(trx, actor, { action: 'budget.line_created', entityType: 'budget_line', entityId: id, after: values });
        return id;
      });
    },

    async updateLine(actor: Actor, id: number, input: LineInput): Promise<void> {
      authorize(actor);
      await db.transaction().execute(async (trx) => {
        const repo = budgetRepository(trx);
        const before = await repo.line(id);
        if (!before) throw AppError.notFound();
        const values = await lineValues(trx, input);
        await repo.updateLine(id, { ...values, updated_at: new Date() });
        await writeAudit(trx, actor, { action: 'budget.line_updated', entityType: 'budget_line', entityId: id, before, after: values });
      });
    },

    async addExpense(actor: Actor, lineId: number, input: ExpenseInput): Promise<number> {
      authorize(actor);
      return db.transaction().execute(async (trx) => {
        const repo = budgetRepository(trx);
        const line = await repo.line(lineId);
        if (!line) throw AppError.notFound();
        const amount = toCents(input.amount);
        if (amount <= 0) throw new ValidationError({ amount: { key: 'validation.min', params: { min: '0,01' } } });
        const values = {
          line_id: lineId,
          spent_on: input.spentOn,
          amount_cents: amount,
          description: input.description,
          eligible: input.eligible === 'on',
          receipt: input.receipt ?? '',
          created_by: actorUserId(actor),
        };
        const { id } = await repo.insertExpense(values);
        await writeAudit(trx, actor, { action: 'budget.expense_added', entityType: 'budget_expense', entityId: id, after: values });
        return id;
      });
    },

    /** Deletes an expense of the line in the URL (another line's expense: 404). */
    async deleteExpense(actor: Actor, lineId: number, id: number): Promise<void> {
      authorize(actor);
      await db.transaction().execute(async (trx) => {
        const repo = budgetRepository(trx);
        const before = await repo.expense(id);
        if (!before || before.line_id !== lineId) throw AppError.notFound();
        await repo.deleteExpense(id);
        await writeAudit(trx, actor, { action: 'budget.expense_deleted', entityType: 'budget_expense', entityId: id, before });
      });
    },
  };
}
