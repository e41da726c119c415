import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import { isProgrammeOffice } from '../../platform/access/actor.ts';
import { AppError } from '../../platform/http/errors.ts';
import { AgsParams } from '../../platform/http/schemas.ts';
import { toCsv } from '../../platform/http/tables.ts';
import type { ModulePlugin } from '../../platform/module.ts';
import { WITHHELD_MARK } from '../../platform/stats/suppression.ts';
import { barChartSvg } from '../../platform/views/charts.ts';
import { managedTown, municipalityOptions } from '../municipalities/index.ts';
import { AMIF_COLUMNS } from './amif-repository.ts';
import { drillDownLinks } from './drill-down.ts';
import { LAND } from './levels.ts';
import { type Period, parsePeriod, periodOptions, PROGRAMME_PERIOD } from './periods.ts';
import { DashboardQuery, levelFigures, levelOf, renderLevelParticipants, renderProgrammeDashboard } from './programme-dashboard.tsx';
import { profileRepository } from './profile-repository.ts';
import { AMIF_GROUPS, monitoringService, protectParticipantTable } from './service.ts';
import { ReportDownloads, ReportLink, townReportHref } from './views/report-town.tsx';
import { ProfileSection } from './views/profile-section.tsx';
import { DashboardPage, Freshness, KeyFigures, ParticipantTables, periodLabel, type TownName, Trend } from './views/dashboard.tsx';

const FUNDER = { access: 'funder' } as const;
const TOWN = { access: { scope: 'town' } } as const;
const PeriodQuery = Type.Object({ zeitraum: Type.Optional(Type.String({ maxLength: 20 })) });

/** The current year while the programme runs, else the programme period. */
function defaultPeriod(): string {
  const year = String(new Date().getUTCFullYear());
  return year >= PROGRAMME_PERIOD.from.slice(0, 4) && year <= PROGRAMME_PERIOD.to.slice(0, 4) ? year : 'programm';
}

/**
 * The dashboards: the programme's (office and funder: all towns; the funder only for periods whose
 * programme report is approved, and with small cells withheld), and a town's (its coordinators
 * and the office). Every figure comes from the indicator catalogue over the facts the modules declare.
 */
