import type { PageResult } from '../../../platform/http/pagination.ts';
import { formatDate } from '../../../platform/i18n/catalog.ts';
import { Pagination } from '../../../platform/views/components.tsx';
import { useView } from '../../../platform/views/context.ts';
import { FilterForm, FilterSelect } from '../../../platform/views/filters.tsx';
import type { Period } from '../periods.ts';
import { REPORT_STATUSES, type ReportStatus } from '../tables.ts';
import { periodLabel, type TownName } from './dashboard.tsx';
import { approvedReportHref, townReportHref } from './report-town.tsx';

export interface ReportListItem {
  id: number;
  municipality_id: number;
  status: ReportStatus;
  submitted_at: Date | null;
  decided_at: Date | null;
}

/** The town reports of a period: for the office every status (filterable), for the funder the approved ones. */
export function ReportListPage({
  period,
  options,
  status,
  result,
  towns,
  office,
}: {
  period: Period;
  options: string[];
  status: ReportStatus | undefined;
  result: PageResult<ReportListItem>;
  towns: Map<number, TownName>;
  office: boolean;
}) {
  const { t, locale } = useView();
  const query = { zeitraum: period.code, status };
  return (
    <>
      <h1 class="kern-heading-large">{t('monitoring.reports.title', { period: periodLabel(t, period.code) })}</h1>
      <p class="kern-body">{t(office ? 'monitoring.reports.lead_office' : 'monitoring.reports.lead_funder')}</p>
      <FilterForm action="/monitoring/berichte" label={t('monitoring.reports.filter')}>
        <FilterSelect name="zeitraum" label={t('monitoring.period.label')} value={period.code} withAll={false} options={options.map((code) => ({ value: code, label: periodLabel(t, code) }))} />
        {office ? (
          <FilterSelect name="status" label={t('monitoring.reports.status')} value={status} options={REPORT_STATUSES.map((s) => ({ value: s, label: t(`monitoring.report.status_${s}`) }))} />
        ) : null}
      </FilterForm>
      {result.items.length === 0 ? <p class="kern-body">{t('monitoring.reports.empty')}</p> : null}
      {result.items.length > 0 ? (
        <table class="kern-table">
          <caption class="kern-table__caption">{t('monitoring.reports.caption', { count: result.total })}</caption>
          <thead class="kern-table__head">
            <tr class="kern-table__row">
              <th class="kern-table__header" scope="col">
                {t('monitoring.amif.town')}
              </th>
              <th class="kern-table__header" scope="col">
                {t('monitoring.reports.status')}
              </th>
              <th class="kern-table__header" scope="col">
                {t('monitoring.reports.submitted')}
              </th>
              <th class="kern-table__header" scope="col">
                {t('monitoring.reports.decided')}
              </th>
            </tr>
          </thead>
          <tbody class="kern-table__body">
            {result.items.map((item) => {
              const town = towns.get(item.municipality_id);
              const name = town?.name ?? '–';
              return (
                <tr class="kern-table__row" key={item.id}>
                  <th class="kern-table__header" scope="row">
                    {town ? (
                      <a class="kern-link" href={office ? townReportHref(town.ags, period.code) : approvedReportHref(town.ags, period.code)}>
                        {name}
                      </a>
                    ) : (
                      name
                    )}
                  </th>
                  <td class="kern-table__cell">{t(`monitoring.report.status_${item.status}`)}</td>
                  <td class="kern-table__cell">{item.submitted_at ? formatDate(locale, item.submitted_at) : '–'}</td>
                  <td class="kern-table__cell">{item.decided_at ? formatDate(locale, item.decided_at) : '–'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : null}
      <Pagination result={result} path="/monitoring/berichte" query={query} />
    </>
  );
}
