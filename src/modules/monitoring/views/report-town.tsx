import { formatDate } from '../../../platform/i18n/catalog.ts';
import { useView } from '../../../platform/views/context.ts';
import { ErrorSummary, Form, type FormState, SelectField, TextArea } from '../../../platform/views/forms.tsx';
import type { TownReport } from '../report-service.ts';
import { periodLabel } from './dashboard.tsx';
import { ReportBody } from './report-content.tsx';

export const NARRATIVE_MAX = 20000;

/** The report's address for its coordinators and the office. */
export const townReportHref = (ags: string, period: string) => `/verwaltung/${ags}/monitoring/berichte/${encodeURIComponent(period)}`;
/** The approved report's address for the funder (and the office). */
export const approvedReportHref = (ags: string, period: string) => `/monitoring/berichte/${encodeURIComponent(period)}/kommunen/${ags}`;

function Narrative({ text }: { text: string }) {
  const { t } = useView();
  if (!text) return <p class="kern-body">{t('monitoring.town_report.no_narrative')}</p>;
  return (
    <>
      {text.split(/\n{2,}/).map((paragraph, i) => (
        <p class="kern-body" key={i}>
          {paragraph}
        </p>
      ))}
    </>
  );
}

function StatusNotice({ data }: { data: TownReport }) {
  const { t, locale } = useView();
  const report = data.report;
  const status = report?.status ?? 'draft';
  return (
    <>
      <p class="kern-body">{t('monitoring.report.status', { status: t(`monitoring.report.status_${status}`) })}</p>
      {report?.submitted_at ? <p class="kern-body">{t('monitoring.town_report.submitted_on', { date: formatDate(locale, report.submitted_at, true) })}</p> : null}
      {status === 'sent_back' && report ? (
        <div class="kern-alert kern-alert--warning" role="status">
          <div class="kern-alert__body">
            <p class="kern-body">{t('monitoring.town_report.sent_back_note', { note: report.decision_note })}</p>
          </div>
        </div>
      ) : null}
      {status === 'approved' && report?.decided_at ? <p class="kern-body">{t('monitoring.town_report.approved_on', { date: formatDate(locale, report.decided_at, true) })}</p> : null}
    </>
  );
}

function NarrativeForm({ data, form }: { data: TownReport; form: FormState }) {
  const { t } = useView();
  const labels = { narrative: t('monitoring.town_report.narrative'), action: t('monitoring.town_report.action') };
  return (
    <section aria-labelledby="report-narrative">
      <h2 class="kern-heading-medium" id="report-narrative">
        {t('monitoring.town_report.narrative')}
      </h2>
      <ErrorSummary form={form} labels={labels} />
      <Form action={townReportHref(data.town.ags, data.period.code)}>
        <TextArea form={form} name="narrative" label={labels.narrative} hint={t('monitoring.town_report.narrative_hint')} rows={12} maxLength={NARRATIVE_MAX} />
        <div class="vv-actions">
          <button type="submit" class="kern-btn kern-btn--secondary" name="action" value="save">
            <span class="kern-label">{t('monitoring.town_report.save')}</span>
          </button>
          <button type="submit" class="kern-btn kern-btn--primary" name="action" value="submit">
            <span class="kern-label">{t('monitoring.town_report.submit')}</span>
          </button>
        </div>
      </Form>
    </section>
  );
}

function DecisionForm({ data, form }: { data: TownReport; form: FormState }) {
  const { t } = useView();
  const labels = { decision: t('monitoring.report.decision'), note: t('monitoring.town_report.note') };
  return (
    <section aria-labelledby="report-decision">
      <h2 class="kern-heading-medium" id="report-decision">
        {t('monitoring.town_report.decision_title')}
      </h2>
      <ErrorSummary form={form} labels={labels} />
      <Form action={`${townReportHref(data.town.ags, data.period.code)}/entscheidung`}>
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
        <TextArea form={form} name="note" label={labels.note} hint={t('monitoring.town_report.note_hint')} maxLength={2000} />
        <div class="vv-actions">
          <button type="submit" class="kern-btn kern-btn--primary">
            <span class="kern-label">{t('monitoring.report.save')}</span>
          </button>
        </div>
      </Form>
    </section>
  );
}

