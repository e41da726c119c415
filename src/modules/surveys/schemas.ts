import { Type } from '@sinclair/typebox';
import { FormDate, FormInteger, FormText } from '../../platform/http/forms.ts';
import type { FormState } from '../../platform/views/forms.tsx';
import { QUESTION_KINDS } from './tables.ts';

/** Answers arrive as q<question id> fields: text, or a list for several choices. */
export const AnswerBody = Type.Record(Type.String({ maxLength: 20 }), Type.Union([Type.String({ maxLength: 6000 }), Type.Array(Type.String({ maxLength: 20 }), { maxItems: 50 })]));

/** An answer form shown again: what was typed, with the ticked choices of each question. */
export type AnswerForm = FormState & { multi: Record<string, string[]> };

const surveyFields = {
  title: FormText({ min: 3, max: 200 }),
  description: Type.Optional(FormText({ max: 5000 })),
  opensOn: FormDate(),
  closesOn: FormDate(),
  anonymous: Type.Optional(Type.Literal('on')),
};

/** A new survey; it may belong to one of the contexts other modules offer for the town (a participation process). */
export const SurveyCreateForm = Type.Object({ ...surveyFields, processId: Type.Optional(FormInteger({ min: 1, max: 2_000_000_000 })) });

export const SurveyEditForm = Type.Object({ ...surveyFields, published: Type.Optional(Type.Literal('on')) });

export const QuestionForm = Type.Object({
  kind: Type.Union(QUESTION_KINDS.map((k) => Type.Literal(k))),
  prompt: FormText({ min: 3, max: 500 }),
  help: Type.Optional(FormText({ max: 500 })),
  options: Type.Optional(FormText({ max: 5000 })),
  required: Type.Optional(Type.Literal('on')),
});

/** The choices of a question, one per line, as typed in the form. */
export function optionLines(text: string | undefined): string[] {
  return (text ?? '')
    .split(/\r?\n/)
    .map((o) => o.trim())
    .filter(Boolean)
    .slice(0, 30);
}

/** A new wave of the cohesion survey: only its period; the questions come from the template. */
export const CohesionWaveForm = Type.Object({ opensOn: FormDate(), closesOn: FormDate() });
