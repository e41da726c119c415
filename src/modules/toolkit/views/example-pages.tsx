import type { PageResult } from '../../../platform/http/pagination.ts';
import { Pagination } from '../../../platform/views/components.tsx';
import { useView } from '../../../platform/views/context.ts';
import { CheckboxGroup, ErrorSummary, Form, FormActions, type FormState, RadioGroup, SubmitButton, TextArea, TextField } from '../../../platform/views/forms.tsx';
import type { ExampleLinks } from '../example-forms.ts';
import type { Status } from '../tables.ts';
import { StatusBadge, VersionList } from './workspace-pages.tsx';

export interface ExampleListRow {
  id: number;
  title: string;
  status: Status;
  version: number;
  town?: string;
  review_note?: string;
}

/** A table of examples with their state: the town's own (with the office's note) or the office's queue (with the town). */
export function ExampleTable({ rows, hrefOf, withTown }: { rows: PageResult<ExampleListRow>; hrefOf: (id: number) => string; withTown: boolean }) {
  const { t } = useView();
  if (!rows.items.length) return <p class="kern-body">{t('toolkit.workspace.examples_empty')}</p>;
  return (
    <div class="kern-table-responsive">
      <table class="kern-table kern-table--striped">
        <caption class="kern-title">{t('toolkit.workspace.examples')}</caption>
        <thead class="kern-table__header">
          <tr class="kern-table__row">
            <th scope="col" class="kern-table__cell">
              {t('toolkit.workspace.column_title')}
            </th>
            {withTown ? (
              <th scope="col" class="kern-table__cell">
                {t('toolkit.office.column_town')}
              </th>
            ) : null}
            <th scope="col" class="kern-table__cell">
              {t('toolkit.workspace.column_status')}
            </th>
            <th scope="col" class="kern-table__cell">
              {t('toolkit.workspace.column_version')}
            </th>
            {withTown ? null : (
              <th scope="col" class="kern-table__cell">
                {t('toolkit.workspace.column_note')}
              </th>
            )}
          </tr>
        </thead>
        <tbody class="kern-table__body">
          {rows.items.map((e) => (
            <tr class="kern-table__row" key={e.id}>
              <th scope="row" class="kern-table__cell">
                <a class="kern-link" href={hrefOf(e.id)}>
                  {e.title}
                </a>
              </th>
              {withTown ? <td class="kern-table__cell">{e.town}</td> : null}
              <td class="kern-table__cell">
                <StatusBadge status={e.status} />
              </td>
              <td class="kern-table__cell">{e.version}</td>
              {withTown ? null : <td class="kern-table__cell">{e.status === 'changes_requested' ? e.review_note : ''}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The town's examples in every state. */
export function TownExamplesPage({ ags, name, examples }: { ags: string; name: string; examples: PageResult<ExampleListRow> }) {
  const { t } = useView();
  const base = `/verwaltung/${ags}/werkzeugkoffer/beispiele`;
  return (
    <>
      <h1 class="kern-heading-large">{t('toolkit.workspace.examples_title', { name })}</h1>
      <p class="kern-body">{t('toolkit.workspace.examples_lead')}</p>
      <p class="kern-body">
        <a class="kern-btn kern-btn--primary" href={`${base}/neu`}>
          <span class="kern-label">{t('toolkit.workspace.new_example')}</span>
        </a>
      </p>
      <ExampleTable rows={examples} hrefOf={(id) => `${base}/${id}`} withTown={false} />
      <Pagination result={examples} path={base} query={{}} />
    </>
  );
}

export interface ExampleChoices {
  methods: Array<{ id: number; title: string; town: string }>;
  measures: Array<{ id: number; title: string }>;
  events: Array<{ id: number; title: string; starts_at: Date }>;
}

export function exampleLabels(t: (key: string) => string): Record<string, string> {
  return Object.fromEntries(['title', 'problem', 'approach', 'result', 'lessons', 'methodIds', 'measureIds', 'eventIds'].map((f) => [f, t(`toolkit.form.example_${f.replace(/Ids$/, 's')}`)]));
}

/** The example form: the story in four parts, then the cards, measures and events it names. */
export function ExampleFormPage({
  action,
  cancelHref,
  form,
  links,
  choices,
  locked,
  existing,
}: {
  action: string;
  cancelHref: string;
  form: FormState;
  links: ExampleLinks;
  choices: ExampleChoices;
  locked: boolean;
  existing?: { status: Status; reviewNote: string; canSubmit: boolean; versions: Array<{ version: number; status: string; created_at: Date; actor: string | null }> };
}) {
  const { t, locale } = useView();
  const labels = exampleLabels(t);
  const error = (name: string) => (form.errors[name] ? t(form.errors[name].key) : undefined);
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
  return (
    <>
      <h1 class="kern-heading-large">{existing ? t('toolkit.workspace.edit_example') : t('toolkit.workspace.new_example')}</h1>
      {existing ? (
        <p class="kern-body">
          {t('toolkit.workspace.column_status')}: <StatusBadge status={existing.status} />
        </p>
      ) : null}
      {existing?.status === 'changes_requested' && existing.reviewNote ? (
        <div class="kern-alert kern-alert--warning" role="note">
          <div class="kern-alert__header">
            <span class="kern-title">{t('toolkit.workspace.review_note')}</span>
          </div>
          <div class="kern-alert__body">
            <p class="kern-body">{existing.reviewNote}</p>
          </div>
        </div>
      ) : null}
      {locked ? <p class="kern-body">{t('toolkit.workspace.locked')}</p> : null}
      <ErrorSummary form={form} labels={labels} />
      {locked ? null : (
        <Form action={action}>
          <TextField form={form} name="title" label={labels.title ?? ''} required maxLength={200} />
          <TextArea form={form} name="problem" label={labels.problem ?? ''} hint={t('toolkit.form.example_problem_hint')} required rows={4} maxLength={4000} />
          <TextArea form={form} name="approach" label={labels.approach ?? ''} required rows={5} maxLength={4000} />
          <TextArea form={form} name="result" label={labels.result ?? ''} required rows={4} maxLength={4000} />
          <TextArea form={form} name="lessons" label={labels.lessons ?? ''} rows={4} maxLength={4000} />
          <CheckboxGroup
            name="methodIds"
            legend={labels.methodIds ?? ''}
            options={choices.methods.map((m) => ({ value: String(m.id), label: `${m.title} (${m.town})` }))}
            selected={links.methods.map(String)}
            error={error('methodIds')}
          />
          <CheckboxGroup
            name="measureIds"
            legend={labels.measureIds ?? ''}
            options={choices.measures.map((m) => ({ value: String(m.id), label: m.title }))}
            selected={links.measures.map(String)}
            error={error('measureIds')}
            hint={choices.measures.length ? undefined : t('toolkit.form.example_none')}
          />
          <CheckboxGroup
            name="eventIds"
            legend={labels.eventIds ?? ''}
            options={choices.events.map((e) => ({ value: String(e.id), label: `${e.title} (${date.format(e.starts_at)})` }))}
            selected={links.events.map(String)}
            error={error('eventIds')}
            hint={choices.events.length ? undefined : t('toolkit.form.example_none')}
          />
          <FormActions submitLabel={t('common.save')} cancelHref={cancelHref} />
        </Form>
      )}
      {existing?.canSubmit ? (
        <Form action={`${action}/einreichen`}>
          <p class="kern-body">{t('toolkit.workspace.submit_lead')}</p>
          <SubmitButton label={t('toolkit.workspace.submit')} kind="secondary" />
        </Form>
      ) : null}
      {existing ? <VersionList versions={existing.versions} /> : null}
    </>
  );
}

/** The office's decision on an example, under the example as the public would see it. */
export function ExampleDecision({ id, form }: { id: number; form: FormState }) {
  const { t } = useView();
  const labels = { decision: t('toolkit.office.decision'), note: t('toolkit.office.note') };
  return (
    <>
      <h2 class="kern-heading-medium">{t('toolkit.office.decision')}</h2>
      <ErrorSummary form={form} labels={labels} />
      <Form action={`/programmbuero/werkzeugkoffer/beispiele/${id}/entscheidung`}>
        <RadioGroup form={form} name="decision" legend={labels.decision} options={(['publish', 'changes', 'withdraw'] as const).map((d) => ({ value: d, label: t(`toolkit.office.decision_${d}`) }))} />
        <TextArea form={form} name="note" label={labels.note} hint={t('toolkit.office.note_hint')} rows={4} maxLength={2000} />
        <FormActions submitLabel={t('toolkit.office.decide')} cancelHref="/programmbuero/werkzeugkoffer/beispiele" />
      </Form>
    </>
  );
}
