import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { actorUserId } from '../../platform/access/actor.ts';
import { writeAudit } from '../../platform/audit/audit.ts';
import { AppError } from '../../platform/http/errors.ts';
import { formAction } from '../../platform/http/form-action.ts';
import { FormText, formBody } from '../../platform/http/forms.ts';
import type { ModulePlugin } from '../../platform/module.ts';
import { useView } from '../../platform/views/context.ts';
import { ErrorSummary, Form, FormActions, type FormState, SelectField, TextArea } from '../../platform/views/forms.tsx';
import { type Period, parsePeriod } from './periods.ts';
import { reportRepository } from './repository.ts';
import { computeReportContent } from './report-content.ts';
import { monitoringService } from './service.ts';
import { periodLabel } from './views/dashboard.tsx';
import { ReportDownloads, ReportLink } from './views/report-town.tsx';

const OFFICE = { access: 'office' } as const;
const PeriodParams = Type.Object({ zeitraum: Type.String({ maxLength: 20 }) });
const DecisionForm = Type.Object({
  decision: Type.Union([Type.Literal('approved'), Type.Literal('sent_back')]),
  note: Type.Optional(FormText({ max: 2000 })),
  /** The office's narrative part of the programme report, kept with the decision (and frozen with an approval). */
  narrative: Type.Optional(FormText({ max: 20000 })),
});

function ReportPage({ period, status, form }: { period: Period; status: string; form: FormState }) {
  const { t } = useView();
  const labels = { decision: t('monitoring.report.decision'), note: t('monitoring.report.note'), narrative: t('monitoring.town_report.narrative') };
  return (
    <>
      <h1 class="kern-heading-large">{t('monitoring.report.title', { period: periodLabel(t, period.code) })}</h1>
      <p class="kern-body">{t('monitoring.report.status', { status: t(`monitoring.report.status_${status}`) })}</p>
      <p class="kern-body">{t('monitoring.report.lead')}</p>
      <p class="kern-body">
        <a class="kern-link" href={`/monitoring?zeitraum=${encodeURIComponent(period.code)}`}>
          {t('monitoring.report.dashboard')}
        </a>
      </p>
      <ReportLink href={`/monitoring/berichte?zeitraum=${encodeURIComponent(period.code)}`} labelKey="monitoring.reports.link" />
      <ReportDownloads base={`/monitoring/berichte/${encodeURIComponent(period.code)}`} protect={false} />
      <ErrorSummary form={form} labels={labels} />
      <Form action={`/monitoring/berichte/${encodeURIComponent(period.code)}`}>
        <TextArea form={form} name="narrative" label={labels.narrative} hint={t('monitoring.report.narrative_hint')} rows={10} maxLength={20000} />
        <SelectField
          form={form}
          name="decision"
          label={labels.decision}
          required
          options={[
            { value: 'approved', label: t('monitoring.report.approve') },
            { value: 'sent_back', label: t('monitoring.report.send_back') },
          ]}
          emptyLabel={t('monitoring.report.choose')}
        />
        <TextArea form={form} name="note" label={labels.note} maxLength={2000} />
        <FormActions submitLabel={t('monitoring.report.save')} cancelHref={`/monitoring?zeitraum=${encodeURIComponent(period.code)}`} />
      </Form>
    </>
  );
}

/**
 * The programme report of a period: the office approves it (its figures are frozen as a snapshot
 * and the funder sees the period from then on) or sends it back (the funder no longer sees it).
 */
export const monitoringReportRoutes: ModulePlugin = async (app, { services }) => {
  const { db } = services;
  const service = monitoringService(services);

  function periodOf(code: string): Period {
    const period = parsePeriod(code);
    if (!period) throw AppError.notFound();
    return period;
  }

  async function render(request: FastifyRequest, reply: FastifyReply, period: Period, form: FormState, status = 200) {
    const report = await reportRepository(db).programmeReport(period.code);
    const title = request.t('monitoring.report.title', { period: periodLabel(request.t, period.code) });
    return reply.code(status).render(<ReportPage period={period} status={report?.status ?? 'draft'} form={form} />, { title });
  }

  app.get('/monitoring/berichte/:zeitraum', { config: OFFICE, schema: { params: PeriodParams } }, async (request, reply) => {
    const period = periodOf(request.params.zeitraum);
    const report = await reportRepository(db).programmeReport(period.code);
    return render(request, reply, period, { values: { narrative: report?.narrative ?? '' }, errors: {} });
  });

  app.post('/monitoring/berichte/:zeitraum', { config: OFFICE, schema: { params: PeriodParams, body: formBody(DecisionForm, [], 40000) } }, async (request, reply) => {
    const period = periodOf(request.params.zeitraum);
    return formAction(reply, {
      body: request.body,
      schema: DecisionForm,
      invalid: (form) => render(request, reply, period, form, 422),
      run: async (input) => {
        // Approval freezes the report's full content (figures with their catalogue version, trend, AMIF table protected and not).
        const snapshot = input.decision === 'approved' ? await computeReportContent(service, period, null) : null;
        await db.transaction().execute(async (trx) => {
          const { id } = await reportRepository(trx).decide(period.code, {
            status: input.decision,
            note: input.note ?? '',
            narrative: input.narrative?.trim() ?? '',
            snapshot,
            by: actorUserId(request.actor),
          });
          await writeAudit(trx, request.actor, {
            action: input.decision === 'approved' ? 'monitoring.report_approved' : 'monitoring.report_sent_back',
            entityType: 'monitoring_report',
            entityId: id,
            after: { period: period.code, note: input.note ?? '', narrative: input.narrative?.trim() ?? '' },
          });
        });
        return { redirect: `/monitoring/berichte/${encodeURIComponent(period.code)}`, flash: { key: input.decision === 'approved' ? 'monitoring.report.approved' : 'monitoring.report.sent_back' } };
      },
    });
  });
};
