import type { QuestionKind } from './tables.ts';
import { surveyRepository } from './repository.ts';

export interface QuestionResult {
  id: number;
  kind: QuestionKind;
  prompt: string;
  rows: Array<{ label: string; count: number }>;
  numbers: { n: number; mean: number; min: number; max: number } | null;
  texts: Array<{ id: number; text: string; approved: boolean }>;
}

/** Labels of a choice or scale question: its options, or 1–5 with the scale's end labels. */
export function choiceLabels(kind: QuestionKind, options: string[]): string[] {
  if (kind !== 'scale') return options;
  return [1, 2, 3, 4, 5].map((n) => (n === 1 && options[0] ? `1 – ${options[0]}` : n === 5 && options[1] ? `5 – ${options[1]}` : String(n)));
}

/** Every question's result from three aggregate queries; free texts only approved ones unless asked for all. */
export async function surveyResults(db: Parameters<typeof surveyRepository>[0], surveyId: number, allTexts: boolean): Promise<{ results: QuestionResult[]; responses: number }> {
  const repo = surveyRepository(db);
  const [questions, counts, numbers, texts, responses] = await Promise.all([
    repo.questions(surveyId),
    repo.choiceCounts(surveyId),
    repo.numberStats(surveyId),
    repo.texts(surveyId, !allTexts),
    repo.responseCount(surveyId),
  ]);
  const results = questions.map((q) => {
    const labels = choiceLabels(q.kind, q.options);
    const offset = q.kind === 'scale' ? 1 : 0;
    const rows =
      q.kind === 'single' || q.kind === 'multiple' || q.kind === 'scale'
        ? labels.map((label, i) => ({ label, count: Number(counts.find((c) => c.question_id === q.id && c.choice === i + offset)?.n ?? 0) }))
        : [];
    const stat = numbers.find((n) => n.question_id === q.id);
    return {
      id: q.id,
      kind: q.kind,
      prompt: q.prompt,
      rows,
      numbers: stat ? { n: Number(stat.n), mean: Number(stat.mean), min: Number(stat.min), max: Number(stat.max) } : null,
      texts: texts.filter((t) => t.question_id === q.id).map((t) => ({ id: t.id, text: t.text ?? '', approved: t.text_approved })),
    };
  });
  return { results, responses };
}
