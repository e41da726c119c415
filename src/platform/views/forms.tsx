import type { ComponentChildren } from 'preact';
import type { FieldErrors } from '../http/errors.ts';
import { useView } from './context.ts';

/** What a form shows: the values as typed and an error per field. */
export interface FormState {
  values: Record<string, string | undefined>;
  errors: FieldErrors;
}

export const EMPTY_FORM: FormState = { values: {}, errors: {} };

interface FieldProps {
  form: FormState;
  name: string;
  label: string;
  hint?: string;
  required?: boolean;
}

function describedBy(name: string, hint: boolean, error: boolean): string | undefined {
  const ids = [hint ? `${name}-hint` : '', error ? `${name}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

function FieldFrame({ form, name, label, hint, required, children }: FieldProps & { children: ComponentChildren }) {
  const { t } = useView();
  const error = form.errors[name];
  return (
    <div class={`kern-form-input${error ? ' kern-form-input--error' : ''}`}>
      <label class="kern-label" for={name}>
        {label}
        {required ? null : <span class="kern-label__optional"> – {t('forms.optional')}</span>}
      </label>
      {hint ? (
        <div class="kern-hint" id={`${name}-hint`}>
          {hint}
        </div>
      ) : null}
      {error ? (
        <p class="kern-error" id={`${name}-error`}>
          <span class="kern-icon kern-icon--danger kern-icon--small" aria-hidden="true" />
          <span class="kern-body">{t(error.key, error.params)}</span>
        </p>
      ) : null}
      {children}
    </div>
  );
}

export function TextField(
  props: FieldProps & {
    type?: 'text' | 'email' | 'password' | 'date' | 'datetime-local' | 'number' | 'search' | 'url';
    autocomplete?: string;
    min?: number;
    max?: number;
    maxLength?: number;
    inputMode?: string;
  },
) {
  const { form, name, hint, required, type = 'text' } = props;
  const error = Boolean(form.errors[name]);
  return (
    <FieldFrame {...props}>
      <input
        class={`kern-form-input__input${error ? ' kern-form-input__input--error' : ''}`}
        id={name}
        name={name}
        type={type as 'text'}
        value={type === 'password' ? '' : (form.values[name] ?? '')}
        required={required}
        autocomplete={props.autocomplete}
        min={props.min}
        max={props.max}
        maxLength={props.maxLength}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(name, Boolean(hint), error)}
      />
    </FieldFrame>
  );
}

export function TextArea(props: FieldProps & { rows?: number; maxLength?: number }) {
  const { form, name, hint, required } = props;
  const error = Boolean(form.errors[name]);
  return (
    <FieldFrame {...props}>
      <textarea
        class={`kern-form-input__input${error ? ' kern-form-input__input--error' : ''}`}
        id={name}
        name={name}
        rows={props.rows ?? 5}
        required={required}
        maxLength={props.maxLength}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(name, Boolean(hint), error)}
      >
        {form.values[name] ?? ''}
      </textarea>
    </FieldFrame>
  );
}

export interface Option {
  value: string;
  label: string;
}

export function SelectField(props: FieldProps & { options: Option[]; emptyLabel?: string }) {
  const { form, name, hint, required, options, emptyLabel } = props;
  const error = Boolean(form.errors[name]);
  const current = form.values[name] ?? '';
  return (
    <FieldFrame {...props}>
      <div class="kern-form-input__select-wrapper">
        <select
          class={`kern-form-input__select${error ? ' kern-form-input__select--error' : ''}`}
          id={name}
          name={name}
          required={required}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={describedBy(name, Boolean(hint), error)}
        >
          {emptyLabel !== undefined ? <option value="">{emptyLabel}</option> : null}
          {options.map((o) => (
            <option key={o.value} value={o.value} selected={o.value === current}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
    </FieldFrame>
  );
}

export function FileField(props: FieldProps & { accept: string }) {
  const { form, name, hint, required, accept } = props;
  const error = Boolean(form.errors[name]);
  return (
    <FieldFrame {...props}>
      <input
        class={`kern-form-input__input${error ? ' kern-form-input__input--error' : ''}`}
        id={name}
        name={name}
        type="file"
        accept={accept}
        required={required}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(name, Boolean(hint), error)}
      />
    </FieldFrame>
  );
}

export function Checkbox({ form, name, label, value = 'on' }: { form: FormState; name: string; label: string; value?: string }) {
  const { t } = useView();
  const error = form.errors[name];
  return (
    <div class={`kern-form-check${error ? ' kern-form-check--error' : ''}`}>
      <input
        class={`kern-form-check__checkbox${error ? ' kern-form-check__checkbox--error' : ''}`}
        type="checkbox"
        id={name}
        name={name}
        value={value}
        checked={form.values[name] === value}
        aria-describedby={error ? `${name}-error` : undefined}
      />
      <label class="kern-label" for={name}>
        {label}
      </label>
      {error ? (
        <p class="kern-error" id={`${name}-error`}>
          <span class="kern-icon kern-icon--danger kern-icon--small" aria-hidden="true" />
          <span class="kern-body">{t(error.key, error.params)}</span>
        </p>
      ) : null}
    </div>
  );
}

/** A group of choices under one legend, with hint and error; the group carries the id the error summary links to. */
export function ChoiceGroup({ name, legend, hint, error, children }: { name: string; legend: string; hint?: string; error?: string; children: ComponentChildren }) {
  return (
    <fieldset
      class={`kern-fieldset${error ? ' kern-fieldset--error' : ''}`}
      id={name}
      aria-describedby={[hint ? `${name}-hint` : '', error ? `${name}-error` : ''].filter(Boolean).join(' ') || undefined}
    >
      <legend class="kern-label">{legend}</legend>
      {hint ? (
        <p class="kern-hint" id={`${name}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p class="kern-error" id={`${name}-error`}>
          <span class="kern-body">{error}</span>
        </p>
      ) : null}
      {children}
    </fieldset>
  );
}

