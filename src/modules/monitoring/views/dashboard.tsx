import { formatDate, formatNumber } from '../../../platform/i18n/catalog.ts';
import { WITHHELD_MARK } from '../../../platform/stats/suppression.ts';
import { useView } from '../../../platform/views/context.ts';
import type { FigureSet } from '../figures.ts';
import type { Period } from '../periods.ts';
import type { IndicatorValue } from '../service.ts';

export { ParticipantTables } from './participant-tables.tsx';

export interface TownName {
  id: number;
  ags: string;
  name: string;
}

function PeriodForm({ action, period, options, filters }: { action: string; period: Period; options: string[]; filters?: preact.ComponentChildren }) {
  const { t } = useView();
  return (
    <form method="get" action={action} class="vv-filters" aria-label={t('monitoring.period.form')}>
      <div class="kern-form-input">
        <label class="kern-label" for="monitoring-zeitraum">
          {t('monitoring.period.label')}
        </label>
        <select class="kern-form-input__select" id="monitoring-zeitraum" name="zeitraum">
          {options.map((code) => (
            <option key={code} value={code} selected={code === period.code}>
              {periodLabel(t, code)}
            </option>
          ))}
        </select>
      </div>
      {filters}
      <div class="vv-actions">
        <button type="submit" class="kern-btn kern-btn--secondary">
          <span class="kern-label">{t('monitoring.period.show')}</span>
        </button>
      </div>
    </form>
  );
}

export function periodLabel(t: (key: string, values?: Record<string, unknown>) => string, code: string): string {
  if (code === 'programm') return t('monitoring.period.programme');
  const quarter = /^(\d{4})-Q(\d)$/.exec(code);
  if (quarter) return t('monitoring.period.quarter', { year: quarter[1], quarter: quarter[2] });
  return code;
}

function formatValue(locale: string, v: IndicatorValue): string {
  if (v.value === null) return '–';
  const text = formatNumber(locale, v.value, v.indicator.decimals, true);
  return v.indicator.unit === 'percent' ? `${text} %` : text;
}

/** How fresh the figures are: when they were counted, and whether the job's summary or this request counted them. */
export function Freshness({ set }: { set: Pick<FigureSet, 'computedAt' | 'stored'> }) {
  const { t, locale } = useView();
  const at = formatDate(locale, set.computedAt, true);
  return (
    <p class="kern-body" data-testid="monitoring-freshness">
      {t(set.stored ? 'monitoring.freshness.stored' : 'monitoring.freshness.live', { at })}
    </p>
  );
}

/**
 * The key figures; `withheld` names the figures protected for the viewer (shown as the mark), and
 * `drillDown` links a figure to the records behind it for those allowed to see them.
 */
