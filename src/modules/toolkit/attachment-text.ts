import { type Unzipped, unzipSync } from 'fflate';
import type { AttachmentKind } from './tables.ts';

/** At most this much text of one attachment goes into the search. */
const MAX_TEXT = 50_000;
/** A zipped part larger than this when unpacked is not read (a zip bomb stays a small file). */
const MAX_PART_BYTES = 20 * 1024 * 1024;
const MAX_PDF_PAGES = 40;

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** The text runs of Office XML (`<w:t>` in Word, `<a:t>` in PowerPoint), paragraphs as line breaks. */
function xmlText(xml: string, tag: 'w:t' | 'a:t'): string {
  const paragraphs = xml.split(tag === 'w:t' ? '</w:p>' : '</a:p>');
  const runs = new RegExp(`<${tag}(?:\\s[^>]*)?>([^<]*)</${tag}>`, 'g');
  return paragraphs
    .map((p) => [...p.matchAll(runs)].map((m) => m[1] ?? '').join(''))
    .filter(Boolean)
    .join('\n')
    .replace(/&(amp|lt|gt|quot|apos);/g, (_m, name: string) => XML_ENTITIES[name] ?? '')
    .replace(/&#(\d+);/g, (_m, code: string) => String.fromCodePoint(Math.min(Number(code), 0x10ffff)));
}

function unzipParts(data: Buffer, wanted: (name: string) => boolean): Unzipped | null {
  try {
    return unzipSync(new Uint8Array(data), { filter: (file) => wanted(file.name) && file.originalSize <= MAX_PART_BYTES });
  } catch {
    return null;
  }
}

/** Which Office document a ZIP is, by its parts (a ZIP that is neither is refused). */
export function officeKind(data: Buffer): 'docx' | 'pptx' | null {
  const parts = unzipParts(data, (name) => name === '[Content_Types].xml');
  const types = parts?.['[Content_Types].xml'];
  if (!types) return null;
  const text = new TextDecoder().decode(types);
  if (text.includes('wordprocessingml.document.main')) return 'docx';
  if (text.includes('presentationml.presentation.main')) return 'pptx';
  return null;
}

async function pdfText(data: Buffer): Promise<string> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const pdf = await getDocument({ data: new Uint8Array(data), isEvalSupported: false, useSystemFonts: false, verbosity: 0 }).promise;
  const texts: string[] = [];
  try {
    for (let i = 1; i <= Math.min(pdf.numPages, MAX_PDF_PAGES); i++) {
      const content = await (await pdf.getPage(i)).getTextContent();
      texts.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
      if (texts.join(' ').length > MAX_TEXT) break;
    }
  } finally {
    await pdf.destroy();
  }
  return texts.join('\n');
}

/**
 * The readable text of an attachment for the search: the text layer of a PDF, the paragraphs of a
 * Word document, the slides' text of a presentation; none for images. A file that cannot be read
 * gives no text (it is still offered for download).
 */
export async function extractText(kind: AttachmentKind, data: Buffer): Promise<string> {
  try {
    let text = '';
    if (kind === 'pdf') text = await pdfText(data);
    else if (kind === 'docx') {
      const doc = unzipParts(data, (name) => name === 'word/document.xml')?.['word/document.xml'];
      text = doc ? xmlText(new TextDecoder().decode(doc), 'w:t') : '';
    } else if (kind === 'pptx') {
      const slides = unzipParts(data, (name) => /^ppt\/slides\/slide\d+\.xml$/.test(name)) ?? {};
      text = Object.keys(slides)
        .sort((a, b) => Number(/\d+/.exec(a)?.[0]) - Number(/\d+/.exec(b)?.[0]))
        .map((name) => xmlText(new TextDecoder().decode(slides[name]), 'a:t'))
        .join('\n');
    }
    return text.replace(/\s+/g, ' ').trim().slice(0, MAX_TEXT);
  } catch {
    return '';
  }
}

/** The media type a download is sent with. */
export const ATTACHMENT_MEDIA_TYPES: Record<AttachmentKind, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  image: 'image/*',
};