/** Several choices under one legend. */
export function CheckboxGroup({ name, legend, options, selected, error, hint }: { name: string; legend: string; options: Option[]; selected: string[]; error?: string; hint?: string }) {
  return (
    <ChoiceGroup name={name} legend={legend} hint={hint} error={error}>
      {options.map((o) => (
        <div class="kern-form-check" key={o.value}>
          <input class="kern-form-check__checkbox" type="checkbox" id={`${name}-${o.value}`} name={name} value={o.value} checked={selected.includes(o.value)} />
          <label class="kern-label" for={`${name}-${o.value}`}>
            {o.label}
          </label>
        </div>
      ))}
    </ChoiceGroup>
  );
}

/** One choice of a few, all visible (e.g. the statistical questions with "keine Angabe" first). */
export function RadioGroup({
  form,
  name,
  legend,
  options,
  hint,
  preselectFirst = true,
}: {
  form: FormState;
  name: string;
  legend: string;
  options: Option[];
  hint?: string;
  preselectFirst?: boolean;
}) {
  const { t } = useView();
  const error = form.errors[name];
  const current = form.values[name] ?? (preselectFirst ? options[0]?.value : undefined);
  return (
    <ChoiceGroup name={name} legend={legend} hint={hint} error={error ? t(error.key, error.params) : undefined}>
      <div class="kern-fieldset__body vv-radio-row">
        {options.map((o) => (
          <div class="kern-form-check" key={o.value}>
            <input class="kern-form-check__radio" type="radio" id={`${name}-${o.value}`} name={name} value={o.value} checked={current === o.value} />
            <label class="kern-label" for={`${name}-${o.value}`}>
              {o.label}
            </label>
          </div>
        ))}
      </div>
    </ChoiceGroup>
  );
}

