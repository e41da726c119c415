import { MEASURE_STATUSES, type MeasureStatus } from '../tables.ts';
import type { PageResult } from '../../../platform/http/pagination.ts';
import { formatDate } from '../../../platform/i18n/catalog.ts';
import { Pagination, ProgressBar } from '../../../platform/views/components.tsx';
import { useView } from '../../../platform/views/context.ts';
import type { MethodPicker } from '../../../platform/method-links.ts';
import { MethodChoices } from '../../../platform/views/method-choices.tsx';
import { ErrorSummary, Form, FormActions, type FormState, SelectField, SubmitButton, TextArea, TextField } from '../../../platform/views/forms.tsx';
import { FilterForm, FilterSearch } from '../../../platform/views/filters.tsx';
import { MeasureFilterFields, StatusBadge, WorkspaceNav } from './parts.tsx';

export interface MeasureListQuery {
  handlungsfeld?: string;
  status?: string;
  q?: string;
}

interface MeasureListItem {
  id: number;
  title: string;
  status: MeasureStatus;
  progress: number;
  responsible_org: string;
  field_name: string | null;
  updated_at: Date;
}

interface Choice {
  id: number;
  name: string;
}

export function MeasureListPage({ ags, name, result, query, fields }: { ags: string; name: string; result: PageResult<MeasureListItem>; query: MeasureListQuery; fields: Choice[] }) {
  const { t, locale } = useView();
  return (
    <>
      <h1 class="kern-heading-large">{t('strategy.measure.list_title', { name })}</h1>
      <WorkspaceNav ags={ags} current="measures" />
      <p class="vv-actions">
        <a class="kern-btn kern-btn--primary" href={`/verwaltung/${ags}/massnahmen/neu`}>
          <span class="kern-label">{t('strategy.measure.add')}</span>
        </a>
      </p>
      <FilterForm action={`/verwaltung/${ags}/massnahmen`} label={t('strategy.public.filter_label')}>
        <FilterSearch name="q" label={t('strategy.measure.search')} value={query.q} />
        <MeasureFilterFields fields={fields} field={query.handlungsfeld} status={query.status} />
      </FilterForm>
      <p class="kern-body" role="status">
        {t('common.results', { count: result.total })}
      </p>
      {result.items.length ? (
        <div class="kern-table-responsive">
          <table class="kern-table kern-table--striped">
            <caption class="kern-title">{t('strategy.measure.list_caption', { page: result.page, pages: result.pageCount })}</caption>
            <thead class="kern-table__header">
              <tr class="kern-table__row">
                <th scope="col" class="kern-table__cell">
                  {t('strategy.measure.title_field')}
                </th>
                <th scope="col" class="kern-table__cell">
                  {t('strategy.measure.field')}
                </th>
                <th scope="col" class="kern-table__cell">
                  {t('strategy.measure.status')}
                </th>
                <th scope="col" class="kern-table__cell">
                  {t('strategy.measure.progress')}
                </th>
                <th scope="col" class="kern-table__cell">
                  {t('strategy.measure.updated_at')}
                </th>
              </tr>
            </thead>
            <tbody class="kern-table__body">
              {result.items.map((m) => (
                <tr class="kern-table__row" key={m.id}>
                  <th scope="row" class="kern-table__cell">
                    <a class="kern-link" href={`/verwaltung/${ags}/massnahmen/${m.id}`}>
                      {m.title}
                    </a>
                  </th>
                  <td class="kern-table__cell">{m.field_name}</td>
                  <td class="kern-table__cell">
                    <StatusBadge status={m.status} />
                  </td>
                  <td class="kern-table__cell">
                    <ProgressBar value={m.progress} label={t('strategy.measure.progress_of', { title: m.title })} />
                  </td>
                  <td class="kern-table__cell">{formatDate(locale, m.updated_at)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <Pagination result={result} path={`/verwaltung/${ags}/massnahmen`} query={query as Record<string, unknown>} />
    </>
  );
}

export function measureLabels(t: (key: string) => string): Record<string, string> {
  return {
    title: t('strategy.measure.title_field'),
    description: t('strategy.measure.description'),
    fieldId: t('strategy.measure.field'),
    goalId: t('strategy.measure.goal'),
    districtId: t('strategy.measure.district'),
    responsibleOrg: t('strategy.measure.responsible_org'),
    startsOn: t('strategy.measure.starts_on'),
    endsOn: t('strategy.measure.ends_on'),
    status: t('strategy.measure.status'),
    progress: t('strategy.measure.progress'),
    methodIds: t('toolkit.form.used_methods'),
    updateText: t('strategy.update.text'),
    updateStatus: t('strategy.update.status'),
    updateProgress: t('strategy.update.progress'),
  };
}

interface MeasureFormChoices {
  fields: Choice[];
  goals: Array<{ id: number; field_id: number; title: string }>;
  districts: Choice[];
  /** The toolkit's picker: the cards the measure names (as ticked or stored) and a page of others. */
  methods: MethodPicker | null;
}

function MeasureInputs({ form, choices }: { form: FormState; choices: MeasureFormChoices }) {
  const { t } = useView();
  const fieldName = new Map(choices.fields.map((f) => [f.id, f.name]));
  return (
    <>
      <TextField form={form} name="title" label={t('strategy.measure.title_field')} required maxLength={300} />
      <TextArea form={form} name="description" label={t('strategy.measure.description')} rows={4} maxLength={10000} />
      <SelectField
        form={form}
        name="fieldId"
        label={t('strategy.measure.field')}
        required
        emptyLabel={t('strategy.measure.choose')}
        options={choices.fields.map((f) => ({ value: String(f.id), label: f.name }))}
      />
      <SelectField
        form={form}
        name="goalId"
        label={t('strategy.measure.goal')}
        hint={t('strategy.measure.goal_hint')}
        emptyLabel={t('strategy.measure.no_goal')}
        options={choices.goals.map((g) => ({ value: String(g.id), label: `${fieldName.get(g.field_id) ?? ''}: ${g.title}` }))}
      />
      <TextField form={form} name="responsibleOrg" label={t('strategy.measure.responsible_org')} maxLength={200} />
      <TextField form={form} name="startsOn" type="date" label={t('strategy.measure.starts_on')} />
      <TextField form={form} name="endsOn" type="date" label={t('strategy.measure.ends_on')} />
      <SelectField form={form} name="status" label={t('strategy.measure.status')} required options={MEASURE_STATUSES.map((s) => ({ value: s, label: t(`strategy.status.${s}`) }))} />
      <TextField form={form} name="progress" type="number" min={0} max={100} label={t('strategy.measure.progress_percent')} hint={t('strategy.measure.progress_hint')} required />
      <SelectField
        form={form}
        name="districtId"
        label={t('strategy.measure.district')}
        emptyLabel={t('strategy.measure.whole_town')}
        options={choices.districts.map((d) => ({ value: String(d.id), label: d.name }))}
      />
      <MethodChoices picker={choices.methods} form={form} />
    </>
  );
}

export function MeasureNewPage({ ags, form, choices }: { ags: string; form: FormState; choices: MeasureFormChoices }) {
  const { t } = useView();
  return (
    <>
      <h1 class="kern-heading-large">{t('strategy.measure.add')}</h1>
      <WorkspaceNav ags={ags} current="measures" />
      {choices.fields.length === 0 ? (
        <div class="kern-alert kern-alert--info" role="status">
          <div class="kern-alert__header">
            <span class="kern-title">{t('strategy.measure.needs_field')}</span>
          </div>
          <div class="kern-alert__body">
            <a class="kern-link" href={`/verwaltung/${ags}/handlungsfelder`}>
              {t('strategy.field.add')}
            </a>
          </div>
        </div>
      ) : (
        <>
          <ErrorSummary form={form} labels={measureLabels(t)} />
          <Form action={`/verwaltung/${ags}/massnahmen/neu`} defaultSubmit={{ label: t('strategy.measure.create') }}>
            <MeasureInputs form={form} choices={choices} />
            <FormActions submitLabel={t('strategy.measure.create')} cancelHref={`/verwaltung/${ags}/massnahmen`} />
          </Form>
        </>
      )}
    </>
  );
}

interface HistoryEntry {
  id: number;
  text: string;
  status: MeasureStatus;
  progress: number;
  created_at: Date;
  author_name: string | null;
  author_deleted_at: Date | null;
}

export function MeasureEditPage({
  ags,
  measureId,
  title,
  form,
  updateForm,
  choices,
  history,
}: {
  ags: string;
  measureId: number;
  title: string;
  form: FormState;
  updateForm: FormState;
  choices: MeasureFormChoices;
  history: HistoryEntry[];
}) {
  const { t, locale } = useView();
  return (
    <>
      <h1 class="kern-heading-large">{title}</h1>
      <WorkspaceNav ags={ags} current="measures" />
      <p class="vv-actions">
        <a class="kern-link" href={`/kommunen/${ags}/massnahmen/${measureId}`}>
          {t('strategy.measure.public_view')}
        </a>
        <a class="kern-link" href={`/verwaltung/${ags}/massnahmen/${measureId}/loeschen`}>
          {t('strategy.measure.delete')}
        </a>
      </p>
      <section aria-labelledby="update-heading">
        <h2 class="kern-heading-medium" id="update-heading">
          {t('strategy.update.title')}
        </h2>
        <ErrorSummary form={updateForm} labels={measureLabels(t)} />
        <Form action={`/verwaltung/${ags}/massnahmen/${measureId}/fortschritt`}>
          <TextArea form={updateForm} name="updateText" label={t('strategy.update.text')} hint={t('strategy.update.text_hint')} required rows={3} maxLength={5000} />
          <SelectField form={updateForm} name="updateStatus" label={t('strategy.update.status')} required options={MEASURE_STATUSES.map((s) => ({ value: s, label: t(`strategy.status.${s}`) }))} />
          <TextField form={updateForm} name="updateProgress" type="number" min={0} max={100} label={t('strategy.update.progress')} hint={t('strategy.measure.progress_hint')} required />
          <SubmitButton label={t('strategy.update.submit')} />
        </Form>
      </section>
      <section aria-labelledby="history-heading">
        <h2 class="kern-heading-medium" id="history-heading">
          {t('strategy.measure.history')}
        </h2>
        {history.length ? (
          <ol class="vv-history">
            {history.map((u) => (
              <li key={u.id}>
                <p class="kern-body kern-body--small vv-muted">
                  {formatDate(locale, u.created_at, true)} · {u.author_deleted_at ? t('strategy.update.deleted_author') : (u.author_name ?? t('strategy.update.system'))} ·{' '}
                  {t(`strategy.status.${u.status}`)} · {t('common.percent', { value: u.progress })}
                </p>
                <p class="kern-body">{u.text}</p>
              </li>
            ))}
          </ol>
        ) : (
          <p class="kern-body">{t('strategy.measure.no_update')}</p>
        )}
      </section>
      <section aria-labelledby="edit-heading">
        <h2 class="kern-heading-medium" id="edit-heading">
          {t('strategy.measure.edit_title')}
        </h2>
        <ErrorSummary form={form} labels={measureLabels(t)} />
        <Form action={`/verwaltung/${ags}/massnahmen/${measureId}`} defaultSubmit={{ label: t('common.save') }}>
          <MeasureInputs form={form} choices={choices} />
          <SubmitButton label={t('common.save')} />
        </Form>
      </section>
    </>
  );
}
