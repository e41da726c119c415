import { MEASURE_STATUSES, type MeasureStatus } from '../tables.ts';
import { type PageResult, withQuery } from '../../../platform/http/pagination.ts';
import { formatDate } from '../../../platform/i18n/catalog.ts';
import { Pagination, ProgressBar } from '../../../platform/views/components.tsx';
import { useView } from '../../../platform/views/context.ts';
import { FilterForm } from '../../../platform/views/filters.tsx';
import { MeasureFilterFields, Period, StatusBadge } from './parts.tsx';

export interface PublicMeasure {
  id: number;
  title: string;
  description: string;
  status: MeasureStatus;
  progress: number;
  responsible_org: string;
  starts_on: string | null;
  ends_on: string | null;
  field_id: number;
  field_name: string;
  goal_id: number | null;
  goal_title: string | null;
  district_name: string | null;
  latest_update_text: string | null;
  latest_update_at: Date | null;
}

export interface ImplementationQuery {
  handlungsfeld?: string;
  status?: string;
}

function MeasureCard({ measure, ags, links }: { measure: PublicMeasure; ags: string; links: Array<{ href: string; label: string }> }) {
  const { t, locale } = useView();
  return (
    <li class="vv-measure">
      <h4 class="kern-heading-small">
        <a class="kern-link" href={`/kommunen/${ags}/massnahmen/${measure.id}`}>
          {measure.title}
        </a>
      </h4>
      <dl class="vv-measure__facts">
        <div>
          <dt>{t('strategy.measure.status')}</dt>
          <dd>
            <StatusBadge status={measure.status} />
          </dd>
        </div>
        <div>
          <dt>{t('strategy.measure.progress')}</dt>
          <dd>
            <ProgressBar value={measure.progress} label={t('strategy.measure.progress_of', { title: measure.title })} />
          </dd>
        </div>
        <div>
          <dt>{t('strategy.measure.responsible_org')}</dt>
          <dd>{measure.responsible_org || t('common.none')}</dd>
        </div>
        <div>
          <dt>{t('strategy.measure.period')}</dt>
          <dd>
            <Period startsOn={measure.starts_on} endsOn={measure.ends_on} />
          </dd>
        </div>
        {measure.district_name ? (
          <div>
            <dt>{t('strategy.measure.district')}</dt>
            <dd>{measure.district_name}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t('strategy.measure.latest_update')}</dt>
          <dd>{measure.latest_update_at ? `${formatDate(locale, measure.latest_update_at)}: ${measure.latest_update_text}` : t('strategy.measure.no_update')}</dd>
        </div>
        {links.length ? (
          <div>
            <dt>{t('strategy.measure.from_proposals')}</dt>
            <dd>
              <ul class="kern-list">
                {links.map((link) => (
                  <li key={link.href}>
                    <a class="kern-link" href={link.href}>
                      {link.label}
                    </a>
                  </li>
                ))}
              </ul>
            </dd>
          </div>
        ) : null}
      </dl>
    </li>
  );
}

export function ImplementationPage({
  municipality,
  fields,
  measures,
  links,
  counts,
  query,
}: {
  municipality: { ags: string; name: string; participating: boolean };
  fields: Array<{ id: number; name: string; description: string }>;
  measures: PageResult<PublicMeasure>;
  links: Map<number, Array<{ href: string; label: string }>>;
  counts: Record<MeasureStatus, number>;
  query: ImplementationQuery;
}) {
  const { t } = useView();
  const { ags } = municipality;
  const onPage = measures.items;
  return (
    <>
      <div class="kern-hgroup vv-page-heading">
        <h1 class="kern-heading-large">{t('strategy.public.title', { name: municipality.name })}</h1>
        <p class="kern-body kern-body--large">{t('strategy.public.lead')}</p>
      </div>
      {fields.length === 0 ? (
        <div class="kern-alert kern-alert--info" role="status">
          <div class="kern-alert__header">
            <span class="kern-title">{municipality.participating ? t('strategy.public.empty') : t('strategy.public.not_participating', { name: municipality.name })}</span>
          </div>
        </div>
      ) : (
        <>
          <section aria-labelledby="status-summary-heading">
            <h2 class="kern-heading-medium" id="status-summary-heading">
              {t('strategy.public.summary_title')}
            </h2>
            <table class="kern-table vv-compact-table">
              <caption class="vv-visually-hidden">{t('strategy.public.summary_caption')}</caption>
              <thead class="kern-table__header">
                <tr class="kern-table__row">
                  {MEASURE_STATUSES.map((s) => (
                    <th scope="col" class="kern-table__cell" key={s}>
                      {t(`strategy.status.${s}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody class="kern-table__body">
                <tr class="kern-table__row">
                  {MEASURE_STATUSES.map((s) => (
                    <td class="kern-table__cell kern-table__cell--numeric" key={s}>
                      {counts[s]}
                    </td>
                  ))}
                </tr>
              </tbody>
            </table>
          </section>
          <FilterForm action={`/kommunen/${ags}/umsetzung`} label={t('strategy.public.filter_label')}>
            <MeasureFilterFields fields={fields} field={query.handlungsfeld} status={query.status} />
          </FilterForm>
          <p class="kern-body" role="status">
            {t('strategy.public.result_count', { count: measures.total })} ·{' '}
            <a class="kern-link" href={withQuery(`/kommunen/${ags}/umsetzung.csv`, query as Record<string, unknown>, {})}>
              {t('common.download_csv')}
            </a>
          </p>
          {fields.map((field) => {
            const ofField = onPage.filter((m) => m.field_id === field.id);
            if (ofField.length === 0) return null;
            const goals = [...new Map(ofField.map((m) => [m.goal_id ?? 0, m.goal_title])).entries()];
            return (
              <section class="vv-field-block" key={field.id} aria-labelledby={`field-${field.id}`}>
                <h2 class="kern-heading-medium" id={`field-${field.id}`}>
                  {field.name}
                </h2>
                {field.description ? <p class="kern-body">{field.description}</p> : null}
                {goals.map(([goalId, goalTitle]) => (
                  <div class="vv-goal" key={goalId}>
                    <h3 class="kern-heading-small">{goalTitle ? t('strategy.public.goal', { title: goalTitle }) : t('strategy.public.without_goal')}</h3>
                    <ul class="vv-measures">
                      {ofField
                        .filter((m) => (m.goal_id ?? 0) === goalId)
                        .map((m) => (
                          <MeasureCard measure={m} ags={ags} links={links.get(m.id) ?? []} key={m.id} />
                        ))}
                    </ul>
                  </div>
                ))}
              </section>
            );
          })}
          <Pagination result={measures} path={`/kommunen/${ags}/umsetzung`} query={query as Record<string, unknown>} />
        </>
      )}
    </>
  );
}

export function MeasurePublicPage({
  ags,
  measure,
  updates,
}: {
  ags: string;
  measure: PublicMeasure & { goal_title: string | null };
  updates: Array<{ id: number; text: string; status: MeasureStatus; progress: number; created_at: Date }>;
}) {
  const { t, locale } = useView();
  return (
    <>
      <div class="kern-hgroup vv-page-heading">
        <h1 class="kern-heading-large">{measure.title}</h1>
        <p class="kern-body kern-body--large">
          {measure.field_name}
          {measure.goal_title ? ` · ${measure.goal_title}` : ''}
        </p>
      </div>
      {measure.description ? <p class="kern-body">{measure.description}</p> : null}
      <dl class="kern-description-list">
        <div class="kern-description-list-item">
          <dt class="kern-description-list-item__key">{t('strategy.measure.status')}</dt>
          <dd class="kern-description-list-item__value">
            <StatusBadge status={measure.status} />
          </dd>
        </div>
        <div class="kern-description-list-item">
          <dt class="kern-description-list-item__key">{t('strategy.measure.progress')}</dt>
          <dd class="kern-description-list-item__value">
            <ProgressBar value={measure.progress} label={t('strategy.measure.progress_of', { title: measure.title })} />
          </dd>
        </div>
        <div class="kern-description-list-item">
          <dt class="kern-description-list-item__key">{t('strategy.measure.responsible_org')}</dt>
          <dd class="kern-description-list-item__value">{measure.responsible_org || t('common.none')}</dd>
        </div>
        <div class="kern-description-list-item">
          <dt class="kern-description-list-item__key">{t('strategy.measure.period')}</dt>
          <dd class="kern-description-list-item__value">
            <Period startsOn={measure.starts_on} endsOn={measure.ends_on} />
          </dd>
        </div>
        {measure.district_name ? (
          <div class="kern-description-list-item">
            <dt class="kern-description-list-item__key">{t('strategy.measure.district')}</dt>
            <dd class="kern-description-list-item__value">{measure.district_name}</dd>
          </div>
        ) : null}
      </dl>
      <h2 class="kern-heading-medium">{t('strategy.measure.history')}</h2>
      {updates.length ? (
        <ol class="vv-history">
          {updates.map((u) => (
            <li key={u.id}>
              <p class="kern-body kern-body--small vv-muted">
                {formatDate(locale, u.created_at)} · {t(`strategy.status.${u.status}`)} · {t('common.percent', { value: u.progress })}
              </p>
              <p class="kern-body">{u.text}</p>
            </li>
          ))}
        </ol>
      ) : (
        <p class="kern-body">{t('strategy.measure.no_update')}</p>
      )}
      <p>
        <a class="kern-link" href={`/kommunen/${ags}/umsetzung`}>
          {t('strategy.public.back')}
        </a>
      </p>
    </>
  );
}
