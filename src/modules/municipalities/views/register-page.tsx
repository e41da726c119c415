import type { PageResult } from '../../../platform/http/pagination.ts';
import { withQuery } from '../../../platform/http/pagination.ts';
import { formatDate, formatNumber } from '../../../platform/i18n/catalog.ts';
import { Pagination } from '../../../platform/views/components.tsx';
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

function Select({ name, label, value, options }: { name: string; label: string; value: string | undefined; options: Array<{ value: string; label: string }> }) {
  return (
    <div class="kern-form-input">
      <label class="kern-label" for={`filter-${name}`}>
        {label}
      </label>
      <div class="kern-form-input__select-wrapper">
        <select class="kern-form-input__select" id={`filter-${name}`} name={name}>
          {options.map((o) => (
            <option key={o.value} value={o.value} selected={o.value === (value ?? '')}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}

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
      <form method="get" action="/kommunen" class="vv-filters" aria-label={t('municipalities.register.filter_label')}>
        <div class="kern-form-input">
          <label class="kern-label" for="filter-q">
            {t('municipalities.register.search')}
          </label>
          <input class="kern-form-input__input" id="filter-q" name="q" type="search" value={query.q ?? ''} maxLength={100} />
        </div>
        <Select
          name="kreis"
          label={t('municipalities.register.county')}
          value={query.kreis}
          options={[{ value: '', label: t('common.all') }, ...counties.map((c) => ({ value: c.ags, label: county(c) }))]}
        />
        <Select name="region" label={t('municipalities.register.region')} value={query.region} options={[{ value: '', label: t('common.all') }, ...REGIONS.map((r) => ({ value: r, label: r }))]} />
        <Select
          name="groesse"
          label={t('municipalities.register.size')}
          value={query.groesse}
          options={[{ value: '', label: t('common.all') }, ...SIZE_CLASSES.map((c) => ({ value: c.key, label: t(`municipalities.size.${c.key}`) }))]}
        />
        <Select
          name="teilnahme"
          label={t('municipalities.register.participation')}
          value={query.teilnahme}
          options={[
            { value: '', label: t('common.all') },
            { value: 'ja', label: t('municipalities.register.participating') },
            { value: 'nein', label: t('municipalities.register.not_participating') },
          ]}
        />
        <Select
          name="sort"
          label={t('municipalities.register.sort')}
          value={query.sort ?? 'name'}
          options={SORTS.map((s) => ({ value: s, label: t(`municipalities.sort.${s.replace('-', 'desc_')}`) }))}
        />
        <div class="vv-actions">
          <button type="submit" class="kern-btn kern-btn--primary">
            <span class="kern-label">{t('common.filter')}</span>
          </button>
          <a class="kern-link" href="/kommunen">
            {t('common.reset_filter')}
          </a>
        </div>
      </form>
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
