import { type Actor, actorUserId, isProgrammeOffice } from '../../platform/access/actor.ts';
import { writeAudit } from '../../platform/audit/audit.ts';
import { AppError, ValidationError } from '../../platform/http/errors.ts';
import { pageRequest, pageResult } from '../../platform/http/pagination.ts';
import type { AppServices } from '../../platform/module.ts';
import type { Period } from './periods.ts';
import { computeReportContent, type ReportContent } from './report-content.ts';
import { can } from './report-policy.ts';
import { type ReportRow, townReportRepository } from './report-repository.ts';
import { reportRepository } from './repository.ts';
import { monitoringService } from './service.ts';
import type { ReportStatus } from './tables.ts';

export interface TownRef {
  id: number;
  ags: string;
  name: string;
}

export interface TownReport {
  town: TownRef;
  period: Period;
  report: ReportRow | undefined;
  /** The frozen snapshot once approved, else computed now. */
  content: ReportContent;
  frozen: boolean;
}

/**
 * The period report of a town: the coordinator writes the narrative and submits; the office
 * approves (the figures are frozen as a snapshot in the same transaction as the decision) or sends
 * it back with a note, after which the coordinator may write again. Every step is audited.
 */
export function townReportService(services: AppServices) {
  const { db } = services;
  const monitoring = monitoringService(services);

  /** A snapshot written before reports kept their full content (version 1) is recomputed instead. */
  const isContent = (snapshot: unknown): boolean => typeof snapshot === 'object' && snapshot !== null && (snapshot as { version?: unknown }).version === 1;

  async function load(town: TownRef, period: Period): Promise<TownReport> {
    const report = await townReportRepository(db).find(town.id, period.code);
    if (report?.status === 'approved' && report.snapshot) return { town, period, report, content: report.snapshot as ReportContent, frozen: true };
    return { town, period, report, content: await computeReportContent(monitoring, period, town.id), frozen: false };
  }

  return {
    load,

    /** The approved report as the funder sees it; 404 for any report not approved (the funder must not learn it exists). */
    async approved(actor: Actor, town: TownRef, period: Period): Promise<TownReport> {
      const report = await townReportRepository(db).find(town.id, period.code);
      if (!report?.snapshot || !can(actor, 'read_approved', { municipalityId: town.id, status: report.status })) throw AppError.notFound();
      return { town, period, report, content: report.snapshot as ReportContent, frozen: true };
    },

    async write(actor: Actor, town: TownRef, period: Period, input: { narrative: string; submit: boolean }): Promise<void> {
      const narrative = input.narrative.trim();
      if (input.submit && narrative === '') throw new ValidationError({ narrative: { key: 'monitoring.town_report.narrative_required' } });
      await db.transaction().execute(async (trx) => {
        const repo = townReportRepository(trx);
        const current = await repo.find(town.id, period.code);
        if (!can(actor, 'write', { municipalityId: town.id, status: current?.status ?? null })) throw AppError.refused('monitoring.town_report.not_editable');
        const written = await repo.write(town.id, period.code, { narrative, submit: input.submit, by: actorUserId(actor) });
        if (!written) throw AppError.refused('monitoring.town_report.not_editable');
        await writeAudit(trx, actor, {
          action: input.submit ? 'monitoring.town_report_submitted' : 'monitoring.town_report_saved',
          entityType: 'monitoring_report',
          entityId: written.id,
          municipalityId: town.id,
          before: written.before ? { status: written.before.status, narrative: written.before.narrative } : undefined,
          after: { period: period.code, status: input.submit ? 'submitted' : (written.before?.status ?? 'draft'), narrative },
        });
      });
    },

    async decide(actor: Actor, town: TownRef, period: Period, input: { decision: 'approved' | 'sent_back'; note: string }): Promise<void> {
      const note = input.note.trim();
      if (input.decision === 'sent_back' && note === '') throw new ValidationError({ note: { key: 'monitoring.town_report.note_required' } });
      const current = await townReportRepository(db).find(town.id, period.code);
      if (!current || !can(actor, 'decide', { municipalityId: town.id, status: current.status })) throw AppError.refused('monitoring.town_report.not_submitted');
      const snapshot = input.decision === 'approved' ? await computeReportContent(monitoring, period, town.id) : null;
      await db.transaction().execute(async (trx) => {
        const row = await townReportRepository(trx).decide(current.id, { status: input.decision, note, snapshot, by: actorUserId(actor) });
        if (!row) throw AppError.refused('monitoring.town_report.not_submitted');
        await writeAudit(trx, actor, {
          action: input.decision === 'approved' ? 'monitoring.town_report_approved' : 'monitoring.town_report_sent_back',
          entityType: 'monitoring_report',
          entityId: row.id,
          municipalityId: town.id,
          before: { status: current.status },
          after: { period: period.code, status: input.decision, note },
        });
      });
    },

    /**
     * The programme report of a period with its content: the office gets it in any status (the
     * frozen copy once approved, else computed now); anyone else only an approved one (else 404).
     */
    async programme(actor: Actor, period: Period): Promise<{ report: ReportRow | undefined; content: ReportContent; frozen: boolean }> {
      const report = await reportRepository(db).programmeReport(period.code);
      const frozen = report?.status === 'approved' && isContent(report.snapshot);
      if (!isProgrammeOffice(actor) && !frozen) throw AppError.notFound();
      return { report, content: frozen ? (report?.snapshot as ReportContent) : await computeReportContent(monitoring, period, null), frozen };
    },

    /** The town reports of a period, paged; the funder only ever gets the approved ones. */
    async list(actor: Actor, period: Period, status: ReportStatus | undefined, page: number | undefined) {
      const request = pageRequest(page, 25);
      const { items, total } = await townReportRepository(db).page(period.code, isProgrammeOffice(actor) ? status : 'approved', request);
      return pageResult(items, total, request);
    },
  };
}
