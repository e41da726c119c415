import { type Cell, toCsv, toXlsxSheets } from '../../platform/http/tables.ts';
import type { Translate } from '../../platform/i18n/catalog.ts';
import { newPdfDocument, pdfBuffer } from '../../platform/pdf/fonts.ts';
import { type ExportTable, type ReportFile, reportNotes, reportTables } from './report-tables.ts';

export const REPORT_FORMATS = ['xlsx', 'csv', 'pdf'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const REPORT_TYPES: Record<ReportFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
  pdf: 'application/pdf',
};

/** `bericht.xlsx` → xlsx; anything else is no file of a report. */
export function reportFormat(name: string): ReportFormat | null {
  const match = /^bericht\.(xlsx|csv|pdf)$/.exec(name);
  return match ? (match[1] as ReportFormat) : null;
}

const MARGIN = 40;

/** The report as a PDF: what it is, when extracted, the suppression rule, the narrative, then every table. */
async function reportPdf(file: ReportFile, tables: ExportTable[], notes: Array<[string, string]>): Promise<Buffer> {
  const doc = await newPdfDocument({ size: 'A4', margin: MARGIN, info: { Title: file.title, Creator: 'Vielfalt verankern' } });
  const finished = pdfBuffer(doc);
  const width = doc.page.width - 2 * MARGIN;
  const bottom = doc.page.height - MARGIN;
  doc.font('bold').fontSize(15).text(file.title, { width });
  doc.moveDown(0.5);
  const narrative = notes[notes.length - 1] as [string, string];
  for (const [label, text] of notes.slice(1, -1)) doc.font('bold').fontSize(9).text(`${label}: `, { continued: true, width }).font('regular').text(text, { width });
  doc.moveDown();
  doc.font('bold').fontSize(12).text(narrative[0], { width });
  doc.font('regular').fontSize(10).text(narrative[1], { width });

  for (const table of tables) {
    doc.moveDown();
    if (doc.y > bottom - 80) doc.addPage();
    doc.font('bold').fontSize(11).text(table.title, MARGIN, doc.y, { width });
    const count = table.headers.length;
    const first = count > 5 ? 60 : 0;
    const nameWidth = count > 5 ? 110 : Math.round(width * 0.5);
    const rest = (width - first - nameWidth) / Math.max(1, count - (first ? 2 : 1));
    const widths = table.headers.map((_, i) => (first && i === 0 ? first : i === (first ? 1 : 0) ? nameWidth : rest));
    const row = (cells: Cell[], bold: boolean) => {
      const height = bold ? 26 : 16;
      if (doc.y + height > bottom) doc.addPage();
      const top = doc.y;
      let x = MARGIN;
      doc.font(bold ? 'bold' : 'regular').fontSize(bold ? 7 : 8);
      cells.forEach((cell, i) => {
        const w = widths[i] ?? rest;
        doc.rect(x, top, w, height).lineWidth(0.4).strokeColor('#999999').stroke();
        const text = cell === null || cell === undefined ? '–' : cell instanceof Date ? cell.toISOString().slice(0, 10) : String(cell);
        doc.fillColor('#000000').text(text, x + 3, top + 4, { width: w - 6, height: height - 4, ellipsis: true, align: i >= table.numericFrom && !bold ? 'right' : 'left' });
        x += w;
      });
      doc.x = MARGIN;
      doc.y = top + height;
    };
    row(table.headers, true);
    for (const cells of table.rows) row(cells, false);
  }
  doc.end();
  return finished;
}

/** The report in one of its formats; every format carries the same numbers and the same withheld cells. */
export async function reportFile(format: ReportFormat, file: ReportFile, t: Translate, locale: string): Promise<Buffer | string> {
  const tables = reportTables(file, t, locale);
  const notes = reportNotes(file, t, new Date());
  if (format === 'xlsx') {
    return toXlsxSheets([
      { name: t('monitoring.export.sheet.notes'), headers: [t('monitoring.export.sheet.notes'), ''], rows: notes, widths: [28, 100] },
      ...tables.map((table) => ({ name: table.title, headers: table.headers, rows: table.rows, widths: table.headers.map((_, i) => (i === 1 ? 40 : 16)) })),
    ]);
  }
  if (format === 'csv') {
    const rows: Cell[][] = [...notes, []];
    for (const table of tables) rows.push([table.title], table.headers, ...table.rows, []);
    return toCsv([file.title], rows);
  }
  return reportPdf(file, tables, notes);
}
