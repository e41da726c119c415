import { setBounded } from '../../platform/bounded-map.ts';
import { todayInBerlin } from '../../platform/i18n/catalog.ts';
import type { AppServices } from '../../platform/module.ts';
import { municipalityHierarchy } from '../municipalities/index.ts';
import type { AmifTables } from './amif-repository.ts';
import { computeFigures, enteredValues, type FigureSet, WHOLE } from './figures.ts';
import { figureStoreRepository, type SetKey, type StoredSetRow } from './figure-store-repository.ts';
import { LAND, levelsOf } from './levels.ts';
import { type Period, parsePeriod, periodOptions } from './periods.ts';
import { monitoringRepository } from './repository.ts';
import type { Indicator, IndicatorValue } from './service.ts';

/**
 * The summary of the monitoring (ADR 0020): a job counts the figures of every period of the period
 * picker for the programme and for each participating town (figures.ts, one pass per source) and
 * keeps them in `monitoring_figure_sets`, and so for each Regierungsbezirk and Kreis; the pages read one row and print when it was counted.
 * Where no set is kept (a month, a town outside the programme) or the catalogue
 * changed since (a figure's code or version differs), the page counts now, as before.
 */
export const FIGURES_JOB = 'monitoring-figures';
export const FIGURES_NIGHTLY_JOB = 'monitoring-figures-all';

interface StoredFigure {
  code: string;
  version: number;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  origin: IndicatorValue['origin'];
  target: number | null;
}

interface StoredContent {
  version: 1;
  figures: StoredFigure[];
  trend: Array<{ period: string; value: number }>;
  participants: AmifTables;
  /** Per town: code → [value, numerator]. */
  towns: Record<string, Record<string, [number | null, number | null]>>;
}

function encode(set: FigureSet): StoredContent {
  return {
    version: 1,
    figures: set.figures.map((f) => ({ code: f.indicator.code, version: f.indicator.version, value: f.value, numerator: f.numerator, denominator: f.denominator, origin: f.origin, target: f.target })),
    trend: set.trend.map((p) => ({ period: p.period.code, value: p.value })),
    participants: set.participants,
    towns: Object.fromEntries([...set.towns].map(([id, values]) => [String(id), Object.fromEntries([...values].map(([code, v]) => [code, [v.value, v.numerator]]))])),
  };
}

/**
 * The kept set as the pages use it, with what the office entered by hand read now (targets and
 * hand-entered values), or null when the catalogue no longer matches it (an indicator added,
 * retired or changed since).
 */
function decode(row: StoredSetRow, period: Period, indicators: readonly Indicator[], entered: ReturnType<typeof enteredValues>): FigureSet | null {
  const content = row.content as StoredContent;
  if (content?.version !== 1 || content.figures.length !== indicators.length) return null;
  const town = row.municipality_id;
  const figures: IndicatorValue[] = [];
  for (const indicator of indicators) {
    const f = content.figures.find((s) => s.code === indicator.code && s.version === indicator.version);
    if (!f) return null;
    const scope = town ?? WHOLE;
    if (!indicator.numerator_source) figures.push(entered.manual(indicator, scope));
    else figures.push({ indicator, value: f.value, numerator: f.numerator, denominator: f.denominator, origin: f.origin, target: entered.target(indicator.code, scope) });
  }
  const trend: FigureSet['trend'] = [];
  for (const p of content.trend) {
    const step = parsePeriod(p.period);
    if (step) trend.push({ period: step, value: p.value });
  }
  const manual = indicators.filter((i) => !i.numerator_source);
  const towns: FigureSet['towns'] = new Map(
    Object.entries(content.towns).map(([id, values]) => {
      const byCode = new Map(Object.entries(values).map(([code, [value, numerator]]) => [code, { value, numerator }]));
      for (const indicator of manual) {
        const v = entered.manual(indicator, Number(id));
        byCode.set(indicator.code, { value: v.value, numerator: v.numerator });
      }
      return [Number(id), byCode];
    }),
  );
  return { period, figures, trend, participants: content.participants, towns, computedAt: new Date(row.computed_at), stored: true };
}

async function participatingTowns(services: AppServices): Promise<number[]> {
  return (await municipalityHierarchy(services.db)).filter((row) => row.participating).map((row) => row.id);
}

/**
 * Counts and keeps the figures: `all` every period of the picker (the nightly run), `current`
 * those that contain today and those not kept yet (the hourly run). Per period: the programme and
 * each participating town in one pass, then each Regierungsbezirk and Kreis (a pass over its own
 * towns' facts; an area of a single town is that town's set). Each period's sets replace the old
 * ones in one transaction.
 */
