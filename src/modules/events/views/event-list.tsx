import type { PageResult } from '../../../platform/http/pagination.ts';
import { formatDate } from '../../../platform/i18n/catalog.ts';
import { Pagination } from '../../../platform/views/components.tsx';
import { useView } from '../../../platform/views/context.ts';
import { FilterForm, FilterSearch, FilterSelect } from '../../../platform/views/filters.tsx';
import type { EventListItem } from '../repository.ts';
import { ACCESSIBILITY_FEATURES, EVENT_LANGUAGES } from '../service.ts';
import { EVENT_FORMATS } from '../tables.ts';

export interface EventListQuery {
  kommune?: string;
  format?: string;
  von?: string;
  bis?: string;
  sprache?: string;
  barrierefrei?: string;
  suche?: string;
}

/** "12 von 20 Plätzen frei", "ausgebucht – Warteliste" or "abgesagt": what a visitor wants to know first. */
export function SeatStatus({ event }: { event: { capacity: number; confirmed: number; cancelled_at: Date | null } }) {
  const { t } = useView();
  if (event.cancelled_at) return <span class="kern-badge kern-badge--danger">{t('events.public.cancelled')}</span>;
  const free = Math.max(0, event.capacity - event.confirmed);
  if (free === 0) return <span class="kern-badge kern-badge--warning">{t('events.public.full')}</span>;
  return <span class="kern-badge kern-badge--info">{t('events.public.seats_free', { free, capacity: event.capacity })}</span>;
}

export function EventListPage({
  title,
  lead,
  result,
  path,
  query,
  towns,
  feedHref,
  manageHref,
}: {
  title: string;
  lead: string;
  result: PageResult<EventListItem>;
  path: string;
  query: EventListQuery;
  towns: Array<{ ags: string; name: string }> | null;
  feedHref?: string;
  manageHref?: string;
}) {
  const { t, locale } = useView();
  return (
    <>
      <div class="kern-hgroup vv-page-heading">
        <h1 class="kern-heading-large">{title}</h1>
        <p class="kern-body kern-body--large">{lead}</p>
      </div>
      {manageHref ? (
        <p class="kern-body">
          <a class="kern-link" href={manageHref}>
            {t('events.manage.nav')}
          </a>
        </p>
      ) : null}
      <FilterForm action={path} label={t('events.public.filter_label')}>
        <FilterSearch name="suche" label={t('common.search')} value={query.suche} />
        {towns ? <FilterSelect name="kommune" label={t('events.public.town')} value={query.kommune} options={towns.map((m) => ({ value: m.ags, label: m.name }))} /> : null}
        <FilterSelect name="format" label={t('events.field.format')} value={query.format} options={EVENT_FORMATS.map((f) => ({ value: f, label: t(`events.format.${f}`) }))} />
        <div class="kern-form-input">
          <label class="kern-label" for="filter-von">
            {t('events.public.from')}
          </label>
          <input class="kern-form-input__input" id="filter-von" name="von" type="date" value={query.von ?? ''} />
        </div>
        <div class="kern-form-input">
          <label class="kern-label" for="filter-bis">
            {t('events.public.to')}
          </label>
          <input class="kern-form-input__input" id="filter-bis" name="bis" type="date" value={query.bis ?? ''} />
        </div>
        <FilterSelect name="sprache" label={t('events.field.languages')} value={query.sprache} options={EVENT_LANGUAGES.map((l) => ({ value: l, label: t(`events.language.${l}`) }))} />
        <FilterSelect
          name="barrierefrei"
          label={t('events.field.accessibility')}
          value={query.barrierefrei}
          options={ACCESSIBILITY_FEATURES.map((a) => ({ value: a, label: t(`events.access.${a}`) }))}
        />
      </FilterForm>
      <p class="kern-body" role="status">
        {t('common.results', { count: result.total })}
      </p>
      {result.items.length === 0 ? (
        <p class="kern-body">{t('events.public.none')}</p>
      ) : (
        <ul class="vv-measures">
          {result.items.map((e) => (
            <li class="vv-measure" key={e.id}>
              <h2 class="kern-heading-small">
                <a class="kern-link" href={`/veranstaltungen/${e.id}`}>
                  {e.title}
                </a>
              </h2>
              <p class="kern-body kern-body--small">
                <time datetime={e.starts_at.toISOString()}>{formatDate(locale, e.starts_at, true)}</time> · {e.municipality_name}
                {e.venue ? ` · ${e.venue}` : ''} · {t(`events.format.${e.format}`)} · {t(`events.mode.${e.mode}`)}
                {e.published ? '' : ` · ${t('events.manage.unpublished')}`}
              </p>
              <p class="kern-body kern-body--small">
                <SeatStatus event={e} />
                {e.accessibility.length ? ` ${e.accessibility.map((a) => t(`events.access.${a}`)).join(', ')}` : ''}
              </p>
            </li>
          ))}
        </ul>
      )}
      <Pagination result={result} path={path} query={query as Record<string, unknown>} />
      {feedHref ? (
        <p class="kern-body">
          <a class="kern-link" href={feedHref}>
            {t('events.public.feed')}
          </a>
        </p>
      ) : null}
    </>
  );
}
