import { useView } from '../../../platform/views/context.ts';
import { ErrorSummary, Form, FormActions, type FormState, SelectField, TextArea } from '../../../platform/views/forms.tsx';
import { REPORT_REASONS } from '../tables.ts';

export function CommentFormPage({ title, action, cancel, form }: { title: string; action: string; cancel: string; form: FormState }) {
  const { t } = useView();
  return (
    <>
      <h1 class="kern-heading-large">{title}</h1>
      <ErrorSummary form={form} labels={{ body: t('participation.comment.body') }} />
      <Form action={action}>
        {form.values.parentId ? <input type="hidden" name="parentId" value={form.values.parentId} /> : null}
        <TextArea form={form} name="body" label={t('participation.comment.body')} required rows={5} maxLength={5000} />
        <FormActions submitLabel={t('participation.comment.submit')} cancelHref={cancel} />
      </Form>
    </>
  );
}

export function AnswerPage({
  proposal,
  form,
  measures,
  others,
  action,
}: {
  proposal: { id: number; title: string; process_id: number };
  form: FormState & { measureIds: number[] };
  measures: Array<{ id: number; title: string }>;
  others: Array<{ id: number; title: string }>;
  action: string;
}) {
  const { t } = useView();
  const labels = {
    status: t('participation.proposal.status'),
    text: t('participation.answer.text'),
    measureIds: t('participation.answer.measures'),
    mergedIntoId: t('participation.answer.merged_into'),
  };
  const measureError = form.errors.measureIds;
  return (
    <>
      <h1 class="kern-heading-large">{t('participation.answer.give_title', { title: proposal.title })}</h1>
      <ErrorSummary form={form} labels={labels} />
      <Form action={action}>
        <SelectField
          form={form}
          name="status"
          label={labels.status}
          required
          options={['in_review', 'accepted', 'rejected', 'merged'].map((s) => ({ value: s, label: t(`participation.status.${s}`) }))}
        />
        <TextArea form={form} name="text" label={labels.text} hint={t('participation.answer.text_hint')} rows={5} maxLength={10000} />
        <fieldset class={`kern-fieldset${measureError ? ' kern-form-input--error' : ''}`} id="measureIds" aria-describedby={measureError ? 'measureIds-error' : undefined}>
          <legend class="kern-label">{labels.measureIds}</legend>
          <p class="kern-hint">{t('participation.answer.measures_hint')}</p>
          {measureError ? (
            <p class="kern-error" id="measureIds-error">
              <span class="kern-body">{t(measureError.key, measureError.params)}</span>
            </p>
          ) : null}
          {measures.map((m) => (
            <div class="kern-form-check" key={m.id}>
              <input class="kern-form-check__checkbox" type="checkbox" id={`measure-${m.id}`} name="measureIds" value={String(m.id)} checked={form.measureIds.includes(m.id)} />
              <label class="kern-label" for={`measure-${m.id}`}>
                {m.title}
              </label>
            </div>
          ))}
        </fieldset>
        <SelectField
          form={form}
          name="mergedIntoId"
          label={labels.mergedIntoId}
          emptyLabel={t('participation.answer.no_merge')}
          options={others.map((o) => ({ value: String(o.id), label: o.title }))}
        />
        <FormActions submitLabel={t('participation.answer.submit')} cancelHref={`/beteiligung/${proposal.process_id}/vorschlaege/${proposal.id}`} />
      </Form>
    </>
  );
}

export function ReportPage({ title, action, cancel, form }: { title: string; action: string; cancel: string; form: FormState }) {
  const { t } = useView();
  const labels = { reason: t('participation.report.reason_label'), note: t('participation.report.note') };
  return (
    <>
      <h1 class="kern-heading-large">{title}</h1>
      <p class="kern-body">{t('participation.report.lead')}</p>
      <ErrorSummary form={form} labels={labels} />
      <Form action={action}>
        <SelectField
          form={form}
          name="reason"
          label={labels.reason}
          required
          emptyLabel={t('strategy.measure.choose')}
          options={REPORT_REASONS.map((r) => ({ value: r, label: t(`participation.report.reason.${r}`) }))}
        />
        <TextArea form={form} name="note" label={labels.note} rows={3} maxLength={2000} />
        <FormActions submitLabel={t('participation.report.submit')} cancelHref={cancel} />
      </Form>
    </>
  );
}
