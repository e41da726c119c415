import { isProgrammeOffice } from '../../platform/access/actor.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { ModulePlugin } from '../../platform/module.ts';
import { projectedStateMap, STATE_MAP_SIZE } from '../municipalities/index.ts';
import { choroplethSvg, classesOf } from './choropleth.ts';
import { parsePeriod } from './periods.ts';
import { LAND } from './levels.ts';
import { DashboardQuery, levelFigures, levelOf, mapData, mapIndicator } from './programme-dashboard.tsx';
import { monitoringService } from './service.ts';
import { periodLabel } from './views/dashboard.tsx';

const FUNDER = { access: 'funder' } as const;

/**
 * The choropleth of the programme dashboard as its own SVG file (the boundaries are about 140 kB,
 * so the page stays small): the same data, level and protection as the table next to it on the page.
 */
export const monitoringMapRoutes: ModulePlugin = async (app, { services }) => {
  const service = monitoringService(services);

  app.get('/monitoring/karte.svg', { config: FUNDER, schema: { querystring: DashboardQuery } }, async (request, reply) => {
    const office = isProgrammeOffice(request.actor);
    const period = parsePeriod(request.query.zeitraum ?? 'programm');
    if (!period) throw AppError.notFound();
    if (!office && !(await service.approvedPeriods()).includes(period.code)) throw AppError.notFound();
    const { level, towns } = await levelOf(services, request.query.ebene);
    const indicator = mapIndicator(await service.indicators(), request.query.indikator);
    const [set, land, shapes] = await Promise.all([
      levelFigures(services, period, level),
      office || level.code === LAND ? Promise.resolve(null) : service.figures(period),
      projectedStateMap(services.db),
    ]);
    const rows = mapData(services, indicator, set, level, office ? null : (land ?? set));
    const fills = new Map(rows.map((row) => [towns.get(row.townId)?.ags ?? '', { value: row.value }]));
    const classes = classesOf(rows.map((r) => r.value).filter((v): v is number => typeof v === 'number'));
    const name = request.locale === 'de' ? indicator.name_de : indicator.name_en;
    const title = request.t('monitoring.map.alt', { indicator: `${indicator.code} ${name}`, period: periodLabel(request.t, period.code) });
    return reply
      .type('image/svg+xml; charset=utf-8')
      .header('cache-control', 'private, no-store')
      .send(choroplethSvg(shapes, STATE_MAP_SIZE, fills, classes, title));
  });
};
