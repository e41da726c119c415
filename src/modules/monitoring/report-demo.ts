import { SYSTEM } from '../../platform/access/actor.ts';
import { writeAudit } from '../../platform/audit/audit.ts';
import { todayInBerlin } from '../../platform/i18n/catalog.ts';
import type { DemoSeedContext } from '../../platform/module.ts';
import { participatingMunicipalities } from '../municipalities/index.ts';
import { type Period, parsePeriod } from './periods.ts';
import { computeReportContent } from './report-content.ts';
import { monitoringService } from './service.ts';

const APPROVED_NARRATIVE = `Im laufenden Jahr hat die Stadt ihre Dialogreihe „Nachbarschaft im Gespräch“ in drei Stadtteilen fortgesetzt. Besonders gut angenommen wurden die Abende im Familienzentrum, zu denen viele Menschen zum ersten Mal kamen.

Die Vielfaltsmanagerin hat zwei Multiplikatorinnen aus Migrantenorganisationen gewonnen, die nun selbst Gesprächsrunden leiten. Schwieriger war es, Jugendliche zu erreichen; dafür planen wir im nächsten Zeitraum Angebote gemeinsam mit der Jugendpflege.`;

const SUBMITTED_NARRATIVE = `Die Kommune hat ihren Handlungsplan fortgeschrieben und im Beteiligungsverfahren viele Vorschläge erhalten. Die Veranstaltungen zum interkulturellen Austausch fanden überwiegend vor Ort statt.

Offen ist noch die Auswertung der Zusammenhaltsbefragung; sie folgt im nächsten Bericht.`;

/**
 * Two town reports of the current year: one approved by the office (with its frozen snapshot, so the
 * funder finds it under "Berichte der Kommunen") and one submitted and waiting for the office.
 */
export async function seedReportDemo({ services, log }: DemoSeedContext): Promise<void> {
  const towns = await participatingMunicipalities(services.db);
  const approvedTown = towns.find((t) => t.ags === '06431002') ?? towns[0];
  const submittedTown = towns.find((t) => t.ags === '06431020') ?? towns.find((t) => t.id !== approvedTown?.id);
  const period = parsePeriod(todayInBerlin().slice(0, 4)) as Period;
  if (!approvedTown || !submittedTown) return;
  const snapshot = await computeReportContent(monitoringService(services), period, approvedTown.id);
  const now = new Date();
  const earlier = new Date(now.getTime() - 7 * 86_400_000);
  await services.db.transaction().execute(async (trx) => {
    const approved = await trx
      .insertInto('monitoring_reports')
      .values({
        municipality_id: approvedTown.id,
        period: period.code,
        status: 'approved',
        narrative: APPROVED_NARRATIVE,
        snapshot: JSON.stringify(snapshot),
        submitted_at: earlier,
        decided_at: now,
        decision_note: 'Vielen Dank, der Bericht ist vollständig.',
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const submitted = await trx
      .insertInto('monitoring_reports')
      .values({ municipality_id: submittedTown.id, period: period.code, status: 'submitted', narrative: SUBMITTED_NARRATIVE, submitted_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const [id, town, action] of [
      [approved.id, approvedTown.id, 'monitoring.town_report_approved'],
      [submitted.id, submittedTown.id, 'monitoring.town_report_submitted'],
    ] as const) {
      await writeAudit(trx, SYSTEM, { action, entityType: 'monitoring_report', entityId: id, municipalityId: town, after: { period: period.code, demo: true } });
    }
  });
  log(`demo: town reports ${period.code}: ${approvedTown.name} approved, ${submittedTown.name} submitted`);
}
