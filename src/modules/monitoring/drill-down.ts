import type { AppServices } from '../../platform/module.ts';
import type { Period } from './periods.ts';
import type { IndicatorValue } from './service.ts';
import { factSources } from './sources.ts';

/** Participants are listed where the events' attendances are: the largest of the sources behind them. */
const LISTED_AS: Record<string, string> = { 'monitoring.participants': 'events.attendances' };

/**
 * Where each figure of one town leads to the records behind it (the list its source module
 * declares), for those who may see the town's records: its coordinators and the office, never the
 * funder. Figures without such a list (hand-entered values, towns active) get no link.
 */
export function drillDownLinks(services: AppServices, figures: readonly IndicatorValue[], ags: string, period: Period): Map<string, string> {
  const sources = factSources(services.modules());
  const links = new Map<string, string>();
  for (const figure of figures) {
    const id = figure.indicator.numerator_source;
    if (!id || figure.origin !== 'computed') continue;
    const source = sources.get(LISTED_AS[id] ?? id);
    if (source?.drillDown) links.set(figure.indicator.code, source.drillDown({ ags, from: period.from, to: period.to }));
  }
  return links;
}
