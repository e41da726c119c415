import { type Static, type TObject, type TSchema, Type } from '@sinclair/typebox';
import { FormDate, FormInteger, FormText } from '../../platform/http/forms.ts';
import { DIMENSIONS, PHASES } from './tables.ts';

const Choice = <T extends string>(list: readonly T[]) => Type.Union(list.map((v) => Type.Literal<T>(v)));

/** The fixed part of an assessment; each item adds a field `level_<item id>` (see assessmentSchema). */
export const AssessmentFields = {
  organisationId: FormInteger({ min: 1, max: 2_000_000_000 }),
  phase: Choice(PHASES),
  assessedOn: FormDate(),
  note: Type.Optional(FormText({ max: 1000 })),
};
export const AssessmentForm = Type.Object(AssessmentFields);
export type AssessmentInput = Static<typeof AssessmentForm>;

export const levelField = (itemId: number) => `level_${itemId}`;

/** The form of the current items: every item needs a level 0–4. */
export function assessmentSchema(itemIds: readonly number[]): TObject<Record<string, TSchema>> {
  return Type.Object({ ...AssessmentFields, ...Object.fromEntries(itemIds.map((id) => [levelField(id), FormInteger({ min: 0, max: 4 })])) });
}

export const ItemTextForm = Type.Object({
  textDe: FormText({ min: 1, max: 300 }),
  textEn: FormText({ min: 1, max: 300 }),
  note: Type.Optional(FormText({ max: 300 })),
});
export type ItemTextInput = Static<typeof ItemTextForm>;

export const NewItemForm = Type.Object({ dimension: Choice(DIMENSIONS), ...ItemTextForm.properties });
export type NewItemInput = Static<typeof NewItemForm>;
