import type { Cell } from '../../platform/http/tables.ts';
import type { Translate } from '../../platform/i18n/catalog.ts';
import { type Shown, WITHHELD_MARK } from '../../platform/stats/suppression.ts';
import { AMIF_COLUMNS, type AmifColumn } from './amif-repository.ts';
import type { ReportContent } from './report-content.ts';
import { AMIF_GROUPS } from './service.ts';
import { periodLabel } from './views/dashboard.tsx';

/** One table of a report file: a sheet of the XLSX, a block of the CSV, a table of the PDF. */
export interface ExportTable {
  title: string;
  headers: string[];
  /** Numbers stay numbers; a withheld cell is the mark, a missing value empty. */
  rows: Cell[][];
  /** Columns from this one on are numbers (right-aligned in the PDF). */
  numericFrom: number;
}

/** What a report file says about itself: printed on the notes sheet, the top of the PDF and the end of the CSV. */
export interface ReportFile {
  title: string;
  fileName: string;
  scope: string;
  status: string;
  narrative: string;
  content: ReportContent;
  /** Shown as the funder sees it: withheld cells marked. */
  protect: boolean;
  towns: Map<number, { ags: string; name: string }>;
}

const columnsOf = (group: string) => AMIF_COLUMNS.filter((c) => c.startsWith(`${group}.`));
const mark = (value: Shown): Cell => (value === null ? WITHHELD_MARK : value);

/** Rounds a figure to its catalogue decimals, so that the file shows what the page shows. */
function rounded(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

/** The tables of a report in the order of its page: key figures, trend, and the AMIF table by breakdown. */
export function reportTables(file: ReportFile, t: Translate, locale: string): ExportTable[] {
  const { content, protect } = file;
  const figures: ExportTable = {
    title: t('monitoring.export.sheet.figures'),
    headers: [t('monitoring.figures.code'), t('monitoring.figures.indicator'), t('monitoring.figures.value'), t('monitoring.figures.unit'), t('monitoring.figures.target')],
    rows: content.figures.map((f) => [
      f.code,
      locale === 'de' ? f.name_de : f.name_en,
      protect && f.withheld ? WITHHELD_MARK : f.value === null ? null : rounded(f.value, f.decimals),
      t(`monitoring.unit.${f.unit}`),
      f.target,
    ]),
    numericFrom: 2,
  };
  const trend: ExportTable = {
    title: t('monitoring.export.sheet.trend'),
    headers: [t('monitoring.period.label'), t('monitoring.amif.total')],
    rows: content.trend.map((p) => [periodLabel(t, p.period), protect && p.withheld ? WITHHELD_MARK : p.value]),
    numericFrom: 1,
  };
  const rows = content.participants.rows;
  const amif = AMIF_GROUPS.map((group): ExportTable => {
    const columns = columnsOf(group);
    const table = protect ? content.participants.protected?.[group] : undefined;
    const body: Cell[][] = rows.map((row, r) => {
      const town = file.towns.get(row.municipalityId ?? 0);
      const cells = table ? columns.map((_, i) => mark(table.cells[r]?.[i] ?? null)) : columns.map((c) => row.counts[c as AmifColumn]);
      return [town?.ags ?? '', town?.name ?? '', ...cells, table ? mark(table.rowTotals[r] ?? null) : row.counts.total];
    });
    if (rows.length > 1) {
      const sums = table ? columns.map((_, i) => mark(table.columnTotals[i] ?? null)) : columns.map((c) => rows.reduce((s, row) => s + row.counts[c as AmifColumn], 0));
      body.push(['', t('monitoring.amif.sum'), ...sums, table ? mark(table.total) : rows.reduce((s, row) => s + row.counts.total, 0)]);
    }
    return {
      title: t(`monitoring.amif.group.${group}`),
      headers: [t('monitoring.amif.ags'), t('monitoring.amif.town'), ...columns.map((c) => t(`monitoring.amif.column.${c}`)), t('monitoring.amif.total')],
      rows: body,
      numericFrom: 2,
    };
  });
  return [figures, trend, ...amif];
}

/** The notes: programme, period, area, dates, status, the suppression rule, and what each unit and mark means. */
export function reportNotes(file: ReportFile, t: Translate, downloadedAt: Date): Array<[string, string]> {
  const { content } = file;
  const units = [...new Set(content.figures.map((f) => f.unit))];
  return [
    [t('monitoring.export.report'), file.title],
    [t('monitoring.export.programme'), t('layout.site_name')],
    [t('monitoring.export.period'), `${periodLabel(t, content.period.code)} (${content.period.from} – ${content.period.to})`],
    [t('monitoring.export.scope'), file.scope],
    [t('monitoring.export.status'), file.status],
    [t('monitoring.export.extracted'), content.extractedAt.replace('T', ' ').slice(0, 16)],
    [t('monitoring.export.downloaded'), downloadedAt.toISOString().replace('T', ' ').slice(0, 16)],
    [t('monitoring.export.rule'), file.protect ? t('monitoring.export.rule_text', { mark: WITHHELD_MARK }) : t('monitoring.export.unprotected')],
    [t('monitoring.export.missing_label'), t('monitoring.export.missing')],
    ...units.map((unit): [string, string] => [t(`monitoring.unit.${unit}`), t(`monitoring.export.unit_note.${unit}`)]),
    [t('monitoring.export.persons_label'), t('monitoring.export.persons')],
    [t('monitoring.town_report.narrative'), file.narrative || t('monitoring.town_report.no_narrative')],
  ];
}
