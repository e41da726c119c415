import type { PageResult } from '../http/pagination.ts';
import { withQuery } from '../http/pagination.ts';
import { useView } from './context.ts';

/**
 * Links to the pages of a list paged in SQL; `param` names the page in the query (`seite`, or
 * another where a page has two lists). `fragment` sends the reader back to the list's own heading
 * when a page holds more than one paged list (a moderation queue, a proposal's comments).
 */
export function Pagination({
  result,
  path,
  query,
  param = 'seite',
  label,
  fragment,
}: {
  result: PageResult<unknown>;
  path: string;
  query: Record<string, unknown>;
  param?: string;
  label?: string;
  fragment?: string;
}) {
  const { t } = useView();
  if (result.pageCount <= 1) return null;
  const href = (page: number) => withQuery(path, query, { [param]: page }) + (fragment ? `#${fragment}` : '');
  const pages: number[] = [];
  for (let p = Math.max(1, result.page - 2); p <= Math.min(result.pageCount, result.page + 2); p++) pages.push(p);
  return (
    <nav class="vv-pagination" aria-label={label ?? t('pagination.label')}>
      <ul>
        {result.page > 1 ? (
          <li>
            <a class="kern-link" href={href(result.page - 1)} rel="prev">
              {t('pagination.previous')}
            </a>
          </li>
        ) : null}
        {pages.map((p) => (
          <li key={p}>
            {p === result.page ? (
              <span aria-current="page">{t('pagination.page', { page: p })}</span>
            ) : (
              <a class="kern-link" href={href(p)} aria-label={t('pagination.page', { page: p })}>
                {p}
              </a>
            )}
          </li>
        ))}
        {result.page < result.pageCount ? (
          <li>
            <a class="kern-link" href={href(result.page + 1)} rel="next">
              {t('pagination.next')}
            </a>
          </li>
        ) : null}
      </ul>
      <p class="kern-body kern-body--small">{t('pagination.summary', { page: result.page, pages: result.pageCount, total: result.total })}</p>
    </nav>
  );
}

/** A progress bar that also says its number, so it does not rely on the picture alone. */
export function ProgressBar({ value, label }: { value: number; label: string }) {
  const { t } = useView();
  return (
    <div class="vv-progress">
      <progress class="kern-progress" max={100} value={value} aria-label={label}>
        {value} %
      </progress>
      <span class="vv-progress__text">{t('common.percent', { value })}</span>
    </div>
  );
}

export function PageHeading({ title, lead }: { title: string; lead?: string }) {
  return (
    <div class="kern-hgroup vv-page-heading">
      <h1 class="kern-heading-large">{title}</h1>
      {lead ? <p class="kern-body kern-body--large">{lead}</p> : null}
    </div>
  );
}

/** The tabs of an area (workspace, programme office): links with the current one marked. */
export function SubNavigation({ label, items, current }: { label: string; items: ReadonlyArray<readonly [key: string, href: string, labelKey: string]>; current: string }) {
  const { t } = useView();
  return (
    <nav class="vv-subnav" aria-label={label}>
      <ul class="kern-list kern-list--horizontal">
        {items.map(([key, href, labelKey]) => (
          <li key={key}>
            <a class="kern-link" href={href} aria-current={key === current ? 'page' : undefined}>
              {t(labelKey)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
