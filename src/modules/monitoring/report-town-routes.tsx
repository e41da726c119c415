import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { isProgrammeOffice } from '../../platform/access/actor.ts';
import { AppError } from '../../platform/http/errors.ts';
import { formAction } from '../../platform/http/form-action.ts';
import { FormText, formBody } from '../../platform/http/forms.ts';
import { pageNumber } from '../../platform/http/params.ts';
import type { ModulePlugin } from '../../platform/module.ts';
import { barChartSvg } from '../../platform/views/charts.ts';
import { EMPTY_FORM, type FormState } from '../../platform/views/forms.tsx';
import { managedTown, municipalityOptions, requireMunicipality } from '../municipalities/index.ts';
import { type Period, PROGRAMME_PERIOD, parsePeriod, periodOptions } from './periods.ts';
import { can } from './report-policy.ts';
import { type TownRef, townReportService } from './report-service.ts';
import { REPORT_STATUSES, type ReportStatus } from './tables.ts';
import { periodLabel } from './views/dashboard.tsx';
import { ReportListPage } from './views/report-list.tsx';
import { ApprovedReportPage, NARRATIVE_MAX, TownReportPage, townReportHref } from './views/report-town.tsx';

const FUNDER = { access: 'funder' } as const;
const OFFICE = { access: 'office' } as const;
const TOWN = { access: { scope: 'town' } } as const;
const TownPeriodParams = Type.Object({ ags: Type.String({ maxLength: 20 }), zeitraum: Type.String({ maxLength: 20 }) });
const ListQuery = Type.Object({
  zeitraum: Type.Optional(Type.String({ maxLength: 20 })),
  status: Type.Optional(Type.String({ maxLength: 20 })),
  seite: Type.Optional(Type.String({ maxLength: 6 })),
});
const NarrativeForm = Type.Object({
  narrative: Type.Optional(FormText({ max: NARRATIVE_MAX })),
  action: Type.Union([Type.Literal('save'), Type.Literal('submit')]),
});
const DecisionForm = Type.Object({
  decision: Type.Union([Type.Literal('approved'), Type.Literal('sent_back')]),
  note: Type.Optional(FormText({ max: 2000 })),
});

function periodOf(code: string): Period {
  const period = parsePeriod(code);
  if (!period) throw AppError.notFound();
  return period;
}

/** The current year while the programme runs, else the programme period. */
function defaultPeriod(): string {
  const year = String(new Date().getUTCFullYear());
  return year >= PROGRAMME_PERIOD.from.slice(0, 4) && year <= PROGRAMME_PERIOD.to.slice(0, 4) ? year : 'programm';
}

const townRef = (row: { id: number; ags: string; name: string }): TownRef => ({ id: row.id, ags: row.ags, name: row.name });

/**
 * The period reports of the towns: the coordinator's page (narrative, submit), the office's
 * decision, the list per period, and the approved report as the funder sees it.
 */
