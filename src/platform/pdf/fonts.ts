import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type PDFDocument from 'pdfkit';

type PdfOptions = ConstructorParameters<typeof PDFDocument>[0];

/**
 * A new A4 document with the fonts registered. pdfkit is loaded on first use, not at start: it
 * costs about 0.1 s to load and most processes never print.
 */
export async function newPdfDocument(options: PdfOptions): Promise<InstanceType<typeof PDFDocument>> {
  const { default: Pdf } = await import('pdfkit');
  const doc = new Pdf(options);
  registerFonts(doc);
  return doc;
}

/** DejaVu Sans prints Latin with Turkish letters, Cyrillic and Arabic: the names of people in Hessen. */
let fonts: { regular: Buffer; bold: Buffer } | null = null;

/** Registers the fonts `regular` and `bold` on a document; read from disk once per process. */
export function registerFonts(doc: InstanceType<typeof PDFDocument>): void {
  if (!fonts) {
    const dir = join(dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');
    fonts = { regular: readFileSync(join(dir, 'DejaVuSans.ttf')), bold: readFileSync(join(dir, 'DejaVuSans-Bold.ttf')) };
  }
  doc.registerFont('regular', fonts.regular);
  doc.registerFont('bold', fonts.bold);
}

/** Collects a finished document into one buffer. */
export function pdfBuffer(doc: InstanceType<typeof PDFDocument>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  return new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}
