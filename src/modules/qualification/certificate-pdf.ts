import { formatDate, formatNumber, type Translate } from '../../platform/i18n/catalog.ts';
import { newPdfDocument, pdfBuffer } from '../../platform/pdf/fonts.ts';

export interface CertificateInput {
  holderName: string;
  programmeTitle: string;
  modules: Array<{ title: string; hours: number }>;
  totalHours: number;
  issuedOn: string;
  code: string;
  verifyUrl: string;
}

/** The certificate as PDF: who, which programme with its modules and hours, when, and how to verify it. */
export async function certificatePdf(input: CertificateInput, t: Translate, locale: string): Promise<Buffer> {
  const doc = await newPdfDocument({ size: 'A4', margin: 60, info: { Title: `${t('qualification.certificate.title')}: ${input.holderName}`, Creator: 'Vielfalt verankern' } });
  const finished = pdfBuffer(doc);
  const width = doc.page.width - 120;
  doc.font('bold').fontSize(24).text(t('qualification.certificate.title'), { width, align: 'center' });
  doc.moveDown(1.5);
  doc.font('regular').fontSize(12).text(t('qualification.certificate.confirms'), { width, align: 'center' });
  doc.moveDown(0.5);
  doc.font('bold').fontSize(20).text(input.holderName, { width, align: 'center' });
  doc.moveDown(0.5);
  doc.font('regular').fontSize(12).text(t('qualification.certificate.completed'), { width, align: 'center' });
  doc.moveDown(0.5);
  doc.font('bold').fontSize(16).text(input.programmeTitle, { width, align: 'center' });
  doc.moveDown(1.5);
  doc.font('bold').fontSize(11).text(t('qualification.public.modules'));
  doc.font('regular').fontSize(10);
  for (const module of input.modules) doc.text(`• ${module.title} (${t('qualification.certificate.hours', { hours: formatNumber(locale, module.hours, 1) })})`, { width });
  doc.moveDown(0.5);
  doc.font('bold').text(`${t('qualification.public.total_hours')}: ${formatNumber(locale, input.totalHours, 1)}`);
  doc.moveDown(2);
  doc
    .font('regular')
    .fontSize(11)
    .text(`${t('qualification.certificate.date')}: ${formatDate(locale, input.issuedOn)}`);
  doc.moveDown(2);
  doc.fontSize(9).text(t('qualification.certificate.verify', { code: input.code, url: input.verifyUrl }), { width });
  doc.end();
  return finished;
}