export const monitoringTownReportRoutes: ModulePlugin = async (app, { services }) => {
  const { db } = services;
  const reports = townReportService(services);

  async function renderTownReport(request: FastifyRequest, reply: FastifyReply, town: TownRef, period: Period, forms: { narrative?: FormState; decision?: FormState } = {}, status = 200) {
    const data = await reports.load(town, period);
    const report = { municipalityId: town.id, status: data.report?.status ?? null };
    const narrativeForm = forms.narrative ?? { values: { narrative: data.report?.narrative ?? '' }, errors: {} };
    const title = request.t('monitoring.town_report.title', { name: town.name, period: periodLabel(request.t, period.code) });
    return reply
      .code(status)
      .render(
        <TownReportPage
          data={data}
          canWrite={can(request.actor, 'write', report)}
          canDecide={can(request.actor, 'decide', report)}
          narrativeForm={narrativeForm}
          decisionForm={forms.decision ?? EMPTY_FORM}
        />,
        { title },
      );
  }

  app.get('/monitoring/berichte', { config: FUNDER, schema: { querystring: ListQuery } }, async (request, reply) => {
    const period = periodOf(request.query.zeitraum ?? defaultPeriod());
    const raw = request.query.status;
    const status = raw && (REPORT_STATUSES as readonly string[]).includes(raw) ? (raw as ReportStatus) : undefined;
    const [result, options] = await Promise.all([reports.list(request.actor, period, status, pageNumber(request.query.seite)), municipalityOptions(db)]);
    const towns = new Map(options.map((o) => [o.id, { id: o.id, ags: o.ags, name: o.name }]));
    const office = isProgrammeOffice(request.actor);
    const title = request.t('monitoring.reports.title', { period: periodLabel(request.t, period.code) });
    return reply.render(<ReportListPage period={period} options={periodOptions()} status={office ? status : undefined} result={result} towns={towns} office={office} />, { title });
  });

  app.get('/monitoring/berichte/:zeitraum/kommunen/:ags', { config: FUNDER, schema: { params: TownPeriodParams } }, async (request, reply) => {
    const period = periodOf(request.params.zeitraum);
    const town = townRef(await requireMunicipality(db, request.params.ags));
    const data = await reports.approved(request.actor, town, period);
    const title = request.t('monitoring.town_report.title', { name: town.name, period: periodLabel(request.t, period.code) });
    return reply.render(<ApprovedReportPage data={data} />, { title });
  });

  app.get('/verwaltung/:ags/monitoring/berichte/:zeitraum', { config: TOWN, schema: { params: TownPeriodParams } }, async (request, reply) => {
    const period = periodOf(request.params.zeitraum);
    return renderTownReport(request, reply, townRef(managedTown(request)), period);
  });

  app.post('/verwaltung/:ags/monitoring/berichte/:zeitraum', { config: TOWN, schema: { params: TownPeriodParams, body: formBody(NarrativeForm, [], NARRATIVE_MAX * 2) } }, async (request, reply) => {
    const period = periodOf(request.params.zeitraum);
    const town = townRef(managedTown(request));
    const href = townReportHref(town.ags, period.code);
    return formAction(reply, {
      body: request.body,
      schema: NarrativeForm,
      back: href,
      invalid: (form) => renderTownReport(request, reply, town, period, { narrative: form }, 422),
      run: async (input) => {
        await reports.write(request.actor, town, period, { narrative: input.narrative ?? '', submit: input.action === 'submit' });
        return { redirect: href, flash: { key: input.action === 'submit' ? 'monitoring.town_report.submitted' : 'monitoring.town_report.saved' } };
      },
    });
  });

  app.post('/verwaltung/:ags/monitoring/berichte/:zeitraum/entscheidung', { config: OFFICE, schema: { params: TownPeriodParams, body: formBody(DecisionForm) } }, async (request, reply) => {
    const period = periodOf(request.params.zeitraum);
    const town = townRef(await requireMunicipality(db, request.params.ags));
    const href = townReportHref(town.ags, period.code);
    return formAction(reply, {
      body: request.body,
      schema: DecisionForm,
      back: href,
      invalid: (form) => renderTownReport(request, reply, town, period, { decision: form }, 422),
      run: async (input) => {
        await reports.decide(request.actor, town, period, { decision: input.decision, note: input.note ?? '' });
        return { redirect: href, flash: { key: input.decision === 'approved' ? 'monitoring.report.approved' : 'monitoring.report.sent_back' } };
      },
    });
  });

  app.get('/verwaltung/:ags/monitoring/berichte/:zeitraum/verlauf.svg', { config: TOWN, schema: { params: TownPeriodParams } }, async (request, reply) => {
    const period = periodOf(request.params.zeitraum);
    const data = await reports.load(townRef(managedTown(request)), period);
    const svg = await barChartSvg(
      data.content.trend.map((p) => periodLabel(request.t, p.period)),
      data.content.trend.map((p) => p.value),
    );
    return reply.type('image/svg+xml; charset=utf-8').header('cache-control', 'private, no-store').send(svg);
  });
};
