import type { AppServices } from '../../platform/module.ts';
import { type Shown, suppressSeries } from '../../platform/stats/suppression.ts';
import type { AmifRow } from './amif-repository.ts';
import type { FigureSet } from './figures.ts';
import { protectParticipantTable, type Indicator, type IndicatorValue } from './service.ts';
import { sourceInfos } from './sources.ts';

/** An indicator counts persons when its numerator or denominator does: those figures are protected for viewers without the right to the persons. */
export function countsPersons(services: AppServices, indicator: Indicator): boolean {
  const infos = sourceInfos(services);
  return [indicator.numerator_source, indicator.denominator_source].some((id) => id !== null && infos.get(id)?.kind === 'persons');
}

/**
 * One indicator per town of an area (for the choropleth and its table), from the area's figures:
 * the same formula as the key figures, counted for each town in the same pass. A town without
 * facts is 0; a share with a denominator of 0 has no value (null).
 */
export function indicatorByTown(set: FigureSet, indicator: Indicator, townIds: readonly number[]): { values: Map<number, number | null>; numerators: Map<number, number | null> } {
  const values = new Map<number, number | null>();
  const numerators = new Map<number, number | null>();
  for (const id of townIds) {
    const figure = set.towns.get(id)?.get(indicator.code);
    // a hand-entered indicator has a value only where one was entered
    if (!indicator.numerator_source && (figure?.value ?? null) === null) continue;
    values.set(id, figure ? figure.value : null);
    numerators.set(id, figure ? figure.numerator : null);
  }
  return { values, numerators };
}

/**
 * The per-town values as someone without the right to the persons sees them. Unique participants
 * (O1's source without filter) take the row totals of the protected AMIF table of all towns, so
 * that the map, the table and the dashboard withhold the same cells (linked tables); other person
 * counts are protected as a series over the towns; shares of persons are withheld where their
 * numerator or denominator is; counts of records and values are shown as they are.
 */
export function protectTownValues(
  services: AppServices,
  indicator: Indicator,
  values: Map<number, number | null>,
  numerators: Map<number, number | null>,
  amifRows: readonly AmifRow[],
): Map<number, Shown | undefined> {
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
  // for a share: its numerator persons per town (what protection has to look at)
  const persons = ids.map((id) => Math.round((indicator.denominator_source ? numerators.get(id) : values.get(id)) ?? 0));
  const series = suppressSeries(persons.map((n) => Math.max(0, Math.round(n))));
  ids.forEach((id, i) => {
    const value = values.get(id);
    out.set(id, series.cells[i] === null ? null : (value ?? undefined));
  });
  return out;
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
