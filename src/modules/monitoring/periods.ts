/**
 * Periods of the monitoring (docs/INDICATORS.md principle 6): a month `2026-03`, a quarter
 * `2026-Q1`, a year `2026`, or the programme period `programm`. Parsed strictly: anything else is
 * no period (the route answers 404 or shows its form again).
 */
export type PeriodKind = 'month' | 'quarter' | 'year' | 'programme';

export interface Period {
  code: string;
  kind: PeriodKind;
  from: string;
  to: string;
}

/** The programme period (AMIF funding of the programme); dashboards and reports default to it. */
export const PROGRAMME_PERIOD = { from: '2025-01-01', to: '2027-12-31' } as const;

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

export function parsePeriod(code: string): Period | null {
  if (code === 'programm') return { code, kind: 'programme', ...PROGRAMME_PERIOD };
  let m = /^(20\d\d)$/.exec(code);
  if (m) return { code, kind: 'year', from: `${m[1]}-01-01`, to: `${m[1]}-12-31` };
  m = /^(20\d\d)-Q([1-4])$/.exec(code);
  if (m) {
    const year = Number(m[1]);
    const first = (Number(m[2]) - 1) * 3 + 1;
    return { code, kind: 'quarter', from: `${year}-${pad(first)}-01`, to: `${year}-${pad(first + 2)}-${lastDay(year, first + 2)}` };
  }
  m = /^(20\d\d)-(0[1-9]|1[0-2])$/.exec(code);
  if (m) {
    const year = Number(m[1]);
    const month = Number(m[2]);
    return { code, kind: 'month', from: `${year}-${pad(month)}-01`, to: `${year}-${pad(month)}-${lastDay(year, month)}` };
  }
  return null;
}

/** The quarters of a year, or the years of the programme period: the steps of a trend chart. */
export function stepsOf(period: Period): Period[] {
  const year = Number(period.from.slice(0, 4));
  if (period.kind === 'year') return [1, 2, 3, 4].map((q) => parsePeriod(`${year}-Q${q}`) as Period);
  if (period.kind === 'programme') {
    const last = Number(period.to.slice(0, 4));
    return Array.from({ length: last - year + 1 }, (_, i) => parsePeriod(String(year + i)) as Period);
  }
  if (period.kind === 'quarter') {
    const first = Number(period.from.slice(5, 7));
    return [0, 1, 2].map((i) => parsePeriod(`${year}-${pad(first + i)}`) as Period);
  }
  return [period];
}

/** The periods offered in the period picker: the programme period, its years and quarters. */
export function periodOptions(): string[] {
  const first = Number(PROGRAMME_PERIOD.from.slice(0, 4));
  const last = Number(PROGRAMME_PERIOD.to.slice(0, 4));
  const codes = ['programm'];
  for (let year = first; year <= last; year++) codes.push(String(year), ...[1, 2, 3, 4].map((q) => `${year}-Q${q}`));
  return codes;
}
