import { newPdfDocument, pdfBuffer } from '../../platform/pdf/fonts.ts';
import type { CardContent } from './views/card.tsx';

const MARGIN = 56;

/** The card as a printable A4 PDF for a workshop: the same content and labels as the page, in the reader's language where translated. */
export async function methodCardPdf(card: CardContent, t: (key: string, params?: Record<string, string | number>) => string, url: string): Promise<Buffer> {
  const doc = await newPdfDocument({ size: 'A4', margin: MARGIN, info: { Title: card.title, Creator: 'Vielfalt verankern', Subject: t('toolkit.public.title') } });
  const done = pdfBuffer(doc);
  const heading = (text: string) => doc.moveDown(0.8).font('bold').fontSize(12).text(text).moveDown(0.2).font('regular').fontSize(10.5);
  doc.font('regular').fontSize(9).fillColor('#3e4152').text(t('toolkit.public.title'));
  doc.moveDown(0.4).font('bold').fontSize(18).fillColor('#000000').text(card.title);
  doc.moveDown(0.4).font('regular').fontSize(11.5).text(card.summary);
  const list = (prefix: string, values: string[]) => values.map((v) => t(`${prefix}.${v}`)).join(', ');
  const facts: Array<[string, string]> = [
    [t('toolkit.card.format'), t(`toolkit.format.${card.format}`)],
    [t('toolkit.card.duration'), t(`toolkit.duration.${card.duration}`)],
    [t('toolkit.card.group_size'), t(`toolkit.size.${card.group_size}`)],
    [t('toolkit.card.fields'), list('toolkit.field', card.fields_of_action)],
    [t('toolkit.card.target_groups'), list('toolkit.target', card.target_groups)],
    [t('toolkit.card.town'), card.town],
    [t('toolkit.card.contact'), card.contact],
  ];
  doc.moveDown(0.6).fontSize(10.5);
  for (const [label, value] of facts) if (value) doc.font('bold').text(`${label}: `, { continued: true }).font('regular').text(value);
  if (card.goal) heading(t('toolkit.card.goal')).text(card.goal);
  heading(t('toolkit.card.steps'));
  card.steps.forEach((step, i) => {
    doc.text(`${i + 1}. ${step}`, { indent: 0 }).moveDown(0.2);
  });
  if (card.materials) heading(t('toolkit.card.materials')).text(card.materials);
  if (card.easy_summary) heading(t('toolkit.card.easy_summary')).text(card.easy_summary);
  doc
    .moveDown(1.2)
    .fontSize(9)
    .fillColor('#3e4152')
    .text(`${t('toolkit.card.licence')}: ${card.licence} · ${url}`);
  doc.end();
  return done;
}
