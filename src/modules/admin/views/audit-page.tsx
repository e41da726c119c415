import { auditLabelKey } from '../../../platform/audit/audit.ts';
import type { PageResult } from '../../../platform/http/pagination.ts';
import { withQuery } from '../../../platform/http/pagination.ts';
import { formatDate } from '../../../platform/i18n/catalog.ts';
import { Pagination } from '../../../platform/views/components.tsx';
import { useView } from '../../../platform/views/context.ts';
import type { FormState } from '../../../platform/views/forms.tsx';
import { ErrorSummary } from '../../../platform/views/forms.tsx';
import { FilterForm, FilterSearch, FilterSelect } from '../../../platform/views/filters.tsx';
import { AdminNav } from './parts.tsx';

export interface AuditQuery {
  aktion?: string;
  typ?: string;
  kommune?: string;
  person?: string;
  von?: string;
  bis?: string;
}

export interface AuditRow {
  id: number;
  at: Date;
  action: string;
  entity_type: string;
  entity_id: string | null;
  before: unknown;
  after: unknown;
  actor_name: string | null;
  actor_deleted_at: Date | null;
  actor_user_id: number | null;
  subject_name: string | null;
  subject_deleted_at: Date | null;
  municipality_name: string | null;
}

/** The action in words, from the label its module declared; an action no module declares any more (an old entry) shows its code. */
export function actionLabel(t: (key: string) => string, action: string): string {
  const key = auditLabelKey(action);
  const label = t(key);
  return label === key ? action : label;
}

export function actorLabel(t: (key: string) => string, row: Pick<AuditRow, 'actor_user_id' | 'actor_deleted_at' | 'actor_name'>): string {
  if (row.actor_user_id === null) return t('admin.audit.system');
  if (row.actor_deleted_at) return t('admin.users.deleted_account');
  return row.actor_name ?? '';
}

/** The account an entry is about, by lookup: a deleted account shows as such, never its old name. */
export function subjectLabel(t: (key: string) => string, row: Pick<AuditRow, 'entity_type' | 'subject_name' | 'subject_deleted_at'>): string {
  if (row.entity_type !== 'user' || row.subject_name === null) return '';
  return row.subject_deleted_at ? t('admin.users.deleted_account') : row.subject_name;
}

function DateFilter({ name, label, value, error }: { name: string; label: string; value: string | undefined; error?: string }) {
  return (
    <div class={`kern-form-input${error ? ' kern-form-input--error' : ''}`}>
      <label class="kern-label" for={`filter-${name}`}>
        {label}
      </label>
      {error ? (
        <p class="kern-error" id={`filter-${name}-error`}>
          <span class="kern-body">{error}</span>
        </p>
      ) : null}
      <input
        class={`kern-form-input__input${error ? ' kern-form-input__input--error' : ''}`}
        id={`filter-${name}`}
        name={name}
        type="date"
        value={value ?? ''}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? `filter-${name}-error` : undefined}
      />
    </div>
  );
}

