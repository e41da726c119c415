import { useView } from '../../../platform/views/context.ts';
import { ErrorSummary, Form, FormActions, type FormState, SubmitButton, TextArea, TextField } from '../../../platform/views/forms.tsx';
import { WorkspaceNav } from './parts.tsx';

interface FieldRow {
  id: number;
  name: string;
  description: string;
  position: number;
  measure_count: number | string | null;
}

interface GoalRow {
  id: number;
  field_id: number;
  title: string;
  description: string;
  position: number;
}

function FieldInputs({ form }: { form: FormState }) {
  const { t } = useView();
  return (
    <>
      <TextField form={form} name="name" label={t('strategy.field.name')} required maxLength={200} />
      <TextArea form={form} name="description" label={t('strategy.field.description')} rows={3} maxLength={5000} />
      <TextField form={form} name="position" type="number" min={0} max={999} label={t('strategy.field.position')} hint={t('strategy.field.position_hint')} />
    </>
  );
}

function GoalInputs({ form }: { form: FormState }) {
  const { t } = useView();
  return (
    <>
      <TextField form={form} name="title" label={t('strategy.goal.title_field')} required maxLength={300} />
      <TextArea form={form} name="description" label={t('strategy.goal.description')} rows={3} maxLength={5000} />
      <TextField form={form} name="position" type="number" min={0} max={999} label={t('strategy.field.position')} hint={t('strategy.field.position_hint')} />
    </>
  );
}

export function fieldLabels(t: (key: string) => string): Record<string, string> {
  return { name: t('strategy.field.name'), description: t('strategy.field.description'), position: t('strategy.field.position'), title: t('strategy.goal.title_field') };
}

export function FieldsPage({ ags, name, fields, goals, form }: { ags: string; name: string; fields: FieldRow[]; goals: GoalRow[]; form: FormState }) {
  const { t } = useView();
  return (
    <>
      <h1 class="kern-heading-large">{t('strategy.field.page_title', { name })}</h1>
      <WorkspaceNav ags={ags} current="fields" />
      {fields.length === 0 ? <p class="kern-body">{t('strategy.field.none')}</p> : null}
      {fields.map((f) => (
        <section class="vv-field-block" key={f.id} aria-labelledby={`field-${f.id}`}>
          <h2 class="kern-heading-medium" id={`field-${f.id}`}>
            {f.name}
          </h2>
          {f.description ? <p class="kern-body">{f.description}</p> : null}
          <p class="kern-body kern-body--small vv-muted">{t('strategy.field.measure_count', { count: Number(f.measure_count ?? 0) })}</p>
          <ul class="kern-list kern-list--bullet">
            {goals
              .filter((g) => g.field_id === f.id)
              .map((g) => (
                <li key={g.id}>{g.title}</li>
              ))}
          </ul>
          <p class="vv-actions">
            <a class="kern-link" href={`/verwaltung/${ags}/handlungsfelder/${f.id}`}>
              {t('strategy.field.edit_link')}
              <span class="vv-visually-hidden">: {f.name}</span>
            </a>
            <a class="kern-link" href={`/verwaltung/${ags}/handlungsfelder/${f.id}/loeschen`}>
              {t('common.delete')}
              <span class="vv-visually-hidden">: {f.name}</span>
            </a>
          </p>
        </section>
      ))}
      <h2 class="kern-heading-medium">{t('strategy.field.add')}</h2>
      <ErrorSummary form={form} labels={fieldLabels(t)} />
      <Form action={`/verwaltung/${ags}/handlungsfelder`}>
        <FieldInputs form={form} />
        <SubmitButton label={t('strategy.field.add')} />
      </Form>
    </>
  );
}

export function FieldEditPage({ ags, fieldId, form, goals, goalForm }: { ags: string; fieldId: number; form: FormState; goals: GoalRow[]; goalForm: FormState }) {
  const { t } = useView();
  return (
    <>
      <h1 class="kern-heading-large">{t('strategy.field.edit_title')}</h1>
      <WorkspaceNav ags={ags} current="fields" />
      <ErrorSummary form={form} labels={fieldLabels(t)} />
      <Form action={`/verwaltung/${ags}/handlungsfelder/${fieldId}`}>
        <FieldInputs form={form} />
        <SubmitButton label={t('common.save')} />
      </Form>
      <h2 class="kern-heading-medium">{t('strategy.goal.list_title')}</h2>
      {goals.length ? (
        <ul class="kern-list">
          {goals.map((g) => (
            <li key={g.id}>
              {g.title} ·{' '}
              <a class="kern-link" href={`/verwaltung/${ags}/ziele/${g.id}`}>
                {t('common.edit')}
                <span class="vv-visually-hidden">: {g.title}</span>
              </a>{' '}
              ·{' '}
              <a class="kern-link" href={`/verwaltung/${ags}/ziele/${g.id}/loeschen`}>
                {t('common.delete')}
                <span class="vv-visually-hidden">: {g.title}</span>
              </a>
            </li>
          ))}
        </ul>
      ) : (
        <p class="kern-body">{t('strategy.goal.none')}</p>
      )}
      <h2 class="kern-heading-medium">{t('strategy.goal.add')}</h2>
      <ErrorSummary form={goalForm} labels={fieldLabels(t)} />
      <Form action={`/verwaltung/${ags}/handlungsfelder/${fieldId}/ziele`}>
        <GoalInputs form={goalForm} />
        <SubmitButton label={t('strategy.goal.add')} />
      </Form>
    </>
  );
}

export function GoalEditPage({ ags, goalId, fieldId, form }: { ags: string; goalId: number; fieldId: number; form: FormState }) {
  const { t } = useView();
  return (
    <>
      <h1 class="kern-heading-large">{t('strategy.goal.edit_title')}</h1>
      <ErrorSummary form={form} labels={fieldLabels(t)} />
      <Form action={`/verwaltung/${ags}/ziele/${goalId}`}>
        <GoalInputs form={form} />
        <FormActions submitLabel={t('common.save')} cancelHref={`/verwaltung/${ags}/handlungsfelder/${fieldId}`} />
      </Form>
    </>
  );
}
