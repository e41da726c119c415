import type { AppServices } from '../../platform/module.ts';
import { type AmifColumn, type AmifRow, type AmifTables, amifRepository } from './amif-repository.ts';
import { engineRepository, type FactFilter } from './engine-repository.ts';
import { type Period, stepsOf } from './periods.ts';
import { monitoringRepository } from './repository.ts';
import type { Indicator, IndicatorValue } from './service.ts';
import { factSources, PARTICIPANT_SOURCES, pick } from './sources.ts';

/**
 * What the dashboards and reports show of a period for one area (the programme, a region, a county
 * or a town): the key figures of the catalogue, the participant trend and the AMIF table, and for
 * each town of the area the value and numerator of every indicator (the map and its table). It is
 * either computed now or read from the summary the job keeps (figure-store.ts), with its time.
 */
export interface FigureSet {
  period: Period;
  figures: IndicatorValue[];
  trend: Array<{ period: Period; value: number }>;
  participants: AmifTables;
  /** Per town of the area: each indicator's value and numerator by code. */
  towns: Map<number, Map<string, { value: number | null; numerator: number | null }>>;
  /** When the figures were counted ("Stand"). */
  computedAt: Date;
  /** Read from the summary (true) or counted for this request (false). */
  stored: boolean;
}

/** The whole area, as opposed to one of its towns. */
export const WHOLE = 'whole';
export type Scope = number | typeof WHOLE;

const PARTICIPANTS = 'monitoring.participants';
const ACTIVE_TOWNS = 'monitoring.active_towns';

type EnteredRow = { indicator_code: string; municipality_id: number | null; value: string };

/**
 * What the office enters by hand (targets and values of indicators without a source): read with
 * every request, also over a kept set, so that an entry shows at once. The whole area's target is
 * the town's for a single town, else the programme's; its hand-entered value the sum of the
 * area's entries (all entries for the programme).
 */
export function enteredValues(areaTowns: readonly number[] | undefined, manualRows: readonly EnteredRow[], targetRows: readonly EnteredRow[]) {
  const target = (code: string, scope: Scope): number | null => {
    const town = scope === WHOLE ? (areaTowns?.length === 1 ? areaTowns[0] : null) : scope;
    const row = targetRows.find((r) => r.indicator_code === code && r.municipality_id === town);
    return row ? Number(row.value) : null;
  };
  return {
    target,
    manual(indicator: Indicator, scope: Scope): IndicatorValue {
      const rows = manualRows.filter(
        (r) => r.indicator_code === indicator.code && (scope === WHOLE ? !areaTowns || (r.municipality_id !== null && areaTowns.includes(r.municipality_id)) : r.municipality_id === scope),
      );
      const t = target(indicator.code, scope);
      if (rows.length === 0) return { indicator, value: null, numerator: null, denominator: null, origin: 'none', target: t };
      const sum = rows.reduce((s, r) => s + Number(r.value), 0);
      return { indicator, value: sum, numerator: sum, denominator: null, origin: 'manual', target: t };
    },
  };
}

/** Counts of one side of a figure: per town and for the whole area. */
type SideCounts = Map<Scope, number>;

/**
 * Computes a period's figures in one pass per source: each source's facts are counted per town and
 * across the area at once (grouping sets), so that the whole and every town come from the same
 * queries. `towns` limits the facts to an area (all towns when absent); `each` names the towns that
 * get a figure set of their own.
 */
