import type { AppServices } from '../../platform/module.ts';
import { municipalityOptions } from '../municipalities/index.ts';
import { parsePeriod } from './periods.ts';
import type { ReportContent } from './report-content.ts';
import { publicReportRepository } from './report-repository.ts';

/** One key figure of an approved period report (of a town, or of the whole programme), as the public may see it. */
export interface PublicIndicatorValue {
  /** Stable: the report and the figure's place in it. */
  id: number;
  level: 'municipality' | 'programme';
  ags: string | null;
  municipality: string | null;
  indicator_code: string;
  indicator_version: number;
  indicator_name: string;
  unit: string;
  period: string;
  period_from: string;
  period_to: string;
  /** null where the figure is withheld (small-cell protection) or has no value (a share without denominator). */
  value: number | null;
  target: number | null;
  withheld: boolean;
  approved_at: Date | null;
}

const isContent = (snapshot: unknown): snapshot is ReportContent => typeof snapshot === 'object' && snapshot !== null && (snapshot as { version?: unknown }).version === 1;

/**
 * What the public may see of the monitoring: the key figures of every period report the programme
 * office approved, as frozen at approval, exactly as the funder sees them (a figure `withheld` by
 * the report's protection, report-content.ts withheldFigures, is empty). Nothing of a report not
 * approved, nothing computed afresh: what is published is what was checked.
 */
export async function publicIndicatorValues(services: AppServices, filter: { municipalityId?: number; indicator?: string; period?: string } = {}): Promise<PublicIndicatorValue[]> {
  const [reports, towns] = await Promise.all([publicReportRepository(services.db).approvedSnapshots(filter.municipalityId), municipalityOptions(services.db)]);
  const townOf = new Map(towns.map((t) => [t.id, t]));
  const rows: PublicIndicatorValue[] = [];
  for (const report of reports) {
    if (!isContent(report.snapshot) || (filter.period && report.period !== filter.period)) continue;
    const period = parsePeriod(report.period);
    if (!period) continue;
    const town = report.municipality_id === null ? null : townOf.get(report.municipality_id);
    if (report.municipality_id !== null && !town) continue;
    report.snapshot.figures.forEach((figure, i) => {
      if (filter.indicator && figure.code !== filter.indicator) return;
      rows.push({
        id: report.id * 1000 + i + 1,
        level: town ? 'municipality' : 'programme',
        ags: town?.ags ?? null,
        municipality: town?.name ?? null,
        indicator_code: figure.code,
        indicator_version: figure.version,
        indicator_name: figure.name_de,
        unit: figure.unit,
        period: period.code,
        period_from: period.from,
        period_to: period.to,
        value: figure.withheld || figure.value === null ? null : Number(figure.value.toFixed(figure.decimals)),
        target: figure.target,
        withheld: figure.withheld,
        approved_at: report.decided_at,
      });
    });
  }
  return rows.sort((a, b) => a.id - b.id);
}

/** When the published figures last changed: the latest decision on an approved report. */
export function publicValuesModified(services: AppServices, municipalityId?: number): Promise<Date | null> {
  return publicReportRepository(services.db).lastApproval(municipalityId);
}
