import { SYSTEM } from '../../platform/access/actor.ts';
import { writeAudit } from '../../platform/audit/audit.ts';
import type { NewRow } from '../../platform/db/schema.ts';
import type { DemoSeedContext } from '../../platform/module.ts';
import { participatingMunicipalities } from '../municipalities/index.ts';
import type { CostCategory } from './tables.ts';

const PLAN: Array<[CostCategory, string, number]> = [
  ['personnel', 'Programmbüro (2,5 Stellen)', 180_000],
  ['personnel', 'Koordination in den Kommunen (Zuschüsse)', 240_000],
  ['travel', 'Reisekosten Programmbüro und Trainerteam', 12_000],
  ['events', 'Dialogveranstaltungen und Fachtage', 45_000],
  ['subcontracting', 'Trainerinnen und Trainer der Qualifizierung', 60_000],
  ['communication', 'Übersetzungen, Leichte Sprache, Druck', 18_000],
  ['equipment', 'Technik für Veranstaltungen', 6_000],
  ['indirect', 'Indirekte Kosten (7 %)', 39_000],
];

/** Budget lines for the programme years 2020 and 2021 with expenses over each year; 2021 not fully spent. */
export async function seedBudgetDemo({ services, log }: DemoSeedContext): Promise<void> {
  const towns = await participatingMunicipalities(services.db);
  let lines = 0;
  let expenses = 0;
  await services.db.transaction().execute(async (trx) => {
    for (const [y, year] of [2020, 2021].entries()) {
      for (const [i, [category, title, euros]] of PLAN.entries()) {
        const town = category === 'events' && towns[i % Math.max(1, towns.length)] ? towns[i % towns.length] : undefined;
        const { id } = await trx
          .insertInto('budget_lines')
          .values({ year, category, title, planned_cents: euros * 100, eu_share_percent: category === 'indirect' ? 0 : 75, municipality_id: town?.id ?? null })
          .returning('id')
          .executeTakeFirstOrThrow();
        lines++;
        // 2020 spent at 90–100 %, 2021 at 55–75 %, in monthly instalments; one expense per year is not eligible.
        const share = y === 0 ? 0.9 + ((i * 7) % 10) / 100 : 0.55 + ((i * 3) % 20) / 100;
        const months = 12;
        const rows: Array<NewRow<'budget_expenses'>> = Array.from({ length: months }, (_, m) => ({
          line_id: id,
          spent_on: `${year}-${String(m + 1).padStart(2, '0')}-15`,
          amount_cents: Math.round((euros * 100 * share) / months),
          description: `${title} – ${m + 1}/${year}`,
          eligible: !(i === 3 && m === 11),
          receipt: `B-${year}-${String(i + 1).padStart(2, '0')}${String(m + 1).padStart(2, '0')}`,
          created_by: null,
        }));
        await trx.insertInto('budget_expenses').values(rows).execute();
        expenses += rows.length;
      }
    }
    await writeAudit(trx, SYSTEM, { action: 'demo.budget_seeded', entityType: 'programme', after: { lines, expenses } });
  });
  log(`demo: ${lines} budget lines with ${expenses} expenses`);
}
