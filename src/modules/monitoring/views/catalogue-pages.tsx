import { formatDate, formatNumber } from '../../../platform/i18n/catalog.ts';
import type { PageResult } from '../../../platform/http/pagination.ts';
import { Pagination } from '../../../platform/views/components.tsx';
import { useView } from '../../../platform/views/context.ts';
import { ErrorSummary, Form, FormActions, type FormState, type Option, SelectField, SubmitButton, TextArea, TextField } from '../../../platform/views/forms.tsx';
import type { Indicator } from '../service.ts';
import { DIRECTIONS, INDICATOR_UNITS } from '../tables.ts';
import { periodLabel } from './dashboard.tsx';
import { definitionHref, indicatorName } from './definitions-page.tsx';

export const editHref = (code: string) => `${definitionHref(code)}/bearbeiten`;
export const targetsHref = (code: string) => `${definitionHref(code)}/zielwerte`;
export const valuesHref = (code: string) => `${definitionHref(code)}/werte`;

function Heading({ indicator, title }: { indicator: Indicator; title: string }) {
  const { t, locale } = useView();
  return (
    <>
      <p class="kern-body">
        <a class="kern-link" href={definitionHref(indicator.code)}>
          {t('monitoring.catalogue.back', { code: indicator.code })}
        </a>
      </p>
      <h1 class="kern-heading-large">{title}</h1>
      <p class="kern-body">
        {indicator.code}: {indicatorName(locale, indicator)}
      </p>
      <nav class="vv-subnav" aria-label={t('monitoring.catalogue.nav')}>
        <ul class="kern-list">
          <li>
            <a class="kern-link" href={editHref(indicator.code)}>
              {t('monitoring.catalogue.edit_title')}
            </a>
          </li>
          <li>
            <a class="kern-link" href={targetsHref(indicator.code)}>
              {t('monitoring.catalogue.targets_title')}
            </a>
          </li>
          <li>
            <a class="kern-link" href={valuesHref(indicator.code)}>
              {t('monitoring.catalogue.values_title')}
            </a>
          </li>
        </ul>
      </nav>
    </>
  );
}

/** The change of a definition (a new version) and, apart from it, retiring or taking it up again. */
export function EditIndicatorPage({ indicator, form, sources }: { indicator: Indicator; form: FormState; sources: Option[] }) {
  const { t } = useView();
  const labels: Record<string, string> = Object.fromEntries(
    ['name_de', 'name_en', 'definition_de', 'definition_en', 'unit', 'numerator_source', 'numerator_filter', 'denominator_source', 'denominator_filter', 'factor', 'decimals', 'direction'].map((f) => [
      f,
      t(`monitoring.definition.field.${f}`),
    ]),
  );
  labels.status = t('monitoring.definition.status');
  const filterHint = t('monitoring.catalogue.filter_hint');
  return (
    <>
      <Heading indicator={indicator} title={t('monitoring.catalogue.edit_title')} />
      <p class="kern-body">{t('monitoring.catalogue.edit_lead', { version: indicator.version })}</p>
      <ErrorSummary form={form} labels={labels} />
      <Form action={editHref(indicator.code)}>
        <TextField form={form} name="name_de" label={labels.name_de as string} required maxLength={200} />
        <TextField form={form} name="name_en" label={labels.name_en as string} required maxLength={200} />
        <TextArea form={form} name="definition_de" label={labels.definition_de as string} rows={3} maxLength={4000} />
        <TextArea form={form} name="definition_en" label={labels.definition_en as string} rows={3} maxLength={4000} />
        <SelectField form={form} name="unit" label={labels.unit as string} required options={INDICATOR_UNITS.map((u) => ({ value: u, label: t(`monitoring.unit.${u}`) }))} />
        <SelectField form={form} name="numerator_source" label={labels.numerator_source as string} options={sources} emptyLabel={t('monitoring.catalogue.manual_source')} />
        <TextField form={form} name="numerator_filter" label={labels.numerator_filter as string} hint={filterHint} maxLength={500} />
        <SelectField form={form} name="denominator_source" label={labels.denominator_source as string} options={sources} emptyLabel={t('monitoring.catalogue.no_denominator')} />
        <TextField form={form} name="denominator_filter" label={labels.denominator_filter as string} hint={filterHint} maxLength={500} />
        <TextField form={form} name="factor" label={labels.factor as string} hint={t('monitoring.catalogue.factor_hint')} required maxLength={16} />
        <TextField form={form} name="decimals" label={labels.decimals as string} type="number" min={0} max={4} required />
        <SelectField form={form} name="direction" label={labels.direction as string} required options={DIRECTIONS.map((d) => ({ value: d, label: t(`monitoring.definition.direction_${d}`) }))} />
        <FormActions submitLabel={t('monitoring.catalogue.save_version')} cancelHref={definitionHref(indicator.code)} />
      </Form>
      <h2 class="kern-heading-medium">{t('monitoring.definition.status')}</h2>
      <p class="kern-body">{t(indicator.status === 'active' ? 'monitoring.catalogue.retire_lead' : 'monitoring.catalogue.reactivate_lead')}</p>
      <Form action={`${definitionHref(indicator.code)}/status`}>
        <input type="hidden" name="status" value={indicator.status === 'active' ? 'retired' : 'active'} />
        <SubmitButton kind="secondary" label={t(indicator.status === 'active' ? 'monitoring.catalogue.retire' : 'monitoring.catalogue.reactivate')} />
      </Form>
    </>
  );
}

