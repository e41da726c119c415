import { formatDate, formatNumber } from '../../../platform/i18n/catalog.ts';
import { useView } from '../../../platform/views/context.ts';
import { ErrorSummary, Form, type FormState, SubmitButton } from '../../../platform/views/forms.tsx';
import { choiceLabels, type QuestionResult } from '../results.ts';
import type { QuestionKind } from '../tables.ts';

export interface SurveyView {
  id: number;
  title: string;
  description: string;
  anonymous: boolean;
  opens_on: string;
  closes_on: string;
  ags: string;
  municipality_name: string;
}

export interface QuestionView {
  id: number;
  kind: QuestionKind;
  prompt: string;
  help: string;
  required: boolean;
  options: string[];
}

function QuestionField({ q, form }: { q: QuestionView; form: FormState & { multi: Record<string, string[]> } }) {
  const { t } = useView();
  const name = `q${q.id}`;
  const error = form.errors[name];
  const describedBy = [q.help ? `${name}-hint` : '', error ? `${name}-error` : ''].filter(Boolean).join(' ') || undefined;
  const legend = (
    <legend class="kern-label">
      {q.prompt}
      {q.required ? null : <span class="kern-label__optional"> – {t('forms.optional')}</span>}
    </legend>
  );
  const hint = q.help ? (
    <div class="kern-hint" id={`${name}-hint`}>
      {q.help}
    </div>
  ) : null;
  const errorText = error ? (
    <p class="kern-error" id={`${name}-error`}>
      <span class="kern-body">{t(error.key, error.params)}</span>
    </p>
  ) : null;
  if (q.kind === 'text' || q.kind === 'number') {
    return (
      <div class={`kern-form-input${error ? ' kern-form-input--error' : ''}`}>
        <label class="kern-label" for={name}>
          {q.prompt}
          {q.required ? null : <span class="kern-label__optional"> – {t('forms.optional')}</span>}
        </label>
        {hint}
        {errorText}
        {q.kind === 'text' ? (
          <textarea class="kern-form-input__input" id={name} name={name} rows={4} maxLength={5000} aria-describedby={describedBy} aria-invalid={error ? 'true' : undefined}>
            {form.values[name] ?? ''}
          </textarea>
        ) : (
          <input
            class="kern-form-input__input"
            id={name}
            name={name}
            type="text"
            inputMode="decimal"
            value={form.values[name] ?? ''}
            aria-describedby={describedBy}
            aria-invalid={error ? 'true' : undefined}
          />
        )}
      </div>
    );
  }
  const labels = choiceLabels(q.kind, q.options);
  const offset = q.kind === 'scale' ? 1 : 0;
  const chosen = form.multi[name] ?? (form.values[name] ? [form.values[name] as string] : []);
  return (
    <fieldset class={`kern-fieldset${error ? ' kern-fieldset--error' : ''}`} id={name} aria-describedby={describedBy}>
      {legend}
      {hint}
      {errorText}
      {labels.map((label, i) => {
        const value = String(i + offset);
        const id = `${name}-${value}`;
        return (
          <div class="kern-form-check" key={value}>
            <input
              class={q.kind === 'multiple' ? 'kern-form-check__checkbox' : 'kern-form-check__radio'}
              type={q.kind === 'multiple' ? 'checkbox' : 'radio'}
              id={id}
              name={name}
              value={value}
              checked={chosen.includes(value)}
            />
            <label class="kern-label" for={id}>
              {label}
            </label>
          </div>
        );
      })}
    </fieldset>
  );
}