export const monitoringRoutes: ModulePlugin = async (app, { services }) => {
  const service = monitoringService(services);

  /** The period asked for, or the default; for the funder only an approved one (else null: nothing to show). */
  async function programmePeriod(request: FastifyRequest<{ Querystring: { zeitraum?: string } }>): Promise<{ period: Period; allowed: boolean; options: string[] }> {
    const office = isProgrammeOffice(request.actor);
    const approved = office ? [] : await service.approvedPeriods();
    const code = request.query.zeitraum ?? (office ? defaultPeriod() : (approved[0] ?? defaultPeriod()));
    const period = parsePeriod(code);
    if (!period) throw AppError.notFound();
    return { period, allowed: office || approved.includes(period.code), options: office ? periodOptions() : approved };
  }

  async function townNames(): Promise<Map<number, TownName>> {
    const options = await municipalityOptions(services.db);
    return new Map(options.map((o) => [o.id, { id: o.id, ags: o.ags, name: o.name }]));
  }

  app.get('/monitoring', { config: FUNDER, schema: { querystring: DashboardQuery } }, async (request, reply) => {
    const { period, allowed, options } = await programmePeriod(request);
    const t = request.t;
    const page = { title: t('monitoring.programme.title'), lead: t('monitoring.programme.lead'), action: '/monitoring', period, options };
    if (!allowed) {
      return reply.render(<DashboardPage {...page} notice={t(options.length ? 'monitoring.funder.not_approved' : 'monitoring.funder.none_approved')} />, { title: page.title });
    }
    const protect = !isProgrammeOffice(request.actor);
    const query = `zeitraum=${encodeURIComponent(period.code)}`;
    return renderProgrammeDashboard(
      services,
      request,
      reply,
      page,
      <>
        <ReportLink href={`/monitoring/berichte?${query}`} labelKey="monitoring.reports.link" />
        {protect ? <ReportDownloads base={`/monitoring/berichte/${encodeURIComponent(period.code)}`} protect /> : null}
      </>,
    );
  });

  app.get('/monitoring/teilnehmende', { config: FUNDER, schema: { querystring: DashboardQuery } }, async (request, reply) => {
    const { period, allowed, options } = await programmePeriod(request);
    const t = request.t;
    const page = { title: t('monitoring.amif.per_town_title'), lead: t('monitoring.amif.per_town_lead'), action: '/monitoring/teilnehmende', period, options };
    if (!allowed) throw AppError.notFound();
    return renderLevelParticipants(services, request, reply, page);
  });

  app.get('/monitoring/verlauf.svg', { config: FUNDER, schema: { querystring: DashboardQuery } }, async (request, reply) => {
    const { period, allowed } = await programmePeriod(request);
    if (!allowed) throw AppError.notFound();
    const { level } = await levelOf(services, request.query.ebene);
    // below the Land the trend counts persons of a few towns: only for those who may see them
    if (level.code !== LAND && !isProgrammeOffice(request.actor)) throw AppError.notFound();
    const { trend } = await levelFigures(services, period, level);
    const svg = await barChartSvg(
      trend.map((p) => periodLabel(request.t, p.period.code)),
      trend.map((p) => p.value),
    );
    return reply.type('image/svg+xml; charset=utf-8').header('cache-control', 'private, no-store').send(svg);
  });

  app.get('/monitoring/teilnehmende.csv', { config: FUNDER, schema: { querystring: PeriodQuery } }, async (request, reply) => {
    const { period, allowed } = await programmePeriod(request);
    if (!allowed) throw AppError.notFound();
    const [{ participants: table }, towns] = await Promise.all([service.figures(period), townNames()]);
    const t = request.t;
    const protect = !isProgrammeOffice(request.actor);
    const headers = [t('monitoring.amif.ags'), t('monitoring.amif.town'), ...AMIF_COLUMNS.map((c) => (c === 'total' ? t('monitoring.amif.total') : t(`monitoring.amif.column.${c}`)))];
    let body: Array<Array<string | number>>;
    if (protect) {
      const tables = protectParticipantTable(table.rows);
      body = table.rows.map((row, r) => {
        const town = towns.get(row.municipalityId ?? 0);
        const total = tables.sex.rowTotals[r] ?? null;
        const cells = AMIF_GROUPS.flatMap((group) => tables[group].cells[r] ?? []);
        return [town?.ags ?? '', town?.name ?? '', total ?? WITHHELD_MARK, ...cells.map((v) => v ?? WITHHELD_MARK)];
      });
    } else {
      body = table.rows.map((row) => {
        const town = towns.get(row.municipalityId ?? 0);
        return [town?.ags ?? '', town?.name ?? '', ...AMIF_COLUMNS.map((c) => row.counts[c])];
      });
    }
    const footer = [
      [t('monitoring.export.period'), `${periodLabel(t, period.code)} (${period.from} – ${period.to})`],
      [t('monitoring.export.extracted'), new Date().toISOString().slice(0, 10)],
      [t('monitoring.export.rule'), protect ? t('monitoring.export.rule_text', { mark: WITHHELD_MARK }) : t('monitoring.export.unprotected')],
    ];
    const csv = toCsv(headers, [...body, [], ...footer]);
    return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="teilnehmende-${period.code}.csv"`).header('cache-control', 'private, no-store').send(csv);
  });

  app.get('/verwaltung/:ags/monitoring', { config: TOWN, schema: { params: AgsParams, querystring: PeriodQuery } }, async (request, reply) => {
    const town = managedTown(request);
    const period = parsePeriod(request.query.zeitraum ?? defaultPeriod());
    if (!period) throw AppError.notFound();
    const t = request.t;
    const scores = service.sources().get('diversity_check.dimension_scores');
    const [set, profile] = await Promise.all([service.figures(period, town.id), scores ? profileRepository(services.db).profile(scores, town.id, period.to) : Promise.resolve(null)]);
    const { figures, trend, participants: table } = set;
    const base = `/verwaltung/${town.ags}/monitoring`;
    const query = `zeitraum=${encodeURIComponent(period.code)}`;
    const title = t('monitoring.town.title', { name: town.name });
    return reply.render(
      <DashboardPage title={title} lead={t('monitoring.town.lead')} action={base} period={period} options={periodOptions()}>
        <ReportLink href={townReportHref(town.ags, period.code)} labelKey="monitoring.town_report.link" />
        <Freshness set={set} />
        <KeyFigures values={figures} period={period} drillDown={drillDownLinks(services, figures, town.ags, period)} />
        {scores && profile ? <ProfileSection dimensions={scores.dimensions.dimension ?? []} cells={profile} href={`/verwaltung/${town.ags}/vielfalts-check`} /> : null}
        <Trend chartHref={`${base}/verlauf.svg?${query}`} points={trend} />
        <ParticipantTables
          rows={table.rows}
          all={null}
          towns={new Map([[town.id, { id: town.id, ags: town.ags, name: town.name }]])}
          protectedTables={null}
          csvHref={`/verwaltung/${town.ags}/monitoring/teilnehmende.csv?${query}`}
          cacheKey={set.stored ? `town|${period.code}|${town.id}|${set.computedAt.toISOString()}` : null}
        />
      </DashboardPage>,
      { title },
    );
  });

  app.get('/verwaltung/:ags/monitoring/verlauf.svg', { config: TOWN, schema: { params: AgsParams, querystring: PeriodQuery } }, async (request, reply) => {
    const town = managedTown(request);
    const period = parsePeriod(request.query.zeitraum ?? defaultPeriod());
    if (!period) throw AppError.notFound();
    const { trend } = await service.figures(period, town.id);
    const svg = await barChartSvg(
      trend.map((p) => periodLabel(request.t, p.period.code)),
      trend.map((p) => p.value),
    );
    return reply.type('image/svg+xml; charset=utf-8').header('cache-control', 'private, no-store').send(svg);
  });

  app.get('/verwaltung/:ags/monitoring/teilnehmende.csv', { config: TOWN, schema: { params: AgsParams, querystring: PeriodQuery } }, async (request, reply) => {
    const town = managedTown(request);
    const period = parsePeriod(request.query.zeitraum ?? defaultPeriod());
    if (!period) throw AppError.notFound();
    const t = request.t;
    const { participants: table } = await service.figures(period, town.id);
    const headers = [t('monitoring.amif.ags'), t('monitoring.amif.town'), ...AMIF_COLUMNS.map((c) => (c === 'total' ? t('monitoring.amif.total') : t(`monitoring.amif.column.${c}`)))];
    const body = table.rows.map((row) => [town.ags, town.name, ...AMIF_COLUMNS.map((c) => row.counts[c])]);
    const footer = [
      [t('monitoring.export.period'), `${periodLabel(t, period.code)} (${period.from} – ${period.to})`],
      [t('monitoring.export.extracted'), new Date().toISOString().slice(0, 10)],
      [t('monitoring.export.rule'), t('monitoring.export.unprotected')],
    ];
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="teilnehmende-${town.ags}-${period.code}.csv"`)
      .header('cache-control', 'private, no-store')
      .send(toCsv(headers, [...body, [], ...footer]));
  });
};
