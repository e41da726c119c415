import { formatDate, formatNumber } from '../../../platform/i18n/catalog.ts';
import { WITHHELD_MARK } from '../../../platform/stats/suppression.ts';
import { useView } from '../../../platform/views/context.ts';
import type { ReportContent, ReportFigure } from '../report-content.ts';
import { ParticipantTables, periodLabel, type TownName } from './dashboard.tsx';

/** A key figure as shown: the mark where it is withheld for the viewer, a dash where there is no value. */
export function figureText(locale: string, f: ReportFigure, protect: boolean): string {
  if (protect && f.withheld) return WITHHELD_MARK;
  if (f.value === null) return '–';
  const text = formatNumber(locale, f.value, f.decimals, true);
  return f.unit === 'percent' ? `${text} %` : text;
}

function ReportFigures({ content, protect }: { content: ReportContent; protect: boolean }) {
  const { t, locale } = useView();
  return (
    <section aria-labelledby="report-figures">
      <h2 class="kern-heading-medium" id="report-figures">
        {t('monitoring.figures.title', { period: periodLabel(t, content.period.code) })}
      </h2>
      <table class="kern-table">
        <caption class="kern-table__caption">{t('monitoring.figures.caption', { from: content.period.from, to: content.period.to })}</caption>
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
          </tr>
        </thead>
        <tbody class="kern-table__body">
          {content.figures.map((f) => (
            <tr class="kern-table__row" key={f.code}>
              <th class="kern-table__header" scope="row">
                {f.code}
              </th>
              <td class="kern-table__cell">{locale === 'de' ? f.name_de : f.name_en}</td>
              <td class="kern-table__cell kern-table__cell--numeric">{figureText(locale, f, protect)}</td>
              <td class="kern-table__cell">{t(`monitoring.unit.${f.unit}`)}</td>
              <td class="kern-table__cell kern-table__cell--numeric">{f.target === null ? '–' : formatNumber(locale, f.target, f.decimals, true)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function ReportTrend({ content, protect, chartHref }: { content: ReportContent; protect: boolean; chartHref: string | null }) {
  const { t, locale } = useView();
  return (
    <section aria-labelledby="report-trend">
      <h2 class="kern-heading-medium" id="report-trend">
        {t('monitoring.trend.title')}
      </h2>
      {chartHref ? (
        <figure class="vv-chart">
          <img src={chartHref} alt={t('monitoring.trend.alt')} width={560} height={60 + content.trend.length * 36} />
          <figcaption class="kern-body">{t('monitoring.trend.caption')}</figcaption>
        </figure>
      ) : null}
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
          {content.trend.map((p) => (
            <tr class="kern-table__row" key={p.period}>
              <th class="kern-table__header" scope="row">
                {periodLabel(t, p.period)}
              </th>
              <td class="kern-table__cell kern-table__cell--numeric">{protect && p.withheld ? WITHHELD_MARK : formatNumber(locale, p.value)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/**
 * The generated part of a period report: key figures, trend and AMIF tables, from the content
 * computed now or frozen at approval. `protect` shows it as the funder sees it (withheld cells marked).
 */
export function ReportBody({ content, towns, protect, chartHref, csvHref }: { content: ReportContent; towns: Map<number, TownName>; protect: boolean; chartHref: string | null; csvHref: string }) {
  const { t, locale } = useView();
  return (
    <>
      <p class="kern-body">{t('monitoring.town_report.extracted', { date: formatDate(locale, content.extractedAt, true) })}</p>
      <ReportFigures content={content} protect={protect} />
      <ReportTrend content={content} protect={protect} chartHref={chartHref} />
      <ParticipantTables
        rows={content.participants.rows}
        all={content.participants.all ? { municipalityId: null, counts: content.participants.all } : null}
        towns={towns}
        protectedTables={protect ? content.participants.protected : null}
        csvHref={csvHref}
      />
    </>
  );
}
