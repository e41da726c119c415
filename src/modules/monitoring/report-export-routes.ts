import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { isProgrammeOffice } from '../../platform/access/actor.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { ModulePlugin } from '../../platform/module.ts';
import { managedTown, municipalityOptions, requireMunicipality } from '../municipalities/index.ts';
import { type Period, parsePeriod } from './periods.ts';
import { REPORT_TYPES, type ReportFormat, reportFile, reportFormat } from './report-files.ts';
import { townReportService } from './report-service.ts';
import type { ReportFile } from './report-tables.ts';
import { periodLabel } from './views/dashboard.tsx';

const FUNDER = { access: 'funder' } as const;
const TOWN = { access: { scope: 'town' } } as const;
const Segment = Type.String({ maxLength: 20 });
const TownFileParams = Type.Object({ ags: Segment, zeitraum: Segment, datei: Segment });
const ProgrammeFileParams = Type.Object({ zeitraum: Segment, datei: Segment });

function parse(zeitraum: string, datei: string): { period: Period; format: ReportFormat } {
  const period = parsePeriod(zeitraum);
  const format = reportFormat(datei);
  if (!period || !format) throw AppError.notFound();
  return { period, format };
}

/**
 * The downloads of a period report (XLSX, CSV, PDF): a town's for its coordinators and the office
 * (as on its page), an approved town report and the programme report for the funder (protected,
 * approved only). Every file names its period, the programme, the date of extraction and the rule.
 */
export const monitoringReportExportRoutes: ModulePlugin = async (app, { services }) => {
  const { db } = services;
  const reports = townReportService(services);

  async function send(request: FastifyRequest, reply: FastifyReply, format: ReportFormat, name: string, file: Omit<ReportFile, 'fileName'>) {
    const body = await reportFile(format, { ...file, fileName: name }, request.t, request.locale);
    return reply.type(REPORT_TYPES[format]).header('content-disposition', `attachment; filename="${name}.${format}"`).header('cache-control', 'private, no-store').send(body);
  }

  const townFile = (request: FastifyRequest, data: Awaited<ReturnType<typeof reports.load>>, protect: boolean) => ({
    title: request.t('monitoring.town_report.title', { name: data.town.name, period: periodLabel(request.t, data.period.code) }),
    scope: `${data.town.name} (${data.town.ags})`,
    status: request.t(`monitoring.report.status_${data.report?.status ?? 'draft'}`),
    narrative: data.report?.narrative ?? '',
    content: data.content,
    protect,
    towns: new Map([[data.town.id, data.town]]),
  });

  app.get('/verwaltung/:ags/monitoring/berichte/:zeitraum/export/:datei', { config: TOWN, schema: { params: TownFileParams } }, async (request, reply) => {
    const { period, format } = parse(request.params.zeitraum, request.params.datei);
    const town = managedTown(request);
    const data = await reports.load({ id: town.id, ags: town.ags, name: town.name }, period);
    return send(request, reply, format, `bericht-${town.ags}-${period.code}`, townFile(request, data, false));
  });

  app.get('/monitoring/berichte/:zeitraum/kommunen/:ags/export/:datei', { config: FUNDER, schema: { params: TownFileParams } }, async (request, reply) => {
    const { period, format } = parse(request.params.zeitraum, request.params.datei);
    const town = await requireMunicipality(db, request.params.ags);
    const data = await reports.approved(request.actor, { id: town.id, ags: town.ags, name: town.name }, period);
    return send(request, reply, format, `bericht-${town.ags}-${period.code}`, townFile(request, data, true));
  });

  app.get('/monitoring/berichte/:zeitraum/export/:datei', { config: FUNDER, schema: { params: ProgrammeFileParams } }, async (request, reply) => {
    const { period, format } = parse(request.params.zeitraum, request.params.datei);
    const [data, options] = await Promise.all([reports.programme(request.actor, period), municipalityOptions(db)]);
    return send(request, reply, format, `programmbericht-${period.code}`, {
      title: request.t('monitoring.report.title', { period: periodLabel(request.t, period.code) }),
      scope: request.t('monitoring.export.all_towns'),
      status: request.t(`monitoring.report.status_${data.report?.status ?? 'draft'}`),
      narrative: data.report?.narrative ?? '',
      content: data.content,
      protect: !isProgrammeOffice(request.actor),
      towns: new Map(options.map((o) => [o.id, o])),
    });
  });
};
