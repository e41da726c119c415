import type { Cell } from '../../platform/http/tables.ts';
import { choiceLabels } from './results.ts';
import type { QuestionKind } from './tables.ts';

interface ExportQuestion {
  id: number;
  kind: QuestionKind;
  prompt: string;
  options: string[];
}

interface ExportRow {
  response_id: number;
  created_at: Date;
  offline: boolean;
  question_id: number | null;
  choice: number | null;
  number: number | null;
  text: string | null;
}

/** One line per response, one column per question; several choices of a question share a cell. */
export function answerTable(questions: ExportQuestion[], rows: ExportRow[], t: (key: string) => string): { headers: string[]; table: Cell[][] } {
  const headers = [t('surveys.export.response'), t('surveys.export.created'), t('surveys.export.offline'), ...questions.map((q) => q.prompt)];
  const byId = new Map(questions.map((q) => [q.id, q]));
  const byResponse = new Map<number, { created: Date; offline: boolean; answers: Map<number, string[]> }>();
  for (const row of rows) {
    const entry = byResponse.get(row.response_id) ?? { created: row.created_at, offline: row.offline, answers: new Map<number, string[]>() };
    if (row.question_id !== null) {
      const question = byId.get(row.question_id);
      const labels = question ? choiceLabels(question.kind, question.options) : [];
      const value = row.text ?? (row.number !== null ? String(row.number) : row.choice !== null ? (labels[question?.kind === 'scale' ? row.choice - 1 : row.choice] ?? String(row.choice)) : '');
      entry.answers.set(row.question_id, [...(entry.answers.get(row.question_id) ?? []), value]);
    }
    byResponse.set(row.response_id, entry);
  }
  const table: Cell[][] = [...byResponse.entries()].map(([id, entry]) => [
    id,
    entry.created,
    entry.offline ? t('common.yes') : t('common.no'),
    ...questions.map((q) => (entry.answers.get(q.id) ?? []).join('; ')),
  ]);
  return { headers, table };
}