export async function refreshFigures(services: AppServices, which: 'current' | 'all' = 'all', today = todayInBerlin()): Promise<{ periods: string[]; ms: number }> {
  const started = Date.now();
  const repo = figureStoreRepository(services.db);
  const kept = new Set((await repo.programmePeriods()).map((row) => row.period));
  const periods = periodOptions()
    .map((code) => parsePeriod(code) as Period)
    .filter((p) => which === 'all' || (p.from <= today && today <= p.to) || !kept.has(p.code));
  const levels = levelsOf(await municipalityHierarchy(services.db));
  const towns = levels.find((level) => level.code === LAND)?.townIds ?? [];
  const areas = levels.filter((level) => level.kind === 'region' || level.kind === 'county');
  for (const period of periods) {
    const { whole, byTown } = await computeFigures(services, period, { each: towns });
    const sets = [
      { municipalityId: null, area: '', computedAt: whole.computedAt, content: encode(whole) },
      ...[...byTown].map(([id, set]) => ({ municipalityId: id, area: '', computedAt: set.computedAt, content: encode(set) })),
    ];
    for (const area of areas) {
      const single = area.townIds.length === 1 ? byTown.get(area.townIds[0] as number) : undefined;
      const set = single ?? (await computeFigures(services, period, { towns: area.townIds, each: area.townIds })).whole;
      sets.push({ municipalityId: null, area: area.code, computedAt: set.computedAt, content: encode(set) });
    }
    await repo.replace(period.code, sets);
  }
  return { periods: periods.map((p) => p.code), ms: Date.now() - started };
}

/** At most this many kept sets are held decoded per process (periods × areas that were asked for). */
const KEPT_CONTENTS_LIMIT = 200;

/**
 * The content of kept sets as last read, by period and area with the time it was counted: a set
 * never changes once kept (a new count is a new row with a new time), so a page asks the database
 * only whether its set is still the one counted then, and reads and parses the content (45 kB for
 * the Land) only when it is not. Each instance asks, so none shows a set another has replaced.
 */
const keptContents = new Map<string, { computedAt: StoredSetRow['computed_at']; content: unknown }>();

/**
 * The kept set of an area when there is one that matches the catalogue, with what was entered by
 * hand laid over it; else null. `indicators` are the current catalogue when the caller has read it already.
 */
async function keptSet(services: AppServices, period: Period, key: SetKey, areaTowns: readonly number[] | undefined, indicators?: readonly Indicator[]): Promise<FigureSet | null> {
  const contentKey = `${period.code}|${key.area}|${key.municipalityId ?? ''}`;
  const known = keptContents.get(contentKey);
  const [{ row, manual, targets }, catalogue] = await Promise.all([
    figureStoreRepository(services.db).findWithEntries(period.code, key, known?.computedAt),
    indicators ?? monitoringRepository(services.db).currentIndicators(),
  ]);
  if (!row) return null;
  if (row.content === null && known) row.content = known.content;
  else if (row.content !== null) setBounded(keptContents, contentKey, { computedAt: row.computed_at, content: row.content }, KEPT_CONTENTS_LIMIT);
  return decode(
    row,
    period,
    catalogue.filter((i) => i.status === 'active'),
    enteredValues(areaTowns, manual, targets),
  );
}

/** The figures of a period for the programme (`town` absent) or one town: the kept set when there is one that matches the catalogue, else counted now. */
export async function figuresFor(services: AppServices, period: Period, town?: number, indicators?: readonly Indicator[]): Promise<FigureSet> {
  const set = await keptSet(services, period, { municipalityId: town ?? null, area: '' }, town === undefined ? undefined : [town], indicators);
  if (set) return set;
  if (town !== undefined) return (await computeFigures(services, period, { towns: [town], each: [town] })).whole;
  return (await computeFigures(services, period, { each: await participatingTowns(services) })).whole;
}

/** The figures of a Regierungsbezirk or Kreis: the kept set, else counted now with each of its towns. */
export async function figuresOfArea(services: AppServices, period: Period, area: { code: string; townIds: readonly number[] }, indicators?: readonly Indicator[]): Promise<FigureSet> {
  const set = await keptSet(services, period, { municipalityId: null, area: area.code }, area.townIds, indicators);
  if (set) return set;
  return (await computeFigures(services, period, { towns: area.townIds, each: area.townIds })).whole;
}
