/** Euro amounts as typed in a form: digits with an optional comma or point and up to two decimals, no thousands separators. */
export const EURO_PATTERN = '^\\d{1,9}([.,]\\d{1,2})?$';

/** "1234,5" → 123450 cents. */
export function toCents(text: string): number {
  const [euros = '0', cents = ''] = text.replace(',', '.').split('.');
  return Number(euros) * 100 + Number(cents.padEnd(2, '0'));
}

/** 123450 cents → "1234,50" (for a form field). */
export function centsToText(cents: number): string {
  return `${Math.floor(cents / 100)},${String(cents % 100).padStart(2, '0')}`;
}

/** Spending against plan and the co-financing rate of a set of lines (F1, F2); null where nothing is planned or spent. */
export function budgetFigures(planned: number, spent: number, eligible: number, euPart: number) {
  return {
    planned,
    spent,
    remaining: planned - spent,
    /** Share of the plan spent, percent. */
    utilisation: planned > 0 ? (spent / planned) * 100 : null,
    /** EU part of the eligible spending, percent (F2). */
    coFinancingRate: eligible > 0 ? (euPart / eligible) * 100 : null,
  };
}