function PeriodTownFields({ form, periods, towns }: { form: FormState; periods: string[]; towns: Option[] }) {
  const { t } = useView();
  return (
    <>
      <SelectField
        form={form}
        name="period"
        label={t('monitoring.period.label')}
        required
        options={periods.map((code) => ({ value: code, label: periodLabel(t, code) }))}
        emptyLabel={t('monitoring.report.choose')}
      />
      <SelectField form={form} name="townId" label={t('monitoring.amif.town')} hint={t('monitoring.catalogue.town_hint')} options={towns} emptyLabel={t('monitoring.definition.programme')} />
    </>
  );
}

/** Sets the target of a period, for the programme or a town; the definition page lists them. */
export function TargetsPage({ indicator, form, periods, towns }: { indicator: Indicator; form: FormState; periods: string[]; towns: Option[] }) {
  const { t } = useView();
  const labels = { period: t('monitoring.period.label'), townId: t('monitoring.amif.town'), value: t('monitoring.figures.target') };
  return (
    <>
      <Heading indicator={indicator} title={t('monitoring.catalogue.targets_title')} />
      <p class="kern-body">{t('monitoring.catalogue.targets_lead')}</p>
      <ErrorSummary form={form} labels={labels} />
      <Form action={targetsHref(indicator.code)}>
        <PeriodTownFields form={form} periods={periods} towns={towns} />
        <TextField form={form} name="value" label={labels.value} required maxLength={16} hint={t('monitoring.catalogue.number_hint')} />
        <FormActions submitLabel={t('monitoring.catalogue.save_target')} cancelHref={definitionHref(indicator.code)} />
      </Form>
    </>
  );
}

export interface ManualValueRow {
  id: number;
  period: string;
  town: string | null;
  value: number;
  note: string;
  entered_at: Date;
  entered_by_name: string | null;
}

/** The values entered by hand (paged, newest first, with who and when) and the form for another one. */
export function ManualValuesPage({ indicator, form, periods, towns, values }: { indicator: Indicator; form: FormState; periods: string[]; towns: Option[]; values: PageResult<ManualValueRow> }) {
  const { t, locale } = useView();
  const labels = { period: t('monitoring.period.label'), townId: t('monitoring.amif.town'), value: t('monitoring.figures.value'), note: t('monitoring.report.note') };
  return (
    <>
      <Heading indicator={indicator} title={t('monitoring.catalogue.values_title')} />
      <p class="kern-body">{t(indicator.numerator_source ? 'monitoring.catalogue.values_lead_computed' : 'monitoring.catalogue.values_lead')}</p>
      <ErrorSummary form={form} labels={labels} />
      <Form action={valuesHref(indicator.code)}>
        <PeriodTownFields form={form} periods={periods} towns={towns} />
        <TextField form={form} name="value" label={labels.value} required maxLength={16} hint={t('monitoring.catalogue.number_hint')} />
        <TextArea form={form} name="note" label={labels.note} rows={3} maxLength={2000} />
        <FormActions submitLabel={t('monitoring.catalogue.save_value')} cancelHref={definitionHref(indicator.code)} />
      </Form>
      <h2 class="kern-heading-medium">{t('monitoring.catalogue.values_list')}</h2>
      {values.items.length === 0 ? (
        <p class="kern-body">{t('monitoring.catalogue.values_none')}</p>
      ) : (
        <table class="kern-table">
          <caption class="kern-table__caption">{t('monitoring.catalogue.values_caption', { count: values.total })}</caption>
          <thead class="kern-table__head">
            <tr class="kern-table__row">
              <th class="kern-table__header" scope="col">
                {t('monitoring.period.label')}
              </th>
              <th class="kern-table__header" scope="col">
                {t('monitoring.definition.level')}
              </th>
              <th class="kern-table__header kern-table__header--numeric" scope="col">
                {t('monitoring.figures.value')}
              </th>
              <th class="kern-table__header" scope="col">
                {t('monitoring.report.note')}
              </th>
              <th class="kern-table__header" scope="col">
                {t('monitoring.catalogue.entered')}
              </th>
            </tr>
          </thead>
          <tbody class="kern-table__body">
            {values.items.map((row) => (
              <tr class="kern-table__row" key={row.id}>
                <th class="kern-table__header" scope="row">
                  {periodLabel(t, row.period)}
                </th>
                <td class="kern-table__cell">{row.town ?? t('monitoring.definition.programme')}</td>
                <td class="kern-table__cell kern-table__cell--numeric">{formatNumber(locale, row.value, indicator.decimals)}</td>
                <td class="kern-table__cell">{row.note || '–'}</td>
                <td class="kern-table__cell">{t('monitoring.catalogue.entered_by', { name: row.entered_by_name ?? '–', date: formatDate(locale, row.entered_at, true) })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pagination result={values} path={valuesHref(indicator.code)} query={{}} />
    </>
  );
}
