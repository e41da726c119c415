import type { FieldErrors } from '../../../platform/http/errors.ts';
import type { PageResult } from '../../../platform/http/pagination.ts';
import { formatDate } from '../../../platform/i18n/catalog.ts';
import { Pagination } from '../../../platform/views/components.tsx';
import { useView } from '../../../platform/views/context.ts';
import { ErrorSummary, FileField, Form, type FormState, RadioGroup, SelectField, SubmitButton } from '../../../platform/views/forms.tsx';
import { IMPORT_LIMITS } from '../import-file.ts';
import { IMPORT_FIELDS } from '../import-mapping.ts';
import { choiceField, type Preview, type PreviewRow } from '../import-service.ts';
import { NetworkNav, organisationLabels } from './workspace-pages.tsx';

const base = (ags: string) => `/verwaltung/${ags}/netzwerk/import`;
/** How many rows with errors and new rows the preview lists; the error file has them all. */
const SHOWN = 50;

export interface ImportListRow {
  id: number;
  file_name: string;
  status: 'pending' | 'done' | 'undone';
  created_count: number;
  updated_count: number;
  skipped_count: number;
  row_count: number;
  created_at: Date;
}

/** The upload form and the town's earlier imports. */
export function ImportStartPage({ ags, form, imports }: { ags: string; form: FormState; imports: PageResult<ImportListRow> }) {
  const { t, locale } = useView();
  return (
    <>
      <h1 class="kern-heading-large">{t('network.workspace.import.title')}</h1>
      <NetworkNav ags={ags} current="import" />
      <p class="kern-body">{t('network.workspace.import.lead', { rows: IMPORT_LIMITS.maxRows, megabytes: IMPORT_LIMITS.maxBytes / 1024 / 1024 })}</p>
      <ErrorSummary form={form} labels={{ file: t('network.workspace.import.file') }} />
      <Form action={base(ags)} multipart>
        <FileField form={form} name="file" label={t('network.workspace.import.file')} hint={t('network.workspace.import.file_hint')} accept=".csv,.xlsx,text/csv" required />
        <SubmitButton label={t('network.workspace.import.upload')} />
      </Form>
      <h2 class="kern-heading-medium">{t('network.workspace.import.history')}</h2>
      {imports.items.length ? (
        <div class="kern-table-responsive">
          <table class="kern-table kern-table--striped">
            <caption class="kern-title">{t('network.workspace.import.history')}</caption>
            <thead class="kern-table__header">
              <tr class="kern-table__row">
                {['file', 'date', 'status', 'rows', 'result'].map((c) => (
                  <th key={c} scope="col" class="kern-table__cell">
                    {t(`network.workspace.import.column_${c}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody class="kern-table__body">
              {imports.items.map((i) => (
                <tr class="kern-table__row" key={i.id}>
                  <th scope="row" class="kern-table__cell">
                    <a class="kern-link" href={`${base(ags)}/${i.id}`}>
                      {i.file_name}
                    </a>
                  </th>
                  <td class="kern-table__cell">{formatDate(locale, i.created_at, true)}</td>
                  <td class="kern-table__cell">{t(`network.workspace.import.status_${i.status}`)}</td>
                  <td class="kern-table__cell">{i.row_count}</td>
                  <td class="kern-table__cell">
                    {i.status === 'pending' ? '–' : t('network.workspace.import.result', { created: i.created_count, updated: i.updated_count, skipped: i.skipped_count })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p class="kern-body">{t('network.workspace.import.none')}</p>
      )}
      <Pagination result={imports} path={base(ags)} query={{}} />
    </>
  );
}

export interface ImportSummary {
  id: number;
  file_name: string;
  headers: string[];
  mapping: Record<string, string | undefined>;
  status: 'pending' | 'done' | 'undone';
  created_count: number;
  updated_count: number;
  skipped_count: number;
  row_count: number;
}

function messages(t: (key: string, params?: Record<string, unknown>) => string, labels: Record<string, string>, errors: FieldErrors): string {
  return Object.entries(errors)
    .map(([field, m]) => `${labels[field] ?? field}: ${t(m.key, m.params)}`)
    .join('; ');
}

/** The cell of the row that the mapping reads as the name, for a row's caption. */
const nameOf = (row: PreviewRow, mapping: ImportSummary['mapping']) => row.cells[Number(mapping.name)] ?? '';

/**
 * One import: while pending, the mapping form and the preview with a choice per likely duplicate
 * and the button that runs it; afterwards what it did, the error file and the undo.
 */
export function ImportPage({ ags, imp, mappingForm, choiceForm, preview }: { ags: string; imp: ImportSummary; mappingForm: FormState; choiceForm: FormState; preview: Preview | null }) {
  const { t } = useView();
  const labels = organisationLabels(t);
  const href = `${base(ags)}/${imp.id}`;
  const columns = imp.headers.map((h, i) => ({ value: String(i), label: h }));
  return (
    <>
      <h1 class="kern-heading-large">{t('network.workspace.import.page_title', { file: imp.file_name })}</h1>
      <NetworkNav ags={ags} current="import" />
      <p class="kern-body">
        {t(`network.workspace.import.status_${imp.status}`)} · {t('network.workspace.import.row_count', { count: imp.row_count })}
      </p>
      {imp.status === 'pending' ? null : (
        <>
          <p class="kern-body">{t('network.workspace.import.result', { created: imp.created_count, updated: imp.updated_count, skipped: imp.skipped_count })}</p>
          {imp.status === 'done' ? (
            <Form action={`${href}/rueckgaengig`}>
              <p class="kern-body">{t('network.workspace.import.undo_hint')}</p>
              <SubmitButton kind="secondary" label={t('network.workspace.import.undo')} />
            </Form>
          ) : null}
        </>
      )}
      <p class="kern-body">
        <a class="kern-link" href={`${href}/fehler.csv`}>
          {t('network.workspace.import.error_file')}
        </a>
      </p>
      {imp.status === 'pending' ? (
        <>
          <h2 class="kern-heading-medium">{t('network.workspace.import.mapping_title')}</h2>
          <p class="kern-body">{t('network.workspace.import.mapping_lead')}</p>
          <ErrorSummary form={mappingForm} labels={labels} />
          <Form action={`${href}/zuordnung`}>
            {IMPORT_FIELDS.map((field) => (
              <SelectField
                key={field}
                form={mappingForm}
                name={field}
                label={labels[field] ?? field}
                required={field === 'name'}
                emptyLabel={t('network.workspace.import.not_mapped')}
                options={columns}
              />
            ))}
            <SubmitButton kind="secondary" label={t('network.workspace.import.apply_mapping')} />
          </Form>
        </>
      ) : null}
      {preview && imp.status === 'pending' ? <PreviewSection ags={ags} imp={imp} preview={preview} form={choiceForm} labels={labels} /> : null}
    </>
  );
}

function PreviewSection({ ags, imp, preview, form, labels }: { ags: string; imp: ImportSummary; preview: Preview; form: FormState; labels: Record<string, string> }) {
  const { t } = useView();
  const errors = preview.rows.filter((r) => !r.values);
  const duplicates = preview.rows.filter((r) => r.values && r.hits.length);
  const fresh = preview.rows.filter((r) => r.values && r.hits.length === 0);
  const choiceLabels = Object.fromEntries(duplicates.map((r) => [choiceField(r.line), t('network.workspace.import.line', { line: r.line, name: nameOf(r, imp.mapping) })]));
  return (
    <section aria-labelledby="vorschau">
      <h2 class="kern-heading-medium" id="vorschau">
        {t('network.workspace.import.preview_title')}
      </h2>
      <p class="kern-body">{t('network.workspace.import.counts', preview.counts)}</p>
      {errors.length ? (
        <div class="kern-table-responsive">
          <table class="kern-table kern-table--striped">
            <caption class="kern-title">{t('network.workspace.import.errors_title', { count: errors.length })}</caption>
            <thead class="kern-table__header">
              <tr class="kern-table__row">
                {['line', 'name', 'reasons'].map((c) => (
                  <th key={c} scope="col" class="kern-table__cell">
                    {t(`network.workspace.import.column_${c}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody class="kern-table__body">
              {errors.slice(0, SHOWN).map((r) => (
                <tr class="kern-table__row" key={r.line}>
                  <th scope="row" class="kern-table__cell">
                    {r.line}
                  </th>
                  <td class="kern-table__cell">{nameOf(r, imp.mapping)}</td>
                  <td class="kern-table__cell">{messages(t, labels, r.errors)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {errors.length > SHOWN ? <p class="kern-body">{t('network.workspace.import.more_in_file', { count: errors.length - SHOWN })}</p> : null}
      {fresh.length ? (
        <div class="kern-table-responsive">
          <table class="kern-table kern-table--striped">
            <caption class="kern-title">{t('network.workspace.import.new_title', { count: fresh.length })}</caption>
            <thead class="kern-table__header">
              <tr class="kern-table__row">
                {['line', 'name', 'type'].map((c) => (
                  <th key={c} scope="col" class="kern-table__cell">
                    {t(`network.workspace.import.column_${c}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody class="kern-table__body">
              {fresh.slice(0, SHOWN).map((r) => (
                <tr class="kern-table__row" key={r.line}>
                  <th scope="row" class="kern-table__cell">
                    {r.line}
                  </th>
                  <td class="kern-table__cell">{r.values?.name}</td>
                  <td class="kern-table__cell">{t(`network.type.${r.values?.type}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {fresh.length > SHOWN ? <p class="kern-body">{t('network.workspace.import.more_new', { count: fresh.length - SHOWN })}</p> : null}
      <Form action={`${base(ags)}/${imp.id}/ausfuehren`}>
        {duplicates.length ? (
          <>
            <h3 class="kern-heading-small">{t('network.workspace.import.duplicates_title', { count: duplicates.length })}</h3>
            <ErrorSummary form={form} labels={choiceLabels} />
            {duplicates.map((r) => (
              <RadioGroup
                key={r.line}
                form={form}
                name={choiceField(r.line)}
                legend={choiceLabels[choiceField(r.line)] ?? ''}
                options={[
                  { value: 'skip', label: t('network.workspace.import.choice_skip') },
                  { value: 'create', label: t('network.workspace.import.choice_create') },
                  ...r.hits.map((h) => ({ value: `update-${h.id}`, label: t('network.workspace.import.choice_update', { name: h.name, score: h.score }) })),
                ]}
              />
            ))}
          </>
        ) : null}
        <p class="kern-body">{t('network.workspace.import.run_hint')}</p>
        <SubmitButton label={t('network.workspace.import.run')} />
      </Form>
    </section>
  );
}
