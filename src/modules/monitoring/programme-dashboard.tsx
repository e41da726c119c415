import { type Static, Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { isProgrammeOffice } from '../../platform/access/actor.ts';
import { AppError } from '../../platform/http/errors.ts';
import { dataKey, RenderedOnce } from '../../platform/views/rendered-once.tsx';
import type { AppServices } from '../../platform/module.ts';
import { municipalityNames, participatingHierarchy } from '../municipalities/index.ts';
import type { AmifRow } from './amif-repository.ts';
import { drillDownLinks } from './drill-down.ts';
import { findLevel, LAND, type Level, levelsOf } from './levels.ts';
import type { Period } from './periods.ts';
import type { FigureSet } from './figures.ts';
import { type Indicator, monitoringService, protectParticipantTable } from './service.ts';
import { indicatorByTown, protectTownValues, withheldFigures } from './town-values.ts';
import { ChoroplethSection, LevelFields, type MapRow } from './views/choropleth-section.tsx';
import { DashboardPage, Freshness, KeyFigures, ParticipantTables, type TownName, Trend } from './views/dashboard.tsx';

/** The programme dashboard takes a period, a level (`land`, `rb:…`, `kreis:…`, `kommune:…`) and the map's indicator. */
export const DashboardQuery = Type.Object({
  zeitraum: Type.Optional(Type.String({ maxLength: 20 })),
  ebene: Type.Optional(Type.String({ maxLength: 60 })),
  indikator: Type.Optional(Type.String({ maxLength: 8 })),
});
type DashboardQuery = Static<typeof DashboardQuery>;

/** The level asked for among the levels that hold participating towns, or 404; with the names of the participating towns. */
export async function levelOf(services: AppServices, code: string | undefined): Promise<{ levels: Level[]; level: Level; towns: Map<number, TownName & { ags: string }> }> {
  const rows = await participatingHierarchy(services.db);
  const levels = levelsOf(rows);
  const level = findLevel(levels, code);
  if (!level) throw AppError.notFound();
  return { levels, level, towns: new Map(rows.map((r) => [r.id, { id: r.id, ags: r.ags, name: r.name }])) };
}

/**
 * The towns' names for the AMIF rows: those taking part are known, a town that has left the
 * programme since keeps its rows of earlier periods and is looked up by name.
 */
async function withFormerTowns(services: AppServices, towns: Map<number, TownName>, rows: readonly AmifRow[]): Promise<Map<number, TownName>> {
  const missing = rows.flatMap((row) => (row.municipalityId !== null && !towns.has(row.municipalityId) ? [row.municipalityId] : []));
  if (missing.length === 0) return towns;
  const named = new Map(towns);
  for (const town of await municipalityNames(services.db, missing)) named.set(town.id, town);
  return named;
}

/** The indicator the map shows: the one asked for among the active ones, O1 by default; 404 for another code. */
export function mapIndicator(indicators: readonly Indicator[], code: string | undefined): Indicator {
  const active = indicators.filter((i) => i.status === 'active');
  const found = active.find((i) => i.code === (code ?? 'O1')) ?? (code === undefined ? active[0] : undefined);
  if (!found) throw AppError.notFound();
  return found;
}

/** The figures of a level, from the kept summary (each level has its own set), else counted now. */
export function levelFigures(services: AppServices, period: Period, level: Level, indicators?: readonly Indicator[]): Promise<FigureSet> {
  const service = monitoringService(services);
  if (level.code === LAND) return service.figures(period, undefined, indicators);
  if (level.kind === 'town') return service.figures(period, level.townIds[0], indicators);
  return service.areaFigures(period, level, indicators);
}

/**
 * The map's data for a level: the indicator per participating town of the level, protected for
 * viewers without the right to the persons (the funder) by the Land-wide AMIF rows.
 */
export function mapData(services: AppServices, indicator: Indicator, set: FigureSet, level: Level, land: FigureSet | null): MapRow[] {
  const { values, numerators } = indicatorByTown(set, indicator, level.townIds);
  const shown: Map<number, number | null | undefined> = land ? protectTownValues(services, indicator, values, numerators, land.participants.rows) : values;
  return level.townIds.map((id) => ({ townId: id, value: shown.get(id) }));
}

/**
 * The programme dashboard at a level (Land, Regierungsbezirk, Kreis, Kommune): key figures, trend,
 * choropleth and AMIF table of the level's towns. For the funder, every person figure comes from
 * the protection of the whole Land's tables, so that no level can be differenced against another:
 * the AMIF rows are those of the Land-wide protected table (no sums of a level are added), and
 * person key figures below the Land are withheld except a single town's participants, which are
 * its protected row total.
 */
export async function renderProgrammeDashboard(
  services: AppServices,
  request: FastifyRequest<{ Querystring: DashboardQuery }>,
  reply: FastifyReply,
  page: { title: string; lead: string; action: string; period: Period; options: string[] },
  /** What the dashboard shows above the figures (the links to the period's reports). */
  top?: preact.ComponentChildren,
) {
  const service = monitoringService(services);
  const t = request.t;
  const { period } = page;
  const [{ levels, level, towns: allTowns }, catalogue] = await Promise.all([levelOf(services, request.query.ebene), service.indicators()]);
  const protect = !isProgrammeOffice(request.actor);
  const indicators = catalogue.filter((i) => i.status === 'active');
  const indicator = mapIndicator(indicators, request.query.indikator);
  const land = level.code === LAND;
  const { set, landSet, participants } = await levelSets(services, period, level, protect, catalogue);
  const figures = set.figures;
  const trend = protect && !land ? null : set.trend;
  const mapRows = mapData(services, indicator, set, level, protect ? (landSet ?? set) : null).map((row) => ({ ...row, town: allTowns.get(row.townId) }));
  const drillDown = !protect && level.kind === 'town' ? drillDownLinks(services, figures, allTowns.get(level.townIds[0] as number)?.ags ?? '', period) : undefined;
  const withheld = protect && landSet ? withheldFigures(services, figures, participants.townTotal) : new Set<string>();
  const rowTowns = await withFormerTowns(services, allTowns, participants.tables.rows);
  const query = new URLSearchParams({ zeitraum: period.code, ebene: level.code, indikator: indicator.code });
  const levelName = level.kind === 'land' ? t('monitoring.level.land') : level.name;
  return reply.render(
    <DashboardPage
      {...page}
      reportHref={protect ? undefined : `/monitoring/berichte/${encodeURIComponent(period.code)}`}
      filters={
        <RenderedOnce cacheKey={`programme-level-fields|${dataKey(levels, level.code, indicators, indicator.code)}`} tag="div" attributes={{ class: 'vv-level-fields' }}>
          <LevelFields levels={levels} level={level} indicators={indicators} indicator={indicator} />
        </RenderedOnce>
      }
    >
      {top}
      <Freshness set={set} />
      <p class="kern-body">{t('monitoring.level.showing', { level: levelName, count: level.townIds.length })}</p>
      {/* Drawn from the figures, the map's rows and the towns' names alone: rendered once per their state. */}
      <RenderedOnce
        cacheKey={`programme-figures|${dataKey(figures, period, withheld, drillDown, trend, query.toString(), indicator, mapRows, protect)}`}
        tag="div"
        attributes={{ class: 'vv-dashboard-figures' }}
      >
        <KeyFigures values={figures} period={period} withheld={withheld} drillDown={drillDown} />
        {trend ? <Trend chartHref={`/monitoring/verlauf.svg?${query}`} points={trend} /> : <p class="kern-body">{t('monitoring.level.trend_land_only')}</p>}
        <ChoroplethSection indicator={indicator} period={period} rows={mapRows} mapHref={`/monitoring/karte.svg?${query}`} protectedView={protect} />
      </RenderedOnce>
      <ParticipantTables
        {...participants.tables}
        towns={rowTowns}
        csvHref={`/monitoring/teilnehmende.csv?zeitraum=${encodeURIComponent(period.code)}`}
        perTownHref={`/monitoring/teilnehmende?${new URLSearchParams({ zeitraum: period.code, ebene: level.code })}`}
        cacheKey={participants.cacheKey}
      />
    </DashboardPage>,
    { title: page.title },
  );
}

/**
 * The figures of a level and, for a viewer without the right to the persons below the Land, the
 * Land's too (every person figure then comes from the Land-wide protection), with the level's AMIF
 * tables.
 */
async function levelSets(services: AppServices, period: Period, level: Level, protect: boolean, catalogue: readonly Indicator[]) {
  const land = level.code === LAND;
  const [set, landSet] = await Promise.all([
    levelFigures(services, period, level, catalogue),
    protect && !land ? monitoringService(services).figures(period, undefined, catalogue) : Promise.resolve(null),
  ]);
  return { set, landSet, participants: levelParticipants(set, landSet, level, protect) };
}

/**
 * The AMIF tables of a level as the viewer may see them. For the funder below the Land, the level's
 * rows are cut out of the Land-wide protection, never protected on their own (so that no level can
 * be differenced against another): no sums of a level are shown, and a single town's participants
 * are its protected row total (`townTotal`).
 */
function levelParticipants(set: FigureSet, landSet: FigureSet | null, level: Level, protect: boolean) {
  const table = set.participants;
  const cacheKey = set.stored && (landSet?.stored ?? true) ? `programme|${set.period.code}|${level.code}|${protect}|${set.computedAt.toISOString()}|${landSet?.computedAt.toISOString() ?? ''}` : null;
  if (!protect) return { tables: { rows: table.rows, all: table.all, protectedTables: null }, townTotal: undefined, cacheKey };
  const landTable = landSet?.participants;
  if (!landTable) return { tables: { rows: table.rows, all: table.all, protectedTables: protectParticipantTable(table.rows) }, townTotal: undefined, cacheKey };
  const landProtected = protectParticipantTable(landTable.rows);
  const keep = landTable.rows.map((row, r) => [row, r] as const).filter(([row]) => row.municipalityId !== null && level.townIds.includes(row.municipalityId));
  const protectedTables = Object.fromEntries(
    Object.entries(landProtected).map(([group, p]) => [
      group,
      { ...p, cells: keep.map(([, r]) => p.cells[r] ?? []), rowTotals: keep.map(([, r]) => p.rowTotals[r] ?? null), columnTotals: [], total: null },
    ]),
  ) as unknown as typeof landProtected;
  const landRow = landTable.rows.findIndex((row) => level.kind === 'town' && row.municipalityId === level.townIds[0]);
  const townTotal = level.kind !== 'town' ? undefined : landRow < 0 ? 0 : landProtected.sex.rowTotals[landRow];
  return { tables: { rows: keep.map(([row]) => row), all: null, protectedTables }, townTotal, cacheKey };
}

/**
 * The AMIF tables of every town of a level, the page the dashboard's sums link to: the same rows
 * and protection as the dashboard would show them.
 */
export async function renderLevelParticipants(
  services: AppServices,
  request: FastifyRequest<{ Querystring: DashboardQuery }>,
  reply: FastifyReply,
  page: { title: string; lead: string; action: string; period: Period; options: string[] },
) {
  const [{ level, levels, towns }, catalogue] = await Promise.all([levelOf(services, request.query.ebene), monitoringService(services).indicators()]);
  const protect = !isProgrammeOffice(request.actor);
  const { set, participants } = await levelSets(services, page.period, level, protect, catalogue);
  const rowTowns = await withFormerTowns(services, towns, participants.tables.rows);
  const levelName = level.kind === 'land' ? request.t('monitoring.level.land') : level.name;
  return reply.render(
    <DashboardPage {...page} filters={<LevelFields levels={levels} level={level} />}>
      <Freshness set={set} />
      <p class="kern-body">{request.t('monitoring.level.showing', { level: levelName, count: level.townIds.length })}</p>
      <ParticipantTables {...participants.tables} towns={rowTowns} csvHref={`/monitoring/teilnehmende.csv?zeitraum=${encodeURIComponent(page.period.code)}`} cacheKey={participants.cacheKey} />
    </DashboardPage>,
    { title: page.title },
  );
}
