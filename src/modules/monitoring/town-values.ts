import type { AppServices } from '../../platform/module.ts';
import { type Shown, suppressSeries } from '../../platform/stats/suppression.ts';
import { type AmifColumn, type AmifRow, amifRepository } from './amif-repository.ts';
import { engineRepository, type FactFilter } from './engine-repository.ts';
import type { Period } from './periods.ts';
import { monitoringRepository } from './repository.ts';
import { protectParticipantTable, type Indicator, type IndicatorValue } from './service.ts';
import { factSources, PARTICIPANT_SOURCES, pick, sourceInfos } from './sources.ts';

/** An indicator counts persons when its numerator or denominator does: those figures are protected for viewers without the right to the persons. */
export function countsPersons(services: AppServices, indicator: Indicator): boolean {
  const infos = sourceInfos(services);
  return [indicator.numerator_source, indicator.denominator_source].some((id) => id !== null && infos.get(id)?.kind === 'persons');
}

/**
 * One indicator per town in one go (for the choropleth and its table): the same formula as the
 * key figures (service.ts), but each side grouped by town in SQL instead of one query per town.
 * A town without facts is 0; a share with a denominator of 0 has no value (null).
 */
export async function indicatorByTown(services: AppServices, indicator: Indicator, period: Period, townIds: readonly number[]): Promise<Map<number, number | null>> {
  const { db } = services;
  const out = new Map<number, number | null>();
  if (townIds.length === 0) return out;
  if (!indicator.numerator_source) {
    const manual = await monitoringRepository(db).manualValues(indicator.code, period.code);
    for (const row of manual) if (row.municipality_id !== null && townIds.includes(row.municipality_id)) out.set(row.municipality_id, Number(row.value));
    return out;
  }
  const all = factSources(services.modules());
  const base: FactFilter = { from: period.from, to: period.to, municipalityIds: townIds };
  async function side(sourceId: string, spec: Record<string, string[]>): Promise<Map<number, number> | null> {
    const counts = new Map<number, number>(townIds.map((id) => [id, 0]));
    if (sourceId === 'monitoring.participants') {
      const rows = await amifRepository(db).table(pick(all, PARTICIPANT_SOURCES), base, true);
      const [dimension, values] = (Object.entries(spec)[0] ?? [null, []]) as [string | null, string[]];
      for (const row of rows) {
        if (row.municipalityId === null) continue;
        counts.set(row.municipalityId, dimension === null ? row.counts.total : values.reduce((sum, value) => sum + (row.counts[`${dimension}.${value}` as AmifColumn] ?? 0), 0));
      }
      return counts;
    }
    if (sourceId === 'monitoring.active_towns') {
      for (const id of await engineRepository(db).activeTowns([...all.values()], base)) counts.set(id, 1);
      return counts;
    }
    const source = all.get(sourceId);
    if (!source) return null;
    for (const row of await engineRepository(db).aggregate(source, { ...base, dimensions: spec }, { byTown: true })) if (row.municipality_id !== null) counts.set(row.municipality_id, row.value);
    return counts;
  }
  const numerator = await side(indicator.numerator_source, indicator.numerator_filter);
  if (!numerator) return out;
  const denominator = indicator.denominator_source ? await side(indicator.denominator_source, indicator.denominator_filter) : null;
  for (const id of townIds) {
    const n = numerator.get(id) ?? 0;
    if (!indicator.denominator_source) out.set(id, n);
    else {
      const d = denominator?.get(id) ?? 0;
      out.set(id, d ? (n * Number(indicator.factor)) / d : null);
    }
  }
  return out;
}

/**
 * The per-town values as someone without the right to the persons sees them. Unique participants
 * (O1's source without filter) take the row totals of the protected AMIF table of all towns, so
 * that the map, the table and the dashboard withhold the same cells (linked tables); other person
 * counts are protected as a series over the towns; shares of persons are withheld where their
 * numerator or denominator is; counts of records and values are shown as they are.
 */
export async function protectTownValues(
  services: AppServices,
  indicator: Indicator,
  period: Period,
  values: Map<number, number | null>,
  amifRows: readonly AmifRow[],
): Promise<Map<number, Shown | undefined>> {
  const out = new Map<number, Shown | undefined>();
  if (!countsPersons(services, indicator)) {
    for (const [id, value] of values) out.set(id, value ?? undefined);
    return out;
  }
  const plainParticipants = indicator.numerator_source === 'monitoring.participants' && !indicator.denominator_source && Object.keys(indicator.numerator_filter).length === 0;
  if (plainParticipants) {
    const totals = protectParticipantTable(amifRows).sex.rowTotals;
    const byTown = new Map(amifRows.map((row, r) => [row.municipalityId, totals[r] ?? null]));
    for (const id of values.keys()) out.set(id, byTown.has(id) ? (byTown.get(id) as Shown) : 0);
    return out;
  }
  const ids = [...values.keys()];
  const persons = indicator.denominator_source ? await countsOf(services, indicator, period, ids) : ids.map((id) => Math.round(values.get(id) ?? 0));
  const series = suppressSeries(persons.map((n) => Math.max(0, Math.round(n))));
  ids.forEach((id, i) => {
    const value = values.get(id);
    out.set(id, series.cells[i] === null ? null : (value ?? undefined));
  });
  return out;
}

/** For a share: the smaller of numerator and denominator persons per town (what protection has to look at). */
async function countsOf(services: AppServices, indicator: Indicator, period: Period, ids: number[]): Promise<number[]> {
  const numerator = await indicatorByTown(services, { ...indicator, denominator_source: null }, period, ids);
  return ids.map((id) => numerator.get(id) ?? 0);
}

/** Key figures as someone without the right to the persons sees them below the Land: person counts of a single town from the protected table, other person figures withheld. */
export function withheldFigures(services: AppServices, figures: readonly IndicatorValue[], townValue: Shown | undefined): Set<string> {
  const withheld = new Set<string>();
  for (const figure of figures) {
    if (!countsPersons(services, figure.indicator)) continue;
    const i = figure.indicator;
    const plain = i.numerator_source === 'monitoring.participants' && !i.denominator_source && Object.keys(i.numerator_filter).length === 0;
    if (plain && townValue !== undefined && townValue !== null) continue;
    withheld.add(i.code);
  }
  return withheld;
}
