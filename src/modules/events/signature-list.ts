import { formatDate, type Translate } from '../../platform/i18n/catalog.ts';
import { newPdfDocument, pdfBuffer } from '../../platform/pdf/fonts.ts';

export interface SignatureListInput {
  title: string;
  startsAt: Date;
  endsAt: Date;
  place: string;
  municipality: string;
  rows: Array<{ name: string; organisation: string; homeTown: string }>;
}

const MARGIN = 40;
const ROW_HEIGHT = 26;
const COLUMNS = [
  { key: 'no', width: 32 },
  { key: 'name', width: 150 },
  { key: 'organisation', width: 120 },
  { key: 'municipality', width: 100 },
  { key: 'signature', width: 113 },
] as const;

/** The participant list with a signature column, as the funder keeps it as evidence of attendance. */
export async function signatureListPdf(input: SignatureListInput, t: Translate, locale: string): Promise<Buffer> {
  const doc = await newPdfDocument({ size: 'A4', margin: MARGIN, bufferPages: true, info: { Title: `${t('events.pdf.title')}: ${input.title}`, Creator: 'Vielfalt verankern' } });
  const finished = pdfBuffer(doc);

  const pageWidth = doc.page.width - 2 * MARGIN;
  const bottom = doc.page.height - MARGIN - 20;

  function header() {
    // Space for the funders' logos (EU AMIF, state): printed lists carry them, the programme supplies the files.
    doc
      .rect(doc.page.width - MARGIN - 170, MARGIN, 170, 50)
      .lineWidth(0.5)
      .strokeColor('#888888')
      .stroke();
    doc
      .font('regular')
      .fontSize(7)
      .fillColor('#555555')
      .text(t('events.pdf.logos'), doc.page.width - MARGIN - 165, MARGIN + 20, { width: 160, align: 'center' });
    doc
      .fillColor('#000000')
      .font('bold')
      .fontSize(14)
      .text(t('events.pdf.title'), MARGIN, MARGIN, { width: pageWidth - 180 });
    doc
      .font('bold')
      .fontSize(11)
      .text(input.title, { width: pageWidth - 180 });
    doc
      .font('regular')
      .fontSize(9)
      .text(`${t('events.pdf.date')}: ${formatDate(locale, input.startsAt, true)} – ${formatDate(locale, input.endsAt, true)}`, { width: pageWidth - 180 })
      .text(`${t('events.pdf.place')}: ${input.place || input.municipality}`, { width: pageWidth - 180 })
      .text(`${t('events.pdf.municipality')}: ${input.municipality}`, { width: pageWidth - 180 });
    doc.y = Math.max(doc.y, MARGIN + 60) + 10;
    row(
      COLUMNS.map((c) => t(`events.pdf.column_${c.key}`)),
      true,
    );
  }

  function row(cells: string[], isHeader = false) {
    const top = doc.y;
    let x = MARGIN;
    doc.font(isHeader ? 'bold' : 'regular').fontSize(9);
    for (const [i, column] of COLUMNS.entries()) {
      doc.rect(x, top, column.width, ROW_HEIGHT).lineWidth(0.5).strokeColor('#000000').stroke();
      doc.text(cells[i] ?? '', x + 4, top + 8, { width: column.width - 8, height: ROW_HEIGHT - 10, ellipsis: true, lineBreak: false });
      x += column.width;
    }
    doc.x = MARGIN;
    doc.y = top + ROW_HEIGHT;
  }

  header();
  // Five empty rows at the end for people who come without registering.
  const rows = [...input.rows.map((r) => [r.name, r.organisation, r.homeTown]), ...Array.from({ length: 5 }, () => ['', '', ''])];
  for (const [index, cells] of rows.entries()) {
    if (doc.y + ROW_HEIGHT > bottom) {
      doc.addPage();
      header();
    }
    row([String(index + 1), ...cells, '']);
  }

  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    doc
      .font('regular')
      .fontSize(8)
      .text(t('events.pdf.page', { page: i + 1, pages: range.count }), MARGIN, doc.page.height - MARGIN - 10, { width: pageWidth, align: 'right', lineBreak: false });
  }
  doc.end();
  return finished;
}