export function KeyFigures({ values, period, withheld, drillDown }: { values: IndicatorValue[]; period: Period; withheld?: Set<string>; drillDown?: Map<string, string> }) {
  const { t, locale } = useView();
  const name = (v: IndicatorValue) => (locale === 'de' ? v.indicator.name_de : v.indicator.name_en);
  return (
    <section aria-labelledby="monitoring-figures">
      <h2 class="kern-heading-medium" id="monitoring-figures">
        {t('monitoring.figures.title', { period: periodLabel(t, period.code) })}
      </h2>
      <table class="kern-table">
        <caption class="kern-table__caption">{t('monitoring.figures.caption', { from: period.from, to: period.to })}</caption>
        <thead class="kern-table__head">
          <tr class="kern-table__row">
            <th class="kern-table__header" scope="col">
              {t('monitoring.figures.code')}
            </th>
            <th class="kern-table__header" scope="col">
              {t('monitoring.figures.indicator')}
            </th>
            <th class="kern-table__header kern-table__header--numeric" scope="col">
              {t('monitoring.figures.value')}
            </th>
            <th class="kern-table__header" scope="col">
              {t('monitoring.figures.unit')}
            </th>
            <th class="kern-table__header kern-table__header--numeric" scope="col">
              {t('monitoring.figures.target')}
            </th>
            <th class="kern-table__header" scope="col">
              {t('monitoring.figures.origin')}
            </th>
          </tr>
        </thead>
        <tbody class="kern-table__body">
          {values.map((v) => (
            <tr class="kern-table__row" key={v.indicator.code}>
              <th class="kern-table__header" scope="row">
                <a class="kern-link" href={`/monitoring/indikatoren/${encodeURIComponent(v.indicator.code)}`} aria-label={t('monitoring.definition.link', { code: v.indicator.code })}>
                  {v.indicator.code}
                </a>
              </th>
              <td class="kern-table__cell">{name(v)}</td>
              <td class="kern-table__cell kern-table__cell--numeric">
                {withheld?.has(v.indicator.code) ? (
                  WITHHELD_MARK
                ) : drillDown?.has(v.indicator.code) ? (
                  <a class="kern-link" href={drillDown.get(v.indicator.code)} aria-label={t('monitoring.drill.link', { value: formatValue(locale, v), code: v.indicator.code })}>
                    {formatValue(locale, v)}
                  </a>
                ) : (
                  formatValue(locale, v)
                )}
              </td>
              <td class="kern-table__cell">{t(`monitoring.unit.${v.indicator.unit}`)}</td>
              <td class="kern-table__cell kern-table__cell--numeric">{v.target === null ? '–' : formatNumber(locale, v.target, v.indicator.decimals, true)}</td>
              <td class="kern-table__cell">{t(`monitoring.origin.${v.origin}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

export function Trend({ chartHref, points }: { chartHref: string; points: Array<{ period: Period; value: number }> }) {
  const { t, locale } = useView();
  return (
    <section aria-labelledby="monitoring-trend">
      <h2 class="kern-heading-medium" id="monitoring-trend">
        {t('monitoring.trend.title')}
      </h2>
      <figure class="vv-chart">
        <img src={chartHref} alt={t('monitoring.trend.alt')} width={560} height={60 + points.length * 36} />
        <figcaption class="kern-body">
          {t('monitoring.trend.caption')}{' '}
          <a class="kern-link" href="/monitoring/indikatoren/O1">
            {t('monitoring.definition.link', { code: 'O1' })}
          </a>
        </figcaption>
      </figure>
      <table class="kern-table">
        <caption class="kern-table__caption">{t('monitoring.trend.table')}</caption>
        <thead class="kern-table__head">
          <tr class="kern-table__row">
            <th class="kern-table__header" scope="col">
              {t('monitoring.period.label')}
            </th>
            <th class="kern-table__header kern-table__header--numeric" scope="col">
              {t('monitoring.amif.total')}
            </th>
          </tr>
        </thead>
        <tbody class="kern-table__body">
          {points.map((p) => (
            <tr class="kern-table__row" key={p.period.code}>
              <th class="kern-table__header" scope="row">
                {periodLabel(t, p.period.code)}
              </th>
              <td class="kern-table__cell kern-table__cell--numeric">{formatNumber(locale, p.value)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

export function DashboardPage({
  title,
  lead,
  action,
  period,
  options,
  notice,
  reportHref,
  filters,
  children,
}: {
  title: string;
  lead: string;
  action: string;
  period: Period;
  options: string[];
  notice?: string;
  reportHref?: string;
  /** More fields of the filter form (level, map indicator). */
  filters?: preact.ComponentChildren;
  children?: preact.ComponentChildren;
}) {
  const { t } = useView();
  return (
    <>
      <h1 class="kern-heading-large">{title}</h1>
      <p class="kern-body">{lead}</p>
      {options.length > 0 ? <PeriodForm action={action} period={period} options={options} filters={filters} /> : null}
      {reportHref ? (
        <p class="kern-body">
          <a class="kern-link" href={reportHref}>
            {t('monitoring.report.link')}
          </a>
        </p>
      ) : null}
      {notice ? (
        <div class="kern-alert kern-alert--info" role="status">
          <div class="kern-alert__body">
            <p class="kern-body">{notice}</p>
          </div>
        </div>
      ) : null}
      {children}
    </>
  );
}
