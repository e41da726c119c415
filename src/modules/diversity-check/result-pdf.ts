import { formatDate, formatNumber, type Translate } from '../../platform/i18n/catalog.ts';
import { newPdfDocument, pdfBuffer } from '../../platform/pdf/fonts.ts';
import type { DimensionAdvice } from './scoring.ts';
import { DIMENSIONS, type Dimension, type Phase } from './tables.ts';

export interface ResultSheetInput {
  organisation: string;
  municipality: string;
  phase: Phase;
  assessedOn: string;
  version: number;
  index: number;
  scores: Record<Dimension, number | null>;
  /** The baseline's scores on a follow-up's sheet, for the change. */
  baseline: { index: number; scores: Record<Dimension, number | null> } | null;
  advice: DimensionAdvice[];
}

const MARGIN = 48;

/** The result sheet of one institution: scores per dimension (with the change since the baseline), strengths and next steps. */
export async function resultSheetPdf(input: ResultSheetInput, t: Translate, locale: string): Promise<Buffer> {
  const title = t('diversity_check.pdf.title');
  const doc = await newPdfDocument({ size: 'A4', margin: MARGIN, info: { Title: `${title}: ${input.organisation}`, Creator: 'Vielfalt verankern' } });
  const finished = pdfBuffer(doc);
  const width = doc.page.width - 2 * MARGIN;
  const number = (value: number | null) => (value === null ? '–' : formatNumber(locale, value, 1));
  const signed = (value: number) => `${value > 0 ? '+' : value < 0 ? '−' : ''}${formatNumber(locale, Math.abs(value), 1)}`;

  doc.font('bold').fontSize(16).text(title, { width });
  doc.font('bold').fontSize(12).text(input.organisation, { width });
  doc
    .font('regular')
    .fontSize(9)
    .text(`${t('diversity_check.pdf.municipality')}: ${input.municipality}`)
    .text(t('diversity_check.result.meta', { phase: t(`diversity_check.phase.${input.phase}`), date: formatDate(locale, input.assessedOn), version: input.version }));
  doc.moveDown();

  // Scores: one row per dimension, then the index.
  const columns = input.baseline ? [230, 90, 90, 89] : [330, 169];
  const header = input.baseline
    ? [t('diversity_check.profile.dimension'), t('diversity_check.phase.baseline'), t('diversity_check.phase.follow_up'), t('diversity_check.profile.change')]
    : [t('diversity_check.profile.dimension'), t('diversity_check.pdf.score')];
  function row(cells: string[], bold = false) {
    const top = doc.y;
    let x = MARGIN;
    doc.font(bold ? 'bold' : 'regular').fontSize(9);
    cells.forEach((cell, i) => {
      const w = columns[i] ?? 80;
      doc.rect(x, top, w, 18).lineWidth(0.5).strokeColor('#888888').stroke();
      doc.fillColor('#000000').text(cell, x + 4, top + 5, { width: w - 8, lineBreak: false, ellipsis: true, align: i === 0 ? 'left' : 'right' });
      x += w;
    });
    doc.x = MARGIN;
    doc.y = top + 18;
  }
  row(header, true);
  for (const dimension of DIMENSIONS) {
    const score = input.scores[dimension];
    const before = input.baseline?.scores[dimension] ?? null;
    row(
      input.baseline
        ? [t(`diversity_check.dimension.${dimension}`), number(before), number(score), before !== null && score !== null ? signed(score - before) : '–']
        : [t(`diversity_check.dimension.${dimension}`), number(score)],
    );
  }
  row(
    input.baseline ? [t('diversity_check.index'), number(input.baseline.index), number(input.index), signed(input.index - input.baseline.index)] : [t('diversity_check.index'), number(input.index)],
    true,
  );
  doc.moveDown();
  doc.font('regular').fontSize(8).fillColor('#444444').text(t('diversity_check.pdf.scale'), { width });
  doc.fillColor('#000000').moveDown();

  for (const advice of input.advice) {
    if (doc.y > doc.page.height - MARGIN - 90) doc.addPage();
    doc
      .font('bold')
      .fontSize(11)
      .text(`${t(`diversity_check.dimension.${advice.dimension}`)} (${number(advice.score)})`, { width });
    doc
      .font('bold')
      .fontSize(9)
      .text(`${t('diversity_check.result.strengths')}: `, { continued: true })
      .font('regular')
      .text(advice.strengths.length ? advice.strengths.join(' · ') : t('diversity_check.result.no_strengths'), { width });
    doc.font('bold').text(`${t('diversity_check.pdf.next_steps')}:`);
    doc.font('regular');
    if (advice.nextSteps.length) {
      for (const step of advice.nextSteps) {
        doc.text(`• ${t('diversity_check.result.next_step', { item: step.text, from: t(`diversity_check.level.${step.from}`), to: t(`diversity_check.level.${step.to}`) })}`, { width, indent: 8 });
      }
    } else doc.text(t('diversity_check.result.all_anchored'), { width });
    doc.moveDown(0.6);
  }
  doc.end();
  return finished;
}
