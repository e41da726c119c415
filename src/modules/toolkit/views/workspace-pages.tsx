import type { PageResult } from '../../../platform/http/pagination.ts';
import { Pagination } from '../../../platform/views/components.tsx';
import { useView } from '../../../platform/views/context.ts';
import { CheckboxGroup, ErrorSummary, FileField, Form, FormActions, type FormState, SelectField, SubmitButton, TextArea, TextField } from '../../../platform/views/forms.tsx';
import type { MethodLists } from '../forms.ts';
import type { AttachmentRow } from './public-pages.tsx';
import { DURATIONS, FIELDS, FORMATS, GROUP_SIZES, LICENCES, type Status, TARGET_GROUPS, TRANSLATION_LOCALES } from '../tables.ts';

export interface TownMethodRow {
  id: number;
  title: string;
  status: Status;
  version: number;
  updated_at: Date;
  review_note: string;
}

export function StatusBadge({ status }: { status: Status }) {
  const { t } = useView();
  const kind = status === 'published' ? 'success' : status === 'changes_requested' ? 'warning' : 'info';
  return <span class={`kern-badge kern-badge--${kind}`}>{t(`toolkit.status.${status}`)}</span>;
}

/** The town's cards in every state, with what the office asked to change. */
export function TownToolkitPage({ ags, name, methods }: { ags: string; name: string; methods: PageResult<TownMethodRow> }) {
  const { t } = useView();
  const base = `/verwaltung/${ags}/werkzeugkoffer`;
  return (
    <>
      <h1 class="kern-heading-large">{t('toolkit.workspace.title', { name })}</h1>
      <p class="kern-body">{t('toolkit.workspace.lead')}</p>
      <p class="kern-body">
        <a class="kern-btn kern-btn--primary" href={`${base}/methoden/neu`}>
          <span class="kern-label">{t('toolkit.workspace.new_method')}</span>
        </a>{' '}
        <a class="kern-link" href={`${base}/beispiele`}>
          {t('toolkit.workspace.examples_link')}
        </a>
      </p>
      {methods.items.length ? (
        <div class="kern-table-responsive">
          <table class="kern-table kern-table--striped">
            <caption class="kern-title">{t('toolkit.workspace.methods')}</caption>
            <thead class="kern-table__header">
              <tr class="kern-table__row">
                {['title', 'status', 'version', 'note'].map((c) => (
                  <th key={c} scope="col" class="kern-table__cell">
                    {t(`toolkit.workspace.column_${c}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody class="kern-table__body">
              {methods.items.map((m) => (
                <tr class="kern-table__row" key={m.id}>
                  <th scope="row" class="kern-table__cell">
                    <a class="kern-link" href={`${base}/methoden/${m.id}`}>
                      {m.title}
                    </a>
                  </th>
                  <td class="kern-table__cell">
                    <StatusBadge status={m.status} />
                  </td>
                  <td class="kern-table__cell">{m.version}</td>
                  <td class="kern-table__cell">{m.status === 'changes_requested' ? m.review_note : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p class="kern-body">{t('toolkit.workspace.empty')}</p>
      )}
      <Pagination result={methods} path={base} query={{}} />
    </>
  );
}

export function methodLabels(t: (key: string) => string): Record<string, string> {
  return Object.fromEntries(
    ['title', 'summary', 'goal', 'steps', 'duration', 'groupSize', 'format', 'targetGroups', 'fieldsOfAction', 'materials', 'contact', 'languages', 'licence', 'easySummary'].map((f) => [
      f,
      t(`toolkit.form.${f}`),
    ]),
  );
}

/**
 * The card form. When the card exists: its state, the office's note, submit for review (while the
 * town has it), the translations and the versions.
 */
export function MethodFormPage({
  action,
  cancelHref,
  form,
  lists,
  locked,
  existing,
}: {
  action: string;
  cancelHref: string;
  form: FormState;
  lists: MethodLists;
  locked: boolean;
  existing?: {
    id: number;
    status: Status;
    reviewNote: string;
    canSubmit: boolean;
    translated: string[];
    translateBase: string;
    versions: Array<{ version: number; status: string; created_at: Date; actor: string | null }>;
    attachments: Array<AttachmentRow & { has_text: boolean }>;
    upload: FormState;
  };
}) {
  const { t } = useView();
  const labels = methodLabels(t);
  const choice = (name: string, values: readonly string[], prefix: string) => (
    <SelectField form={form} name={name} label={labels[name] ?? ''} required options={values.map((v) => ({ value: v, label: t(`${prefix}.${v}`) }))} />
  );
  return (
    <>
      <h1 class="kern-heading-large">{existing ? t('toolkit.workspace.edit_method') : t('toolkit.workspace.new_method')}</h1>
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
          <TextArea form={form} name="summary" label={labels.summary ?? ''} required rows={3} maxLength={600} />
          <TextArea form={form} name="goal" label={labels.goal ?? ''} rows={3} maxLength={2000} />
          <TextArea form={form} name="steps" label={labels.steps ?? ''} hint={t('toolkit.form.steps_hint')} required rows={8} maxLength={8000} />
          {choice('format', FORMATS, 'toolkit.format')}
          {choice('duration', DURATIONS, 'toolkit.duration')}
          {choice('groupSize', GROUP_SIZES, 'toolkit.size')}
          <CheckboxGroup
            name="fieldsOfAction"
            legend={labels.fieldsOfAction ?? ''}
            options={FIELDS.map((v) => ({ value: v, label: t(`toolkit.field.${v}`) }))}
            selected={lists.fieldsOfAction}
            error={form.errors.fieldsOfAction ? t(form.errors.fieldsOfAction.key) : undefined}
          />
          <CheckboxGroup
            name="targetGroups"
            legend={labels.targetGroups ?? ''}
            options={TARGET_GROUPS.map((v) => ({ value: v, label: t(`toolkit.target.${v}`) }))}
            selected={lists.targetGroups}
            error={form.errors.targetGroups ? t(form.errors.targetGroups.key) : undefined}
          />
          <TextArea form={form} name="materials" label={labels.materials ?? ''} rows={3} maxLength={3000} />
          <TextField form={form} name="contact" label={labels.contact ?? ''} hint={t('toolkit.form.contact_hint')} maxLength={300} />
          <TextField form={form} name="languages" label={labels.languages ?? ''} hint={t('toolkit.form.languages_hint')} maxLength={200} />
          <SelectField form={form} name="licence" label={labels.licence ?? ''} options={LICENCES.map((v) => ({ value: v, label: v }))} />
          <TextArea form={form} name="easySummary" label={labels.easySummary ?? ''} hint={t('toolkit.form.easy_hint')} rows={4} maxLength={1500} />
          <FormActions submitLabel={t('common.save')} cancelHref={cancelHref} />
        </Form>
      )}
      {existing?.canSubmit ? (
        <Form action={`${action}/einreichen`}>
          <p class="kern-body">{t('toolkit.workspace.submit_lead')}</p>
          <SubmitButton label={t('toolkit.workspace.submit')} kind="secondary" />
        </Form>
      ) : null}
      {existing ? <Attachments action={`${action}/anhaenge`} attachments={existing.attachments} upload={existing.upload} locked={locked} /> : null}
      {existing ? (
        <>
          <h2 class="kern-heading-medium">{t('toolkit.workspace.translations')}</h2>
          <ul class="kern-list">
            {TRANSLATION_LOCALES.map((l) => (
              <li key={l}>
                <a class="kern-link" href={`${existing.translateBase}/${l}`}>
                  {t(`toolkit.language.${l}`)}
                </a>{' '}
                – {existing.translated.includes(l) ? t('toolkit.workspace.translated') : t('toolkit.workspace.not_translated')}
              </li>
            ))}
          </ul>
          <VersionList versions={existing.versions} />
        </>
      ) : null}
    </>
  );
}

/** The card's attachments with a way to remove each, and the upload form (PDF, Word, PowerPoint, images). */
function Attachments({ action, attachments, upload, locked }: { action: string; attachments: Array<AttachmentRow & { has_text: boolean }>; upload: FormState; locked: boolean }) {
  const { t } = useView();
  const labels = { title: t('toolkit.workspace.attachment_title'), file: t('toolkit.workspace.attachment_file') };
  return (
    <>
      <h2 class="kern-heading-medium">{t('toolkit.card.attachments')}</h2>
      {attachments.length ? (
        <ul class="kern-list">
          {attachments.map((a) => (
            <li key={a.id}>
              <a class="kern-link" href={`/werkzeugkoffer/anhaenge/${a.id}`}>
                {a.title}
              </a>{' '}
              ({t(`toolkit.kind.${a.kind}`)}
              {a.has_text ? `, ${t('toolkit.workspace.attachment_searchable')}` : ''})
              {locked ? null : (
                <Form action={`${action}/${a.id}/loeschen`} class="vv-inline-form">
                  {' '}
                  <button type="submit" class="kern-btn kern-btn--tertiary">
                    <span class="kern-label">
                      {t('common.delete')}
                      <span class="vv-visually-hidden">: {a.title}</span>
                    </span>
                  </button>
                </Form>
              )}
            </li>
          ))}
        </ul>
      ) : (
        <p class="kern-body">{t('toolkit.workspace.no_attachments')}</p>
      )}
      {locked ? null : (
        <>
          <ErrorSummary form={upload} labels={labels} />
          <Form action={action} multipart>
            <TextField form={upload} name="title" label={labels.title} maxLength={200} />
            <FileField form={upload} name="file" label={labels.file} hint={t('toolkit.workspace.attachment_hint')} required accept=".pdf,.docx,.pptx,.png,.jpg,.jpeg" />
            <SubmitButton label={t('toolkit.workspace.attachment_add')} kind="secondary" />
          </Form>
        </>
      )}
    </>
  );
}

export function VersionList({ versions }: { versions: Array<{ version: number; status: string; created_at: Date; actor: string | null }> }) {
  const { t } = useView();
  return (
    <>
      <h2 class="kern-heading-medium">{t('toolkit.workspace.versions')}</h2>
      <ul class="vv-history">
        {versions.map((v) => (
          <li key={v.version}>
            {t('toolkit.workspace.version_line', { version: v.version, status: t(`toolkit.status.${v.status}`), at: v.created_at.toISOString().slice(0, 16).replace('T', ' '), actor: v.actor ?? '–' })}
          </li>
        ))}
      </ul>
    </>
  );
}

export function TranslationFormPage({
  action,
  cancelHref,
  form,
  locale,
  original,
}: {
  action: string;
  cancelHref: string;
  form: FormState;
  locale: string;
  original: { title: string; summary: string };
}) {
  const { t } = useView();
  const labels = methodLabels(t);
  return (
    <>
      <h1 class="kern-heading-large">{t('toolkit.workspace.translation_title', { language: t(`toolkit.language.${locale}`) })}</h1>
      <p class="kern-body">
        {t('toolkit.workspace.original')}: <strong lang="de">{original.title}</strong> – <span lang="de">{original.summary}</span>
      </p>
      <ErrorSummary form={form} labels={labels} />
      <Form action={action}>
        <TextField form={form} name="title" label={labels.title ?? ''} required maxLength={200} />
        <TextArea form={form} name="summary" label={labels.summary ?? ''} required rows={3} maxLength={600} />
        <TextArea form={form} name="goal" label={labels.goal ?? ''} rows={3} maxLength={2000} />
        <TextArea form={form} name="steps" label={labels.steps ?? ''} hint={t('toolkit.form.steps_hint')} rows={8} maxLength={8000} />
        <FormActions submitLabel={t('common.save')} cancelHref={cancelHref} />
      </Form>
    </>
  );
}
