import { parse } from 'csv-parse/sync';
import { unzipSync } from 'fflate';
import { ValidationError } from '../../platform/http/errors.ts';

/** What an import file may be: small enough to read in one request, and a sheet a town keeps by hand. */
export const IMPORT_LIMITS = { maxBytes: 5 * 1024 * 1024, maxRows: 10_000, maxColumns: 60, maxCell: 5_000, maxUnzippedBytes: 60 * 1024 * 1024 } as const;

export interface ImportTable {
  headers: string[];
  rows: string[][];
}

const fail = (key: string, params?: Record<string, string | number>): never => {
  throw new ValidationError({ file: { key, params } });
};

const isZip = (b: Buffer) => b.length > 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
/** The old binary Excel format (and other OLE files): refused with a hint to save as XLSX or CSV. */
const isOle = (b: Buffer) => b.length > 8 && b.subarray(0, 8).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
const BINARY_SIGNATURES = [Buffer.from('%PDF-'), Buffer.from([0x89, 0x50, 0x4e, 0x47]), Buffer.from([0xff, 0xd8, 0xff]), Buffer.from('GIF8'), Buffer.from([0x1f, 0x8b])];

/**
 * Reads an uploaded CSV or XLSX by its first bytes, never by its name: a ZIP that holds a workbook
 * is XLSX, text without NUL bytes is CSV (UTF-8, or Windows-1252 when the bytes are not UTF-8, as
 * Excel on Windows saves it; `;`, `,` or tab as delimiter, whichever the header line uses most).
 * Every other file, and one beyond the limits, is a field error for the upload.
 */
export async function readImportFile(data: Buffer): Promise<ImportTable> {
  if (data.length === 0) fail('files.empty');
  if (data.length > IMPORT_LIMITS.maxBytes) fail('files.too_large', { max: IMPORT_LIMITS.maxBytes / 1024 / 1024 });
  if (isOle(data)) fail('network.workspace.import.old_excel');
  const table = isZip(data) ? await readXlsx(data) : readCsv(data);
  return tidy(table);
}

function decode(data: Buffer): string {
  const probe = data.subarray(0, 64 * 1024);
  if (probe.includes(0) || BINARY_SIGNATURES.some((s) => probe.subarray(0, s.length).equals(s))) fail('files.wrong_type');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    text = new TextDecoder('windows-1252').decode(data);
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** The delimiter the header line uses most (outside quotes); a one-column file has none, and `;` is as good as any. */
export function guessDelimiter(text: string): string {
  const counts: Record<string, number> = { ';': 0, ',': 0, '\t': 0 };
  let quoted = false;
  for (const char of text.slice(0, 10_000)) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && char in counts) counts[char] = (counts[char] ?? 0) + 1;
  }
  const [best, count] = Object.entries(counts).sort((a, b) => b[1] - a[1])[0] ?? [';', 0];
  return count > 0 ? best : ';';
}

function readCsv(data: Buffer): ImportTable {
  const text = decode(data);
  let records: string[][];
  try {
    records = parse(text, {
      delimiter: guessDelimiter(text),
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      max_record_size: IMPORT_LIMITS.maxCell * IMPORT_LIMITS.maxColumns,
      to: IMPORT_LIMITS.maxRows + 2,
    }) as string[][];
  } catch {
    return fail('network.workspace.import.unreadable');
  }
  const [headers = [], ...rows] = records;
  return { headers, rows };
}

/**
 * The first sheet of a workbook, as the text each cell shows: a formula counts by its stored result
 * and is never evaluated, a link by its text. The archive's unpacked size is checked before
 * exceljs opens it, so a small ZIP that unpacks to gigabytes is refused.
 */
async function readXlsx(data: Buffer): Promise<ImportTable> {
  let unpacked = 0;
  let workbook = false;
  try {
    unzipSync(data, {
      filter: (file) => {
        unpacked += file.originalSize;
        if (file.name === 'xl/workbook.xml') workbook = true;
        return false;
      },
    });
  } catch {
    return fail('files.wrong_type');
  }
  if (!workbook) fail('files.wrong_type');
  if (unpacked > IMPORT_LIMITS.maxUnzippedBytes) fail('files.too_large', { max: IMPORT_LIMITS.maxBytes / 1024 / 1024 });
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    return fail('network.workspace.import.unreadable');
  }
  const sheet = book.worksheets[0];
  if (!sheet) return fail('network.workspace.import.no_rows');
  const records: string[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    if (records.length > IMPORT_LIMITS.maxRows + 1) return;
    const cells: string[] = [];
    const count = Math.min(row.cellCount, IMPORT_LIMITS.maxColumns + 1);
    for (let i = 1; i <= count; i++) cells.push(cellText(row.getCell(i)));
    records.push(cells);
  });
  const [headers = [], ...rows] = records;
  return { headers, rows };
}

function cellText(cell: { value: unknown; text: string }): string {
  const value = cell.value as { formula?: unknown; result?: unknown } | null;
  // A formula's cached result, never the formula itself.
  if (value && typeof value === 'object' && 'formula' in value) return value.result == null ? '' : String(value.result);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  try {
    return cell.text ?? '';
  } catch {
    return '';
  }
}

/** Control characters other than tab and line breaks: a cell keeps none of them. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what a cell must not keep
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/** Trimmed text, no control characters, the limits checked; wholly empty rows dropped. */
function tidy(table: ImportTable): ImportTable {
  const clean = (cell: unknown) =>
    String(cell ?? '')
      .replace(CONTROL, '')
      .trim();
  const headers = table.headers.map(clean);
  if (headers.length === 0 || headers.every((h) => h === '')) fail('network.workspace.import.no_header');
  if (headers.length > IMPORT_LIMITS.maxColumns) fail('network.workspace.import.too_many_columns', { max: IMPORT_LIMITS.maxColumns });
  const rows = table.rows.map((row) => row.slice(0, headers.length).map(clean)).filter((row) => row.some((cell) => cell !== ''));
  if (rows.length === 0) fail('network.workspace.import.no_rows');
  if (rows.length > IMPORT_LIMITS.maxRows) fail('network.workspace.import.too_many_rows', { max: IMPORT_LIMITS.maxRows });
  if (rows.some((row) => row.some((cell) => cell.length > IMPORT_LIMITS.maxCell))) fail('network.workspace.import.cell_too_long', { max: IMPORT_LIMITS.maxCell });
  return { headers: headers.map((h, i) => h || `#${i + 1}`), rows };
}
