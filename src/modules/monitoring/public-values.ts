import type { AppServices } from '../../platform/module.ts';
import { participatingMunicipalities } from '../municipalities/index.ts';
import { type Period, parsePeriod } from './periods.ts';
import { monitoringRepository } from './repository.ts';
import { monitoringService } from './service.ts';
import { indicatorByTown, protectTownValues } from './town-values.ts';

/** One indicator value of one participating town in one released period, as the public may see it. */
export interface PublicIndicatorValue {
  /** Stable: indicator id, period and town in one number. */
  id: number;
  ags: string;
  municipality: string;
  indicator_code: string;
  indicator_name: string;
  unit: string;
  period: string;
  period_from: string;
  period_to: string;
  /** null where the value is withheld (small-cell protection) or a share has no denominator. */
  value: number | null;
  withheld: boolean;
}

/** A period as a number for the stable id: programme 1, year 2026, quarter 20261, month 202603. */
function periodNumber(period: Period): number {
  if (period.kind === 'programme') return 1;
  const year = Number(period.from.slice(0, 4));
  if (period.kind === 'year') return year;
  const month = Number(period.from.slice(5, 7));
  return period.kind === 'quarter' ? year * 10 + Math.ceil(month / 3) : year * 100 + month;
}

/**
 * What the public may see of the monitoring: for every period whose programme report the office
 * approved (what the funder sees too, nothing earlier), every active indicator per participating
 * town, protected exactly as for the funder (protectTownValues: the linked AMIF table of the whole
 * Land, person series suppressed, shares withheld with their persons). A withheld value is null
 * with `withheld`; a count of records or a value entered by hand is shown as it is.
 */
export async function publicIndicatorValues(services: AppServices, filter: { municipalityId?: number; indicator?: string; period?: string } = {}): Promise<PublicIndicatorValue[]> {
  const service = monitoringService(services);
  const periods = (await service.approvedPeriods())
    .filter((code) => !filter.period || code === filter.period)
    .map(parsePeriod)
    .filter((p): p is Period => p !== null);
  if (!periods.length) return [];
  const [indicators, towns] = await Promise.all([service.indicators(), participatingMunicipalities(services.db)]);
  const active = indicators.filter((i) => i.status === 'active' && (!filter.indicator || i.code === filter.indicator));
  const townIds = towns.map((t) => t.id);
  const rows: PublicIndicatorValue[] = [];
  for (const period of periods) {
    // the programme's figures of the period (the summary the jobs keep, else counted now), with each town's
    const land = await service.figures(period);
    for (const indicator of active) {
      const { values, numerators } = indicatorByTown(land, indicator, townIds);
      const shown = protectTownValues(services, indicator, values, numerators, land.participants.rows);
      for (const town of towns) {
        if (filter.municipalityId !== undefined && town.id !== filter.municipalityId) continue;
        const value = shown.get(town.id);
        rows.push({
          id: (indicator.id * 1_000_000 + periodNumber(period)) * 100_000 + town.id,
          ags: town.ags,
          municipality: town.name,
          indicator_code: indicator.code,
          indicator_name: indicator.name_de,
          unit: indicator.unit,
          period: period.code,
          period_from: period.from,
          period_to: period.to,
          value: value === undefined || value === null ? null : Number(value.toFixed(indicator.decimals)),
          withheld: value === null,
        });
      }
    }
  }
  return rows.sort((a, b) => a.id - b.id);
}

/** When the released values last changed: the latest decision on an approved programme report. */
export function publicValuesModified(services: AppServices): Promise<Date | null> {
  return monitoringRepository(services.db).lastApprovedProgrammeReport();
}
