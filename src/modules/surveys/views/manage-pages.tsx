import { formatDate } from '../../../platform/i18n/catalog.ts';
import { useView } from '../../../platform/views/context.ts';
import { Checkbox, ErrorSummary, Form, type FormState, SelectField, SubmitButton, TextArea, TextField } from '../../../platform/views/forms.tsx';
import { QUESTION_KINDS } from '../tables.ts';

interface SurveyRow {
  id: number;
  title: string;
  opens_on: string;
  closes_on: string;
  published: boolean;
  responses: number | string | null;
}

export function surveyLabels(t: (key: string) => string): Record<string, string> {
  return {
    title: t('surveys.field.title'),
    description: t('surveys.field.description'),
    opensOn: t('surveys.field.opens_on'),
    closesOn: t('surveys.field.closes_on'),
    anonymous: t('surveys.field.anonymous'),
    kind: t('surveys.field.kind'),
    prompt: t('surveys.field.prompt'),
    help: t('surveys.field.help'),
    options: t('surveys.field.options'),
  };
}

function SurveyFields({ form, editing }: { form: FormState; editing: boolean }) {
  const { t } = useView();
  return (
    <>
      <TextField form={form} name="title" label={t('surveys.field.title')} required maxLength={200} />
      <TextArea form={form} name="description" label={t('surveys.field.description')} rows={3} maxLength={5000} />
      <TextField form={form} name="opensOn" type="date" label={t('surveys.field.opens_on')} required />
      <TextField form={form} name="closesOn" type="date" label={t('surveys.field.closes_on')} required />
      <Checkbox form={form} name="anonymous" label={t('surveys.field.anonymous')} />
      {editing ? <Checkbox form={form} name="published" label={t('surveys.field.published')} /> : null}
    </>
  );
}