export function SurveyPage({
  survey,
  questions,
  form,
  state,
}: {
  survey: SurveyView;
  questions: QuestionView[];
  form: FormState & { multi: Record<string, string[]> };
  state: 'open' | 'answered' | 'closed' | 'login' | 'unverified';
}) {
  const { t, locale } = useView();
  const labels = Object.fromEntries(questions.map((q) => [`q${q.id}`, q.prompt]));
  return (
    <>
      <div class="kern-hgroup vv-page-heading">
        <h1 class="kern-heading-large">{survey.title}</h1>
        <p class="kern-body kern-body--large">
          {survey.municipality_name} · {t('surveys.period', { start: formatDate(locale, survey.opens_on), end: formatDate(locale, survey.closes_on) })}
        </p>
      </div>
      {survey.description ? <p class="kern-body">{survey.description}</p> : null}
      <p class="kern-body">{survey.anonymous ? t('surveys.anonymous_note') : t('surveys.personal_note')}</p>
      {state === 'open' ? (
        <>
          <ErrorSummary form={form} labels={labels} />
          <Form action={`/umfragen/${survey.id}`}>
            {questions.map((q) => (
              <QuestionField q={q} form={form} key={q.id} />
            ))}
            <SubmitButton label={t('surveys.submit')} />
          </Form>
        </>
      ) : (
        <div class="kern-alert kern-alert--info" role="status">
          <div class="kern-alert__header">
            <span class="kern-title">{t(`surveys.state.${state}`)}</span>
          </div>
        </div>
      )}
      <p>
        <a class="kern-link" href={`/umfragen/${survey.id}/ergebnisse`}>
          {t('surveys.results_link')}
        </a>
      </p>
    </>
  );
}

export function ResultsPage({ survey, results, responses, moderator }: { survey: SurveyView; results: QuestionResult[]; responses: number; moderator: boolean }) {
  const { t, locale } = useView();
  return (
    <>
      <div class="kern-hgroup vv-page-heading">
        <h1 class="kern-heading-large">{t('surveys.results_title', { title: survey.title })}</h1>
        <p class="kern-body kern-body--large">{t('surveys.responses', { count: responses })}</p>
      </div>
      {results.map((r) => (
        <section key={r.id} aria-labelledby={`result-${r.id}`} class="vv-field-block">
          <h2 class="kern-heading-medium" id={`result-${r.id}`}>
            {r.prompt}
          </h2>
          {r.rows.length ? (
            <>
              <img src={`/umfragen/${survey.id}/ergebnisse/frage-${r.id}.svg`} alt={t('surveys.chart_alt', { prompt: r.prompt })} class="vv-map" />
              <table class="kern-table vv-compact-table">
                <caption class="kern-title">{t('surveys.table_caption', { prompt: r.prompt })}</caption>
                <thead class="kern-table__header">
                  <tr class="kern-table__row">
                    <th scope="col" class="kern-table__cell">
                      {t('surveys.answer')}
                    </th>
                    <th scope="col" class="kern-table__cell kern-table__cell--numeric">
                      {t('surveys.count')}
                    </th>
                  </tr>
                </thead>
                <tbody class="kern-table__body">
                  {r.rows.map((row) => (
                    <tr class="kern-table__row" key={row.label}>
                      <th scope="row" class="kern-table__cell">
                        {row.label}
                      </th>
                      <td class="kern-table__cell kern-table__cell--numeric">{row.count}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          ) : null}
          {r.kind === 'number' ? (
            <p class="kern-body">
              {r.numbers
                ? t('surveys.number_stats', { n: r.numbers.n, mean: formatNumber(locale, r.numbers.mean, 1), min: formatNumber(locale, r.numbers.min, 1), max: formatNumber(locale, r.numbers.max, 1) })
                : t('surveys.no_answers')}
            </p>
          ) : null}
          {r.kind === 'text' ? (
            r.texts.length ? (
              <ul class="kern-list kern-list--bullet">
                {r.texts.map((text) => (
                  <li key={text.id}>
                    {text.text}
                    {moderator && !text.approved ? ` (${t('surveys.text_unapproved')})` : ''}
                  </li>
                ))}
              </ul>
            ) : (
              <p class="kern-body">{t('surveys.no_public_texts')}</p>
            )
          ) : null}
        </section>
      ))}
    </>
  );
}

export function OfflineAnswersPage({ action, questions, form }: { action: string; questions: QuestionView[]; form: FormState & { multi: Record<string, string[]> } }) {
  const { t } = useView();
  const labels = Object.fromEntries(questions.map((q) => [`q${q.id}`, q.prompt]));
  return (
    <>
      <h1 class="kern-heading-large">{t('surveys.offline_title')}</h1>
      <p class="kern-body">{t('surveys.offline_lead')}</p>
      <ErrorSummary form={form} labels={labels} />
      <Form action={action}>
        {questions.map((q) => (
          <QuestionField q={q} form={form} key={q.id} />
        ))}
        <SubmitButton label={t('surveys.offline_submit')} />
      </Form>
    </>
  );
}
