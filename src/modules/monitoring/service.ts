import type { Selectable } from 'kysely';
import type { FactSource } from '../../platform/facts.ts';
import type { AppServices } from '../../platform/module.ts';
import { type ProtectedTable, suppressTable } from '../../platform/stats/suppression.ts';
import { AMIF_COLUMNS, type AmifRow } from './amif-repository.ts';
import { figuresFor, figuresOfArea } from './figure-store.ts';
import type { FigureSet } from './figures.ts';
import type { Period } from './periods.ts';
import { monitoringRepository } from './repository.ts';
import { factSources } from './sources.ts';
import type { MonitoringIndicatorsTable } from './tables.ts';

export type Indicator = Selectable<MonitoringIndicatorsTable>;

export interface IndicatorValue {
  indicator: Indicator;
  /** null where nothing can be computed (no source yet, no hand-entered value, a denominator of zero). */
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  /** Counted from the platform, or hand-entered (with how many entries). */
  origin: 'computed' | 'manual' | 'none';
  target: number | null;
}

/** The groups of the AMIF table: each a breakdown of the total (its columns add up to it). */
export const AMIF_GROUPS = ['sex', 'age_group', 'third_country', 'history', 'channel'] as const;

export function monitoringService(services: AppServices) {
  const repo = monitoringRepository(services.db);
  return {
    indicators: () => repo.currentIndicators(),
    approvedPeriods: () => repo.approvedProgrammePeriods(),
    /** The figures of a period for the programme (no town) or a town: from the summary the job keeps, else counted now. */
    figures: (period: Period, town?: number, indicators?: readonly Indicator[]): Promise<FigureSet> => figuresFor(services, period, town, indicators),
    /** The figures of a region or county (`rb:…`, `kreis:…` with its towns): from the summary, else counted now. */
    areaFigures: (period: Period, area: { code: string; townIds: readonly number[] }, indicators?: readonly Indicator[]): Promise<FigureSet> => figuresOfArea(services, period, area, indicators),
    sources: () => factSources(services.modules()),
  };
}

/**
 * The AMIF table as shown to someone without the right to the persons (the funder): each breakdown
 * (sex, age group …) is a table of towns × values whose margins are the towns' totals and the sum
 * over towns. The breakdowns share the total column, so a total withheld in one is withheld in all
 * (linked tables): the suppression is repeated with those totals forced until nothing changes.
 */
export function protectParticipantTable(rows: readonly AmifRow[]): Record<(typeof AMIF_GROUPS)[number], ProtectedTable> {
  const columnsOf = (group: string) => AMIF_COLUMNS.filter((c) => c.startsWith(`${group}.`));
  const forced = new Set<number>();
  let result = {} as Record<(typeof AMIF_GROUPS)[number], ProtectedTable>;
  for (let round = 0; round < 10; round++) {
    result = Object.fromEntries(
      AMIF_GROUPS.map((group) => [
        group,
        suppressTable(
          rows.map((row) => columnsOf(group).map((c) => row.counts[c])),
          { withheldRows: [...forced] },
        ),
      ]),
    ) as typeof result;
    const before = forced.size;
    for (const table of Object.values(result)) {
      table.rowTotals.forEach((total, r) => {
        if (total === null) forced.add(r);
      });
    }
    if (forced.size === before) break;
  }
  return result;
}

export type { FactSource };
