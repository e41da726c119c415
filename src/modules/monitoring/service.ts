import type { Selectable } from 'kysely';
import type { FactSource } from '../../platform/facts.ts';
import type { AppServices } from '../../platform/module.ts';
import { type ProtectedTable, suppressTable } from '../../platform/stats/suppression.ts';
import { AMIF_COLUMNS, type AmifColumn, type AmifRow, amifRepository } from './amif-repository.ts';
import { engineRepository, type FactFilter } from './engine-repository.ts';
import type { Period } from './periods.ts';
import { monitoringRepository } from './repository.ts';
import { factSources, PARTICIPANT_SOURCES, pick } from './sources.ts';
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

const PARTICIPANTS = 'monitoring.participants';
const ACTIVE_TOWNS = 'monitoring.active_towns';

/** The groups of the AMIF table: each a breakdown of the total (its columns add up to it). */
export const AMIF_GROUPS = ['sex', 'age_group', 'third_country', 'history', 'channel'] as const;

export function monitoringService(services: AppServices) {
  const { db } = services;
  const repo = monitoringRepository(db);
  const engine = engineRepository(db);
  const amif = amifRepository(db);
  const sources = () => factSources(services.modules());

  /** One side of an indicator (numerator or denominator) for a period and a set of towns (all when absent). */
  async function count(sourceId: string, filterSpec: Record<string, string[]>, period: Period, towns: readonly number[] | undefined): Promise<number | null> {
    const all = sources();
    const base: FactFilter = { from: period.from, to: period.to, municipalityIds: towns };
    if (sourceId === PARTICIPANTS) {
      const [row] = await amif.table(pick(all, PARTICIPANT_SOURCES), base, false);
      if (!row) return 0;
      const entries = Object.entries(filterSpec);
      if (entries.length === 0) return row.counts.total;
      // one breakdown at a time: the cells of the named values added up
      const [dimension, values] = entries[0] as [string, string[]];
      return values.reduce((sum, value) => sum + (row.counts[`${dimension}.${value}` as AmifColumn] ?? 0), 0);
    }
    if (sourceId === ACTIVE_TOWNS) return (await engine.activeTowns([...all.values()], base)).length;
    const source = all.get(sourceId);
    if (!source) return null;
    const [row] = await engine.aggregate(source, { ...base, dimensions: filterSpec });
    return row?.value ?? 0;
  }

  /**
   * An indicator averaged over time from a `values` source (e.g. R8, the cohesion index): the mean
   * per town, only of towns with the source's minimum of rows in the period, then the mean over those
   * towns. Undefined for every other indicator; a value of null when no town reaches the minimum.
   */
  async function townMean(indicator: Indicator, period: Period, towns: readonly number[] | undefined): Promise<{ value: number | null } | undefined> {
    const source = indicator.numerator_source ? sources().get(indicator.numerator_source) : undefined;
    if (source?.kind !== 'values' || indicator.time_aggregation !== 'mean' || indicator.denominator_source) return undefined;
    const rows = await engine.meanByTown(source, { from: period.from, to: period.to, municipalityIds: towns, dimensions: indicator.numerator_filter });
    const shown = rows.filter((row) => row.count >= (source.minimumRows ?? 1));
    return { value: shown.length ? shown.reduce((sum, row) => sum + row.mean, 0) / shown.length : null };
  }

  async function value(indicator: Indicator, period: Period, towns: readonly number[] | undefined, targets: Map<string, number>): Promise<IndicatorValue> {
    const target = targets.get(indicator.code) ?? null;
    if (!indicator.numerator_source) {
      const manual = await repo.manualValues(indicator.code, period.code);
      const rows = towns ? manual.filter((r) => r.municipality_id !== null && towns.includes(r.municipality_id)) : manual;
      if (rows.length === 0) return { indicator, value: null, numerator: null, denominator: null, origin: 'none', target };
      const sum = rows.reduce((s, r) => s + Number(r.value), 0);
      return { indicator, value: sum, numerator: sum, denominator: null, origin: 'manual', target };
    }
    const averaged = await townMean(indicator, period, towns);
    if (averaged) return { indicator, value: averaged.value, numerator: averaged.value, denominator: null, origin: 'computed', target };
    const numerator = await count(indicator.numerator_source, indicator.numerator_filter, period, towns);
    if (!indicator.denominator_source) return { indicator, value: numerator, numerator, denominator: null, origin: 'computed', target };
    const denominator = await count(indicator.denominator_source, indicator.denominator_filter, period, towns);
    const share = numerator === null || !denominator ? null : (numerator * Number(indicator.factor)) / denominator;
    return { indicator, value: share, numerator, denominator, origin: 'computed', target };
  }

  return {
    indicators: () => repo.currentIndicators(),
    approvedPeriods: () => repo.approvedProgrammePeriods(),

    /** Every active indicator of the catalogue for a period, across the given towns (all towns when absent). */
    async keyFigures(period: Period, towns?: readonly number[]): Promise<IndicatorValue[]> {
      const indicators = (await repo.currentIndicators()).filter((i) => i.status === 'active');
      const targetRows = await repo.targets(period.code);
      const targets = new Map(targetRows.filter((r) => (towns?.length === 1 ? r.municipality_id === towns[0] : r.municipality_id === null)).map((r) => [r.indicator_code, Number(r.value)]));
      const values: IndicatorValue[] = [];
      for (const indicator of indicators) values.push(await value(indicator, period, towns, targets));
      return values;
    },

    /** The unique participants per step of a period (quarters of a year …), for the trend chart and its table. */
    async participantTrend(steps: readonly Period[], towns?: readonly number[]): Promise<Array<{ period: Period; value: number }>> {
      const participants = pick(sources(), PARTICIPANT_SOURCES);
      const out: Array<{ period: Period; value: number }> = [];
      for (const step of steps) {
        const [row] = await amif.table(participants, { from: step.from, to: step.to, municipalityIds: towns }, false);
        out.push({ period: step, value: row?.counts.total ?? 0 });
      }
      return out;
    },

    /** The AMIF table per town (and the row across all of them, each person once). */
    async participantTable(period: Period, towns?: readonly number[]): Promise<{ rows: AmifRow[]; all: AmifRow | null }> {
      const participants = pick(sources(), PARTICIPANT_SOURCES);
      const filter = { from: period.from, to: period.to, municipalityIds: towns };
      const rows = await amif.table(participants, filter, true);
      const [all] = await amif.table(participants, filter, false);
      return { rows, all: all ?? null };
    },

    sources,
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
