import { MIN_CELL_SIZE } from '../../platform/stats/small-cells.ts';
import type { ProtectedTable, Shown } from '../../platform/stats/suppression.ts';
import { AMIF_COLUMNS, type AmifColumn } from './amif-repository.ts';
import type { Period } from './periods.ts';
import { type AMIF_GROUPS, type IndicatorValue, type monitoringService, protectParticipantTable } from './service.ts';

/**
 * What a period report shows besides its narrative: the key figures, the trend and the AMIF table,
 * with the names, units and decimals of the catalogue version they were computed with. A report
 * still open shows this computed now; an approved one shows the copy frozen at approval (the
 * snapshot), so that later changes to the data or the catalogue leave it as it was approved.
 */
export interface ReportFigure {
  code: string;
  version: number;
  name_de: string;
  name_en: string;
  unit: string;
  decimals: number;
  value: number | null;
  target: number | null;
  origin: IndicatorValue['origin'];
  /** Not shown to those without the right to the persons (the funder): see `withheldFigures`. */
  withheld: boolean;
}

export interface ReportContent {
  version: 1;
  period: { code: string; from: string; to: string };
  /** When the figures were computed (for a snapshot: the moment of approval). */
  extractedAt: string;
  figures: ReportFigure[];
  trend: Array<{ period: string; value: number; withheld: boolean }>;
  participants: {
    /** Per town: its id and the counts of every AMIF column (unprotected; only staff see these). */
    rows: Array<{ municipalityId: number | null; counts: Record<AmifColumn, number> }>;
    /** Each person once across the towns (programme report only). */
    all: Record<AmifColumn, number> | null;
    /** The same tables as the funder sees them, suppressed once at the time of extraction. */
    protected: Record<(typeof AMIF_GROUPS)[number], ProtectedTable> | null;
  };
}

const small = (value: number | null) => value !== null && value > 0 && value < MIN_CELL_SIZE;

/**
 * Which key figures the funder may not see: a count of persons of 1–4, a share whose numerator or
 * denominator counts 1–4 persons, and a participant figure whose cell of the protected AMIF table
 * is withheld (else the figure would give the withheld cell away: the tables are linked).
 */
export function withheldFigures(values: IndicatorValue[], table: Record<(typeof AMIF_GROUPS)[number], ProtectedTable> | null, townRow: number | null): boolean[] {
  return values.map((v) => {
    const personal = v.indicator.unit === 'persons' || v.indicator.numerator_source === 'monitoring.participants';
    if (!personal) return false;
    if (small(v.numerator) || small(v.denominator) || (v.indicator.unit === 'persons' && small(v.value))) return true;
    if (!table || townRow === null || v.indicator.numerator_source !== 'monitoring.participants') return false;
    const [dimension, values] = Object.entries(v.indicator.numerator_filter)[0] ?? [];
    if (!dimension || !values) return table.sex.rowTotals[townRow] === null;
    const group = table[dimension as (typeof AMIF_GROUPS)[number]];
    if (!group) return false;
    const columns = AMIF_COLUMNS.filter((c) => c.startsWith(`${dimension}.`));
    return values.some((value) => group.cells[townRow]?.[columns.indexOf(`${dimension}.${value}` as AmifColumn)] === null);
  });
}

/**
 * A report's content: for a town or for the programme (all towns), from the figures the dashboards
 * show (the summary the job keeps, else counted now); `extractedAt` is when they were counted.
 */
export async function computeReportContent(service: ReturnType<typeof monitoringService>, period: Period, town: number | null): Promise<ReportContent> {
  const set = await service.figures(period, town ?? undefined);
  const { figures, trend, participants: table } = set;
  const protectedTables = table.rows.length > 0 ? protectParticipantTable(table.rows) : null;
  const withheld = withheldFigures(figures, protectedTables, town === null ? null : 0);
  return {
    version: 1,
    period: { code: period.code, from: period.from, to: period.to },
    extractedAt: set.computedAt.toISOString(),
    figures: figures.map((f, i) => ({
      code: f.indicator.code,
      version: f.indicator.version,
      name_de: f.indicator.name_de,
      name_en: f.indicator.name_en,
      unit: f.indicator.unit,
      decimals: f.indicator.decimals,
      value: f.value,
      target: f.target,
      origin: f.origin,
      withheld: withheld[i] === true,
    })),
    trend: trend.map((p) => ({ period: p.period.code, value: p.value, withheld: small(p.value) })),
    participants: { rows: table.rows.map((r) => ({ municipalityId: r.municipalityId, counts: r.counts })), all: town === null ? (table.all?.counts ?? null) : null, protected: protectedTables },
  };
}

/** A number as the viewer may see it: null where it is withheld for someone without the right to the persons. */
export function shown(value: number | null, withheld: boolean, protect: boolean): Shown {
  return protect && withheld ? null : value;
}
