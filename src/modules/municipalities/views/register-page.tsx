import type { PageResult } from '../../../platform/http/pagination.ts';
import { withQuery } from '../../../platform/http/pagination.ts';
import { formatDate, formatNumber } from '../../../platform/i18n/catalog.ts';
import { Pagination } from '../../../platform/views/components.tsx';
import { FilterForm, FilterSearch, FilterSelect } from '../../../platform/views/filters.tsx';
import { useView } from '../../../platform/views/context.ts';
import { REGIONS, SIZE_CLASSES } from '../size-classes.ts';
import { countyLabel } from './county-label.ts';

export interface RegisterQuery {
  q?: string;
  kreis?: string;
  region?: string;
  groesse?: string;
  teilnahme?: string;
  sort?: string;
}

export interface RegisterItem {
  ags: string;
  name: string;
  type: string;
  county_name: string;
  county_type: string;
  region: string;
  population: number;
  population_date: string;
  area_km2: number;
  joined_on: string | null;
}

export const SORTS = ['name', '-name', 'population', '-population', 'county', '-county', 'area', '-area'] as const;

export function RegisterPage({ result, query, counties }: { result: PageResult<RegisterItem>; query: RegisterQuery; counties: Array<{ ags: string; name: string; type: string }> }) {
  const { t, locale } = useView();
  const csvHref = withQuery('/kommunen.csv', query as Record<string, unknown>, {});
  const county = (c: { name: string; type: string }) => countyLabel(t, c);
  return (
    <>
      <div class="kern-hgroup vv-page-heading">
        <h1 class="kern-heading-large">{t('municipalities.register.title')}</h1>
        <p class="kern-body kern-body--large">{t('municipalities.register.lead')}</p>
      </div>
      <FilterForm action="/kommunen" label={t('municipalities.register.filter_label')}>
        <FilterSearch name="q" label={t('municipalities.register.search')} value={query.q} />
        <FilterSelect name="kreis" label={t('municipalities.register.county')} value={query.kreis} options={counties.map((c) => ({ value: c.ags, label: county(c) }))} />
        <FilterSelect name="region" label={t('municipalities.register.region')} value={query.region} options={REGIONS.map((r) => ({ value: r, label: r }))} />
        <FilterSelect name="groesse" label={t('municipalities.register.size')} value={query.groesse} options={SIZE_CLASSES.map((c) => ({ value: c.key, label: t(`municipalities.size.${c.key}`) }))} />
        <FilterSelect
          name="teilnahme"
          label={t('municipalities.register.participation')}
          value={query.teilnahme}
          options={[
            { value: 'ja', label: t('municipalities.register.participating') },
            { value: 'nein', label: t('municipalities.register.not_participating') },
          ]}
        />
        <FilterSelect
          name="sort"
          label={t('municipalities.register.sort')}
          value={query.sort ?? 'name'}
          withAll={false}
          options={SORTS.map((s) => ({ value: s, label: t(`municipalities.sort.${s.replace('-', 'desc_')}`) }))}
        />
      </FilterForm>
      <p class="kern-body" role="status">
        {t('common.results', { count: result.total })} ·{' '}
        <a class="kern-link" href={csvHref}>
          {t('common.download_csv')}
        </a>
      </p>
      {result.items.length > 0 ? (
        <div class="kern-table-responsive">
          <table class="kern-table kern-table--striped">
            <caption class="kern-title">{t('municipalities.register.caption', { page: result.page, pages: result.pageCount })}</caption>
            <thead class="kern-table__header">
              <tr class="kern-table__row">
                <th scope="col" class="kern-table__cell">
                  {t('municipalities.field.name')}
                </th>
                <th scope="col" class="kern-table__cell">
                  {t('municipalities.field.county')}
                </th>
                <th scope="col" class="kern-table__cell">
                  {t('municipalities.field.region')}
                </th>
                <th scope="col" class="kern-table__cell kern-table__cell--numeric">
                  {t('municipalities.field.population')}
                </th>
                <th scope="col" class="kern-table__cell kern-table__cell--numeric">
                  {t('municipalities.field.area')}
                </th>
                <th scope="col" class="kern-table__cell">
                  {t('municipalities.field.participation')}
                </th>
              </tr>
            </thead>
            <tbody class="kern-table__body">
              {result.items.map((m) => (
                <tr class="kern-table__row" key={m.ags}>
                  <th scope="row" class="kern-table__cell">
                    <a class="kern-link" href={`/kommunen/${m.ags}`}>
                      {m.name}
                    </a>
                    <span class="kern-body kern-body--small vv-muted"> ({m.type})</span>
                  </th>
                  <td class="kern-table__cell">{county({ name: m.county_name, type: m.county_type })}</td>
                  <td class="kern-table__cell">{m.region}</td>
                  <td class="kern-table__cell kern-table__cell--numeric">{formatNumber(locale, m.population)}</td>
                  <td class="kern-table__cell kern-table__cell--numeric">{t('municipalities.area_value', { value: formatNumber(locale, m.area_km2, 2) })}</td>
                  <td class="kern-table__cell">
                    {m.joined_on ? <span class="kern-badge kern-badge--success">{t('municipalities.participating_since', { date: formatDate(locale, m.joined_on) })}</span> : t('common.no')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <div class="kern-alert kern-alert--info" role="status">
          <div class="kern-alert__header">
            <span class="kern-title">{t('municipalities.register.empty')}</span>
          </div>
        </div>
      )}
      <p class="kern-body kern-body--small vv-muted">{t('municipalities.register.population_note', { date: formatDate(locale, result.items[0]?.population_date ?? '2025-12-31') })}</p>
      <Pagination result={result} path="/kommunen" query={query as Record<string, unknown>} />
    </>
  );
}
