import type { ColumnDoc } from '../columns.ts';
import { formatDate } from '../../../platform/i18n/catalog.ts';
import { useView } from '../../../platform/views/context.ts';

export interface CollectionView {
  id: string;
  titleKey: string;
  textKey: string;
  perTown: boolean;
  columns: ColumnDoc[];
  filters: ColumnDoc[];
}

export interface BulkView {
  builtAt: Date;
  bytes: number;
}

function ColumnTable({ id, caption, rows }: { id: string; caption: string; rows: ColumnDoc[] }) {
  const { t } = useView();
  return (
    <div class="kern-table-responsive">
      <table class="kern-table kern-table--striped" id={id}>
        <caption class="kern-title">{caption}</caption>
        <thead class="kern-table__header">
          <tr class="kern-table__row">
            <th scope="col" class="kern-table__cell">
              {t('opendata.page.column_name')}
            </th>
            <th scope="col" class="kern-table__cell">
              {t('opendata.page.column_type')}
            </th>
            <th scope="col" class="kern-table__cell">
              {t('opendata.page.column_description')}
            </th>
          </tr>
        </thead>
        <tbody class="kern-table__body">
          {rows.map((c) => (
            <tr class="kern-table__row" key={c.name}>
              <th scope="row" class="kern-table__cell">
                <code>{c.name}</code>
              </th>
              <td class="kern-table__cell">
                <code>{c.type}</code>
              </td>
              <td class="kern-table__cell" lang="en">
                {c.description}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The open-data page: every collection with its files, its API address and its documented columns. */
export function OpenDataPage({ collections, bulk, licenceKey }: { collections: CollectionView[]; bulk: BulkView | null; licenceKey: string }) {
  const { t, locale } = useView();
  return (
    <article>
      <div class="kern-hgroup vv-page-heading">
        <h1 class="kern-heading-large">{t('opendata.page.title')}</h1>
        <p class="kern-body kern-body--large">{t('opendata.page.lead')}</p>
      </div>
      <section aria-labelledby="od-use">
        <h2 class="kern-heading-medium" id="od-use">
          {t('opendata.page.use_title')}
        </h2>
        <p class="kern-body">{t('opendata.page.use_text')}</p>
        <p class="kern-body">{t(licenceKey)}</p>
        <ul class="kern-list">
          <li>
            <a class="kern-link" href="/api/v1/docs">
              {t('opendata.page.api_link')}
            </a>
          </li>
          <li>
            <a class="kern-link" href="/opendata/catalog.ttl">
              {t('opendata.page.catalog_link')}
            </a>{' '}
            (
            <a class="kern-link" href="/opendata/catalog.jsonld">
              JSON-LD
            </a>
            )
          </li>
          <li>
            {bulk ? (
              <>
                <a class="kern-link" href="/opendata/alle.zip">
                  {t('opendata.page.bulk_link')}
                </a>{' '}
                {t('opendata.page.bulk_built', { at: formatDate(locale, bulk.builtAt, true), kb: Math.max(1, Math.round(bulk.bytes / 1024)) })}
              </>
            ) : (
              t('opendata.page.bulk_missing')
            )}
          </li>
        </ul>
      </section>
      <section aria-labelledby="od-health">
        <h2 class="kern-heading-medium" id="od-health">
          {t('opendata.page.health_title')}
        </h2>
        <p class="kern-body">{t('opendata.page.health_text')}</p>
      </section>
      <h2 class="kern-heading-medium">{t('opendata.page.collections_title')}</h2>
      {collections.map((c) => (
        <section key={c.id} aria-labelledby={`od-${c.id}`} class="vv-section">
          <h3 class="kern-heading-small" id={`od-${c.id}`}>
            {t(c.titleKey)}
          </h3>
          <p class="kern-body">{t(c.textKey)}</p>
          <p class="kern-body">
            <a class="kern-link" href={`/opendata/${c.id}.csv`}>
              CSV
            </a>{' '}
            ·{' '}
            <a class="kern-link" href={`/opendata/${c.id}.json`}>
              JSON
            </a>{' '}
            ·{' '}
            <a class="kern-link" href={`/api/v1/${c.id}`}>
              API
            </a>
            {c.perTown ? <> · {t('opendata.page.per_town', { example: `/opendata/${c.id}.csv?ags=06431002` })}</> : null}
          </p>
          <details class="kern-accordion">
            <summary class="kern-accordion__header">{t('opendata.page.columns_summary', { count: c.columns.length })}</summary>
            <div class="kern-accordion__body">
              <ColumnTable id={`od-${c.id}-columns`} caption={t('opendata.page.columns_caption', { title: t(c.titleKey) })} rows={c.columns} />
              {c.filters.length > 0 ? <ColumnTable id={`od-${c.id}-filters`} caption={t('opendata.page.filters_caption')} rows={c.filters} /> : null}
            </div>
          </details>
        </section>
      ))}
    </article>
  );
}
