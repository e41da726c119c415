import { type Static, Type } from '@sinclair/typebox';
import { FormDate, FormInteger, FormText } from '../../platform/http/forms.ts';
import { EURO_PATTERN } from './money.ts';
import { COST_CATEGORIES, MAX_EU_SHARE } from './tables.ts';

const Choice = <T extends string>(list: readonly T[]) => Type.Union(list.map((v) => Type.Literal<T>(v)));
const Euro = () => Type.String({ maxLength: 13, pattern: EURO_PATTERN });

export const LineForm = Type.Object({
  year: FormInteger({ min: 2000, max: 2100 }),
  category: Choice(COST_CATEGORIES),
  title: FormText({ min: 1, max: 200 }),
  planned: Euro(),
  euSharePercent: FormInteger({ min: 0, max: MAX_EU_SHARE }),
  townId: Type.Optional(FormInteger({ min: 1, max: 2_000_000_000 })),
});
export type LineInput = Static<typeof LineForm>;

export const ExpenseForm = Type.Object({
  spentOn: FormDate(),
  amount: Euro(),
  description: FormText({ min: 1, max: 300 }),
  receipt: Type.Optional(FormText({ max: 100 })),
  eligible: Type.Optional(Type.Literal('on')),
});
export type ExpenseInput = Static<typeof ExpenseForm>;

export const YearQuery = Type.Object({ jahr: Type.Optional(Type.String({ maxLength: 6 })), seite: Type.Optional(Type.String({ maxLength: 6 })) });

/** The year of the query, or the given default when it is missing or odd. */
export function queryYear(raw: string | undefined, fallback: number): number {
  const year = Number(raw);
  return Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : fallback;
}