export function SurveyListPage({ ags, name, surveys, processes, form }: { ags: string; name: string; surveys: SurveyRow[]; processes: Array<{ id: number; label: string }>; form: FormState }) {
  const { t, locale } = useView();
  return (
    <>
      <h1 class="kern-heading-large">{t('surveys.manage_title', { name })}</h1>
      <p class="kern-body">
        <a class="kern-link" href={`/verwaltung/${ags}/zusammenhalt`}>
          {t('surveys.cohesion_admin.link')}
        </a>
      </p>
      {surveys.length ? (
        <ul class="kern-list">
          {surveys.map((s) => (
            <li key={s.id}>
              <a class="kern-link" href={`/verwaltung/${ags}/umfragen/${s.id}`}>
                {s.title}
              </a>{' '}
              <span class="vv-muted">
                ({t('surveys.period', { start: formatDate(locale, s.opens_on), end: formatDate(locale, s.closes_on) })} · {t('surveys.responses', { count: Number(s.responses ?? 0) })}
                {s.published ? '' : ` · ${t('participation.process.unpublished')}`})
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p class="kern-body">{t('surveys.none')}</p>
      )}
      <h2 class="kern-heading-medium">{t('surveys.new')}</h2>
      <ErrorSummary form={form} labels={surveyLabels(t)} />
      <Form action={`/verwaltung/${ags}/umfragen`}>
        <SurveyFields form={form} editing={false} />
        <SelectField
          form={form}
          name="processId"
          label={t('surveys.field.process')}
          emptyLabel={t('surveys.field.no_process')}
          options={processes.map((p) => ({ value: String(p.id), label: p.label }))}
        />
        <SubmitButton label={t('surveys.new')} />
      </Form>
    </>
  );
}

export function SurveyEditPage({
  ags,
  surveyId,
  form,
  questionForm,
  questions,
  responses,
  template,
}: {
  ags: string;
  surveyId: number;
  /** Made from a template: its questions stay as they are. */
  template: boolean;
  form: FormState;
  questionForm: FormState;
  questions: Array<{ id: number; kind: string; prompt: string; required: boolean }>;
  responses: number;
}) {
  const { t } = useView();
  const base = `/verwaltung/${ags}/umfragen/${surveyId}`;
  return (
    <>
      <h1 class="kern-heading-large">{t('surveys.edit_title')}</h1>
      <p class="vv-actions">
        <a class="kern-link" href={`/umfragen/${surveyId}`}>
          {t('surveys.public_view')}
        </a>
        <a class="kern-link" href={`/umfragen/${surveyId}/ergebnisse`}>
          {t('surveys.results_link')}
        </a>
        <a class="kern-link" href={`${base}/offline`}>
          {t('surveys.offline_title')}
        </a>
        <a class="kern-link" href={`${base}/freitexte`}>
          {t('surveys.texts_title')}
        </a>
        <a class="kern-link" href={`${base}/export/antworten.xlsx`}>
          {t('surveys.export_xlsx')}
        </a>
        <a class="kern-link" href={`${base}/export/antworten.csv`}>
          {t('surveys.export_csv')}
        </a>
      </p>
      <p class="kern-body">{t('surveys.responses', { count: responses })}</p>
      <ErrorSummary form={form} labels={surveyLabels(t)} />
      <Form action={base}>
        <SurveyFields form={form} editing />
        <SubmitButton label={t('common.save')} />
      </Form>
      <h2 class="kern-heading-medium">{t('surveys.questions')}</h2>
      {questions.length ? (
        <ol class="kern-list">
          {questions.map((q) => (
            <li key={q.id}>
              {q.prompt}{' '}
              <span class="vv-muted">
                ({t(`surveys.kind.${q.kind}`)}
                {q.required ? `, ${t('surveys.required')}` : ''})
              </span>
              {responses === 0 && !template ? (
                <Form action={`${base}/fragen/${q.id}/loeschen`} class="vv-inline-form">
                  {' '}
                  <button type="submit" class="kern-btn kern-btn--tertiary kern-btn--x-small">
                    <span class="kern-label">
                      {t('common.delete')}
                      <span class="vv-visually-hidden">: {q.prompt}</span>
                    </span>
                  </button>
                </Form>
              ) : null}
            </li>
          ))}
        </ol>
      ) : (
        <p class="kern-body">{t('surveys.no_questions')}</p>
      )}
      {responses === 0 && !template ? (
        <>
          <h2 class="kern-heading-medium">{t('surveys.add_question')}</h2>
          <ErrorSummary form={questionForm} labels={surveyLabels(t)} />
          <Form action={`${base}/fragen`}>
            <SelectField form={questionForm} name="kind" label={t('surveys.field.kind')} required options={QUESTION_KINDS.map((k) => ({ value: k, label: t(`surveys.kind.${k}`) }))} />
            <TextField form={questionForm} name="prompt" label={t('surveys.field.prompt')} required maxLength={500} />
            <TextField form={questionForm} name="help" label={t('surveys.field.help')} maxLength={500} />
            <TextArea form={questionForm} name="options" label={t('surveys.field.options')} hint={t('surveys.field.options_hint')} rows={4} maxLength={5000} />
            <Checkbox form={questionForm} name="required" label={t('surveys.field.required')} />
            <SubmitButton label={t('surveys.add_question')} />
          </Form>
        </>
      ) : (
        <p class="kern-body">{t(template ? 'surveys.errors.template_locked' : 'surveys.errors.questions_locked')}</p>
      )}
    </>
  );
}

export function TextsPage({ ags, surveyId, texts }: { ags: string; surveyId: number; texts: Array<{ id: number; prompt: string; text: string; approved: boolean }> }) {
  const { t } = useView();
  return (
    <>
      <h1 class="kern-heading-large">{t('surveys.texts_title')}</h1>
      <p class="kern-body">{t('surveys.texts_lead')}</p>
      {texts.length ? (
        <ul class="vv-measures">
          {texts.map((text) => (
            <li class="vv-measure" key={text.id}>
              <p class="kern-body kern-body--small vv-muted">{text.prompt}</p>
              <p class="kern-body">{text.text}</p>
              <p class="kern-body">{text.approved ? t('surveys.text_approved') : t('surveys.text_unapproved')}</p>
              <Form action={`/verwaltung/${ags}/umfragen/${surveyId}/freitexte/${text.id}/${text.approved ? 'zurueckhalten' : 'freigeben'}`} class="vv-inline-form">
                <SubmitButton label={text.approved ? t('surveys.text_withhold') : t('surveys.text_approve')} kind="secondary" />
              </Form>
            </li>
          ))}
        </ul>
      ) : (
        <p class="kern-body">{t('surveys.no_answers')}</p>
      )}
    </>
  );
}
