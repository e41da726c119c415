import { stringify } from 'csv-stringify/sync';

export type Cell = string | number | Date | null | undefined;

/**
 * A spreadsheet must not run what people typed: a cell starting with =, +, -, @ (or a tab or
 * carriage return) is a formula to Excel and LibreOffice, so it gets a leading apostrophe.
 */
export function safeCell(value: Cell): string | number | Date {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'string') return value;
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** Column headers are typed by people too (a survey's questions), so they get the same treatment as cells. */
function safeHeaders(headers: string[]): string[] {
  return headers.map((header) => String(safeCell(header)));
}

/** CSV as German spreadsheets expect it: semicolons, UTF-8 with byte order mark. */
export function toCsv(headers: string[], rows: Cell[][]): string {
  return stringify(
    [
      safeHeaders(headers),
      ...rows.map((row) =>
        row.map((cell) => {
          const safe = safeCell(cell);
          return safe instanceof Date ? safe.toISOString() : safe;
        }),
      ),
    ],
    { delimiter: ';', bom: true },
  );
}

/** exceljs is loaded on the first export, not at start (it costs about 0.2 s to load). */
export async function toXlsx(sheetName: string, headers: string[], rows: Cell[][]): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Vielfalt verankern';
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31));
  sheet.addRow(safeHeaders(headers)).font = { bold: true };
  for (const row of rows) sheet.addRow(row.map(safeCell));
  sheet.columns.forEach((column) => {
    column.width = 22;
  });
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A workbook of several sheets (e.g. a report: one sheet per table and a notes sheet); sheet names are cut to Excel's 31 characters. */
export async function toXlsxSheets(sheets: Array<{ name: string; headers: string[]; rows: Cell[][]; widths?: number[] }>): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Vielfalt verankern';
  const used = new Set<string>();
  for (const { name, headers, rows, widths } of sheets) {
    // Excel forbids []:*?/\ in sheet names and needs them unique.
    let sheetName = name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31);
    for (let n = 2; used.has(sheetName); n++) sheetName = `${sheetName.slice(0, 28)} ${n}`;
    used.add(sheetName);
    const sheet = workbook.addWorksheet(sheetName);
    sheet.addRow(safeHeaders(headers)).font = { bold: true };
    for (const row of rows) sheet.addRow(row.map(safeCell));
    sheet.columns.forEach((column, i) => {
      column.width = widths?.[i] ?? 18;
    });
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