/** Lists every error at the top with a link to its field (WCAG 3.3.1). */
export function ErrorSummary({ form, labels }: { form: FormState; labels: Record<string, string> }) {
  const { t } = useView();
  const entries = Object.entries(form.errors);
  if (entries.length === 0) return null;
  return (
    <div class="kern-alert kern-alert--danger" role="alert" tabIndex={-1} id="error-summary">
      <div class="kern-alert__header">
        <span class="kern-title">{t('errors.validation.summary')}</span>
      </div>
      <div class="kern-alert__body">
        <ul class="kern-list">
          {entries.map(([field, message]) => (
            <li key={field}>
              <a class="kern-link" href={`#${field}`}>
                {labels[field] ? `${labels[field]}: ` : ''}
                {t(message.key, message.params)}
              </a>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}

/** What the form's main button sends: its label, and its name and value if it has them. */
export interface DefaultSubmitProps {
  label: string;
  name?: string;
  value?: string;
}

/**
 * The form's default button: Enter in a text field presses the first submit button of the form
 * (the browser's implicit submission), so a form whose save button comes after other submit
 * buttons (a picker's search and pages, FORM_REFRESH_FIELD) starts with this copy of the save
 * button. Hidden from sight, from the tab order and from assistive technology: the visible save
 * button stays the one to reach and to read.
 */
export function DefaultSubmit({ label, name, value }: DefaultSubmitProps) {
  return (
    <button type="submit" class="vv-visually-hidden" tabIndex={-1} aria-hidden="true" name={name} value={value}>
      {label}
    </button>
  );
}

export function Form({
  action,
  children,
  multipart,
  method = 'post',
  class: className,
  defaultSubmit,
}: {
  action: string;
  children: ComponentChildren;
  multipart?: boolean;
  method?: 'post' | 'get';
  class?: string;
  /** The main button again as the form's first, hidden one (see DefaultSubmit): needed where another submit button comes before it. */
  defaultSubmit?: DefaultSubmitProps;
}) {
  const { csrfToken } = useView();
  // Multipart bodies are parsed after the CSRF check runs, so the token rides in the query string there.
  const target = multipart ? `${action}${action.includes('?') ? '&' : '?'}_csrf=${encodeURIComponent(csrfToken)}` : action;
  return (
    <form method={method} action={target} enctype={multipart ? 'multipart/form-data' : undefined} class={className ?? 'vv-form'} noValidate>
      {method === 'post' && !multipart ? <input type="hidden" name="_csrf" value={csrfToken} /> : null}
      {defaultSubmit ? <DefaultSubmit {...defaultSubmit} /> : null}
      {children}
    </form>
  );
}

export function SubmitButton({ label, kind = 'primary' }: { label: string; kind?: 'primary' | 'secondary' | 'tertiary' }) {
  return (
    <button type="submit" class={`kern-btn kern-btn--${kind}`}>
      <span class="kern-label">{label}</span>
    </button>
  );
}

/** The end of most forms: the main button and a way back without saving. */
export function FormActions({ submitLabel, cancelHref }: { submitLabel: string; cancelHref: string }) {
  const { t } = useView();
  return (
    <div class="vv-actions">
      <SubmitButton label={submitLabel} />
      <a class="kern-link" href={cancelHref}>
        {t('common.cancel')}
      </a>
    </div>
  );
}

/** The page between "Löschen" and the deletion: says what goes and offers a way back. */
export function ConfirmDelete({ name, action, cancelHref, note }: { name: string; action: string; cancelHref: string; note?: string }) {
  const { t } = useView();
  return (
    <>
      <h1 class="kern-heading-large">{t('common.confirm_delete_title')}</h1>
      <p class="kern-body">{t('common.confirm_delete_text', { name })}</p>
      {note ? <p class="kern-body">{note}</p> : null}
      <Form action={action}>
        <FormActions submitLabel={t('common.delete')} cancelHref={cancelHref} />
      </Form>
    </>
  );
}