export async function computeFigures(
  services: AppServices,
  period: Period,
  area: { towns?: readonly number[]; each: readonly number[] },
): Promise<{ whole: FigureSet; byTown: Map<number, FigureSet> }> {
  const computedAt = new Date();
  const { db } = services;
  const repo = monitoringRepository(db);
  const engine = engineRepository(db);
  const amif = amifRepository(db);
  const all = factSources(services.modules());
  const participants = pick(all, PARTICIPANT_SOURCES);
  const base: FactFilter = { from: period.from, to: period.to, municipalityIds: area.towns };
  const steps = stepsOf(period);

  const [indicators, targetRows, manualRows, tables, trendRows] = await Promise.all([
    repo.currentIndicators().then((list) => list.filter((i) => i.status === 'active')),
    repo.targets(period.code),
    repo.manualValuesOfPeriod(period.code),
    amif.tables(participants, base),
    amif.trend(participants, steps, { municipalityIds: area.towns, from: period.from, to: period.to }),
  ]);

  const sides = new Map<string, Promise<SideCounts | null>>();
  /** One side (numerator or denominator) of every figure, counted once per request whatever number of indicators name it. */
  function side(sourceId: string, spec: Record<string, string[]>): Promise<SideCounts | null> {
    const key = `${sourceId}|${JSON.stringify(spec)}`;
    let counts = sides.get(key);
    if (!counts) {
      counts = countSide(sourceId, spec);
      sides.set(key, counts);
    }
    return counts;
  }

  async function countSide(sourceId: string, spec: Record<string, string[]>): Promise<SideCounts | null> {
    const counts: SideCounts = new Map();
    if (sourceId === PARTICIPANTS) {
      // one breakdown at a time: the cells of the named values added up
      const [dimension, values] = (Object.entries(spec)[0] ?? [null, []]) as [string | null, string[]];
      const pickCount = (row: AmifRow) => (dimension === null ? row.counts.total : values.reduce((sum, value) => sum + (row.counts[`${dimension}.${value}` as AmifColumn] ?? 0), 0));
      for (const row of tables.rows) if (row.municipalityId !== null) counts.set(row.municipalityId, pickCount(row));
      counts.set(WHOLE, tables.all ? pickCount(tables.all) : 0);
      return counts;
    }
    if (sourceId === ACTIVE_TOWNS) {
      const active = await engine.activeTowns([...all.values()], base);
      for (const id of active) counts.set(id, 1);
      counts.set(WHOLE, active.length);
      return counts;
    }
    const source = all.get(sourceId);
    if (!source) return null;
    for (const row of await engine.perTownAndAcross(source, { ...base, dimensions: spec })) {
      if (row.across) counts.set(WHOLE, row.value);
      else if (row.municipality_id !== null) counts.set(row.municipality_id, row.value);
    }
    return counts;
  }

  /**
   * An indicator averaged over time from a `values` source (e.g. R8, the cohesion index): the mean
   * per town, only of towns with the source's minimum of rows in the period, then the mean over
   * those towns. Undefined for every other indicator; a value of null where no town reaches the minimum.
   */
  async function townMeans(indicator: Indicator): Promise<((scope: Scope) => number | null) | undefined> {
    const source = indicator.numerator_source ? all.get(indicator.numerator_source) : undefined;
    if (source?.kind !== 'values' || indicator.time_aggregation !== 'mean' || indicator.denominator_source) return undefined;
    const rows = await engine.meanByTown(source, { ...base, dimensions: indicator.numerator_filter });
    const shown = rows.filter((row) => row.count >= (source.minimumRows ?? 1));
    return (scope) => {
      const of = scope === WHOLE ? shown : shown.filter((row) => row.municipality_id === scope);
      return of.length ? of.reduce((sum, row) => sum + row.mean, 0) / of.length : null;
    };
  }

  const entered = enteredValues(area.towns, manualRows, targetRows);

  /** Every indicator's value in every scope (the whole and each town of `each`). */
  async function valuesOf(indicator: Indicator): Promise<(scope: Scope) => IndicatorValue> {
    const targetOf = (scope: Scope) => entered.target(indicator.code, scope);
    if (!indicator.numerator_source) return (scope) => entered.manual(indicator, scope);
    const means = await townMeans(indicator);
    if (means) return (scope) => ({ indicator, value: means(scope), numerator: means(scope), denominator: null, origin: 'computed', target: targetOf(scope) });
    const numerator = await side(indicator.numerator_source, indicator.numerator_filter);
    const denominator = indicator.denominator_source ? await side(indicator.denominator_source, indicator.denominator_filter) : undefined;
    return (scope) => {
      const n = numerator ? (numerator.get(scope) ?? 0) : null;
      const target = targetOf(scope);
      if (denominator === undefined) return { indicator, value: n, numerator: n, denominator: null, origin: 'computed', target };
      const d = denominator ? (denominator.get(scope) ?? 0) : null;
      const share = n === null || !d ? null : (n * Number(indicator.factor)) / d;
      return { indicator, value: share, numerator: n, denominator: d, origin: 'computed', target };
    };
  }

  const perIndicator = await Promise.all(indicators.map(valuesOf));
  const trendOf = (scope: Scope) =>
    steps.map((step) => ({ period: step, value: trendRows.find((r) => r.code === step.code && (scope === WHOLE ? r.municipalityId === null : r.municipalityId === scope))?.persons ?? 0 }));
  const townMatrix = (ids: readonly number[]) =>
    new Map(
      ids.map((id) => [
        id,
        new Map(
          perIndicator.map((of) => {
            const v = of(id);
            return [v.indicator.code, { value: v.value, numerator: v.numerator }];
          }),
        ),
      ]),
    );

  const whole: FigureSet = {
    period,
    figures: perIndicator.map((of) => of(WHOLE)),
    trend: trendOf(WHOLE),
    participants: tables,
    towns: townMatrix(area.each),
    computedAt,
    stored: false,
  };
  const byTown = new Map<number, FigureSet>();
  for (const id of area.each) {
    const row = tables.rows.find((r) => r.municipalityId === id);
    byTown.set(id, {
      period,
      figures: perIndicator.map((of) => of(id)),
      trend: trendOf(id),
      participants: row ? { rows: [row], all: { municipalityId: null, counts: row.counts } } : { rows: [], all: null },
      towns: townMatrix([id]),
      computedAt,
      stored: false,
    });
  }
  return { whole, byTown };
}