export function AuditPage({
  result,
  more = false,
  query,
  form,
  actions,
  entityTypes,
  municipalities,
}: {
  result: PageResult<AuditRow>;
  /** More entries match than were counted (`result.total`). */
  more?: boolean;
  query: AuditQuery;
  form: FormState;
  actions: string[];
  entityTypes: string[];
  municipalities: Array<{ id: number; name: string; county_name: string }>;
}) {
  const { t, locale } = useView();
  const errorText = (field: string) => (form.errors[field] ? t(form.errors[field].key, form.errors[field].params) : undefined);
  return (
    <>
      <h1 class="kern-heading-large">{t('admin.audit.title')}</h1>
      <AdminNav current="audit" />
      <ErrorSummary
        form={{ values: {}, errors: Object.fromEntries(Object.entries(form.errors).map(([k, v]) => [`filter-${k}`, v])) }}
        labels={{ 'filter-von': t('admin.audit.from'), 'filter-bis': t('admin.audit.to') }}
      />
      <FilterForm action="/programmbuero/protokoll" label={t('admin.audit.filter_label')}>
        <FilterSelect
          name="aktion"
          label={t('admin.audit.action')}
          value={query.aktion}
          options={actions.map((a) => ({ value: a, label: actionLabel(t, a) })).sort((a, b) => a.label.localeCompare(b.label, locale))}
        />
        <FilterSelect name="typ" label={t('admin.audit.entity')} value={query.typ} options={entityTypes.map((a) => ({ value: a, label: a }))} />
        <FilterSelect
          name="kommune"
          label={t('admin.users.municipality')}
          value={query.kommune}
          options={municipalities.map((m) => ({ value: String(m.id), label: `${m.name} (${m.county_name})` }))}
        />
        <FilterSearch name="person" label={t('admin.audit.actor')} value={query.person} />
        <DateFilter name="von" label={t('admin.audit.from')} value={form.values.von ?? query.von} error={errorText('von')} />
        <DateFilter name="bis" label={t('admin.audit.to')} value={form.values.bis ?? query.bis} error={errorText('bis')} />
      </FilterForm>
      <p class="kern-body" role="status">
        {more ? t('admin.audit.results_more', { count: result.total }) : t('common.results', { count: result.total })} ·{' '}
        <a class="kern-link" href={withQuery('/programmbuero/protokoll.csv', query as Record<string, unknown>, {})}>
          {t('common.download_csv')}
        </a>
      </p>
      {result.items.length ? (
        <div class="kern-table-responsive">
          <table class="kern-table kern-table--striped">
            <caption class="kern-title">{t('admin.audit.caption', { page: result.page, pages: result.pageCount })}</caption>
            <thead class="kern-table__header">
              <tr class="kern-table__row">
                <th scope="col" class="kern-table__cell">
                  {t('admin.audit.at')}
                </th>
                <th scope="col" class="kern-table__cell">
                  {t('admin.audit.actor')}
                </th>
                <th scope="col" class="kern-table__cell">
                  {t('admin.audit.action')}
                </th>
                <th scope="col" class="kern-table__cell">
                  {t('admin.audit.entity')}
                </th>
                <th scope="col" class="kern-table__cell">
                  {t('admin.users.municipality')}
                </th>
                <th scope="col" class="kern-table__cell">
                  {t('admin.audit.change')}
                </th>
              </tr>
            </thead>
            <tbody class="kern-table__body">
              {result.items.map((row) => (
                <tr class="kern-table__row" key={row.id}>
                  <td class="kern-table__cell">{formatDate(locale, row.at, true)}</td>
                  <td class="kern-table__cell">{actorLabel(t, row)}</td>
                  <td class="kern-table__cell">{actionLabel(t, row.action)}</td>
                  <td class="kern-table__cell">
                    {row.entity_type}
                    {row.entity_id ? ` #${row.entity_id}` : ''}
                    {subjectLabel(t, row) ? ` (${subjectLabel(t, row)})` : ''}
                  </td>
                  <td class="kern-table__cell">{row.municipality_name ?? ''}</td>
                  <td class="kern-table__cell">
                    {row.before || row.after ? (
                      <details>
                        <summary>{t('admin.audit.show_change')}</summary>
                        {row.before ? (
                          <>
                            <p class="kern-body kern-body--small">{t('admin.audit.before')}</p>
                            <pre class="vv-mail">{JSON.stringify(row.before, null, 2)}</pre>
                          </>
                        ) : null}
                        {row.after ? (
                          <>
                            <p class="kern-body kern-body--small">{t('admin.audit.after')}</p>
                            <pre class="vv-mail">{JSON.stringify(row.after, null, 2)}</pre>
                          </>
                        ) : null}
                      </details>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <Pagination result={result} path="/programmbuero/protokoll" query={query as Record<string, unknown>} />
    </>
  );
}