/** A town's period report for its coordinators and the office: status, narrative (a form while editable), the decision form for the office, and the generated figures. */
export function TownReportPage({
  data,
  canWrite,
  canDecide,
  narrativeForm,
  decisionForm,
}: {
  data: TownReport;
  canWrite: boolean;
  canDecide: boolean;
  narrativeForm: FormState;
  decisionForm: FormState;
}) {
  const { t } = useView();
  const href = townReportHref(data.town.ags, data.period.code);
  return (
    <>
      <h1 class="kern-heading-large">{t('monitoring.town_report.title', { name: data.town.name, period: periodLabel(t, data.period.code) })}</h1>
      <p class="kern-body">{t('monitoring.town_report.lead')}</p>
      <StatusNotice data={data} />
      <p class="kern-body">
        <a class="kern-link" href={`/verwaltung/${data.town.ags}/monitoring?zeitraum=${encodeURIComponent(data.period.code)}`}>
          {t('monitoring.report.dashboard')}
        </a>
      </p>
      {canWrite ? (
        <NarrativeForm data={data} form={narrativeForm} />
      ) : (
        <section aria-labelledby="report-narrative">
          <h2 class="kern-heading-medium" id="report-narrative">
            {t('monitoring.town_report.narrative')}
          </h2>
          <Narrative text={data.report?.narrative ?? ''} />
        </section>
      )}
      {canDecide ? <DecisionForm data={data} form={decisionForm} /> : null}
      <ReportDownloads base={href} protect={false} />
      <ReportBody
        content={data.content}
        towns={new Map([[data.town.id, data.town]])}
        protect={false}
        chartHref={`${href}/verlauf.svg`}
        csvHref={`/verwaltung/${data.town.ags}/monitoring/teilnehmende.csv?zeitraum=${encodeURIComponent(data.period.code)}`}
      />
    </>
  );
}

/** An approved town report as the funder sees it: the frozen narrative and figures, small cells withheld. */
export function ApprovedReportPage({ data }: { data: TownReport }) {
  const { t } = useView();
  return (
    <>
      <h1 class="kern-heading-large">{t('monitoring.town_report.title', { name: data.town.name, period: periodLabel(t, data.period.code) })}</h1>
      <StatusNotice data={data} />
      <p class="kern-body">
        <a class="kern-link" href={`/monitoring/berichte?zeitraum=${encodeURIComponent(data.period.code)}`}>
          {t('monitoring.reports.back')}
        </a>
      </p>
      <section aria-labelledby="report-narrative">
        <h2 class="kern-heading-medium" id="report-narrative">
          {t('monitoring.town_report.narrative')}
        </h2>
        <Narrative text={data.report?.narrative ?? ''} />
      </section>
      <ReportDownloads base={approvedReportHref(data.town.ags, data.period.code)} protect={true} />
      <ReportBody
        content={data.content}
        towns={new Map([[data.town.id, data.town]])}
        protect={true}
        chartHref={null}
        csvHref={`${approvedReportHref(data.town.ags, data.period.code)}/export/bericht.csv`}
      />
    </>
  );
}

/** The link from a dashboard to a report page (the town's report, or the list of the towns' reports). */
export function ReportLink({ href, labelKey }: { href: string; labelKey: string }) {
  const { t } = useView();
  return (
    <p class="kern-body">
      <a class="kern-link" href={href}>
        {t(labelKey)}
      </a>
    </p>
  );
}

/** Links to the report as XLSX, CSV and PDF (`base` is the report's address). */
export function ReportDownloads({ base, protect }: { base: string; protect: boolean }) {
  const { t } = useView();
  return (
    <section aria-labelledby="report-downloads">
      <h2 class="kern-heading-medium" id="report-downloads">
        {t('monitoring.export.title')}
      </h2>
      <p class="kern-body">{t(protect ? 'monitoring.export.lead_protected' : 'monitoring.export.lead')}</p>
      <ul class="kern-list">
        {(['xlsx', 'csv', 'pdf'] as const).map((format) => (
          <li key={format}>
            <a class="kern-link" href={`${base}/export/bericht.${format}`}>
              {t(`monitoring.export.${format}`)}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
