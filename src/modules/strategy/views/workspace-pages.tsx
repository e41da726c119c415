import { MEASURE_STATUSES, type MeasureStatus } from '../tables.ts';
import { formatDate } from '../../../platform/i18n/catalog.ts';
import { useView } from '../../../platform/views/context.ts';
import { RowActions } from '../../../platform/views/filters.tsx';
import { ErrorSummary, FileField, Form, FormActions, type FormState, SubmitButton, TextArea, TextField } from '../../../platform/views/forms.tsx';
import { WorkspaceNav } from './parts.tsx';

export function WorkspacePage({ ags, name, counts, fieldCount, versionCount }: { ags: string; name: string; counts: Record<MeasureStatus, number>; fieldCount: number; versionCount: number }) {
  const { t } = useView();
  const total = MEASURE_STATUSES.reduce((sum, s) => sum + counts[s], 0);
  return (
    <>
      <h1 class="kern-heading-large">{t('strategy.workspace.title', { name })}</h1>
      <WorkspaceNav ags={ags} current="overview" />
      <div class="vv-grid">
        <section class="kern-card vv-card" aria-labelledby="ws-strategy">
          <h2 class="kern-heading-small" id="ws-strategy">
            <a class="kern-link" href={`/verwaltung/${ags}/strategie`}>
              {t('strategy.workspace.versions')}
            </a>
          </h2>
          <p class="kern-body">{t('strategy.workspace.version_count', { count: versionCount })}</p>
        </section>
        <section class="kern-card vv-card" aria-labelledby="ws-fields">
          <h2 class="kern-heading-small" id="ws-fields">
            <a class="kern-link" href={`/verwaltung/${ags}/handlungsfelder`}>
              {t('strategy.workspace.fields')}
            </a>
          </h2>
          <p class="kern-body">{t('strategy.workspace.field_count', { count: fieldCount })}</p>
        </section>
        <section class="kern-card vv-card" aria-labelledby="ws-measures">
          <h2 class="kern-heading-small" id="ws-measures">
            <a class="kern-link" href={`/verwaltung/${ags}/massnahmen`}>
              {t('strategy.workspace.measures')}
            </a>
          </h2>
          <p class="kern-body">{t('strategy.workspace.measure_count', { count: total })}</p>
          <ul class="kern-list">
            {MEASURE_STATUSES.map((s) => (
              <li key={s}>{t('strategy.summary.status_count', { status: t(`strategy.status.${s}`), count: counts[s] })}</li>
            ))}
          </ul>
        </section>
        <section class="kern-card vv-card" aria-labelledby="ws-network">
          <h2 class="kern-heading-small" id="ws-network">
            <a class="kern-link" href={`/verwaltung/${ags}/netzwerk`}>
              {t('network.workspace.overview_link')}
            </a>
          </h2>
          <p class="kern-body">{t('network.workspace.overview_text')}</p>
        </section>
        <section class="kern-card vv-card" aria-labelledby="ws-public">
          <h2 class="kern-heading-small" id="ws-public">
            {t('strategy.workspace.public')}
          </h2>
          <p class="kern-body">
            <a class="kern-link" href={`/kommunen/${ags}/umsetzung`}>
              {t('strategy.workspace.public_link')}
            </a>
          </p>
        </section>
      </div>
    </>
  );
}

export interface VersionRow {
  id: number;
  title: string;
  version_label: string;
  adopted_on: string | null;
  summary: string;
  document_file_id: number | null;
  document_name: string | null;
  document_size: number | null;
}

function VersionFields({ form, editing }: { form: FormState; editing: boolean }) {
  const { t } = useView();
  return (
    <>
      <TextField form={form} name="title" label={t('strategy.version.title_field')} required maxLength={200} />
      <TextField form={form} name="versionLabel" label={t('strategy.version.label')} hint={t('strategy.version.label_hint')} required maxLength={50} />
      <TextField form={form} name="adoptedOn" type="date" label={t('strategy.version.adopted_on')} hint={t('strategy.version.adopted_hint')} />
      <TextArea form={form} name="summary" label={t('strategy.version.summary')} rows={4} maxLength={5000} />
      <FileField
        form={form}
        name="document"
        accept="application/pdf,.pdf"
        label={editing ? t('strategy.version.document_replace') : t('strategy.version.document')}
        hint={t('strategy.version.document_hint')}
      />
    </>
  );
}

export function versionLabels(t: (key: string) => string): Record<string, string> {
  return {
    title: t('strategy.version.title_field'),
    versionLabel: t('strategy.version.label'),
    adoptedOn: t('strategy.version.adopted_on'),
    summary: t('strategy.version.summary'),
    document: t('strategy.version.document'),
  };
}

export function VersionsPage({ ags, name, versions, form }: { ags: string; name: string; versions: VersionRow[]; form: FormState }) {
  const { t, locale } = useView();
  return (
    <>
      <h1 class="kern-heading-large">{t('strategy.version.page_title', { name })}</h1>
      <WorkspaceNav ags={ags} current="strategy" />
      {versions.length ? (
        <div class="kern-table-responsive">
          <table class="kern-table kern-table--striped">
            <caption class="kern-title">{t('strategy.version.list_caption')}</caption>
            <thead class="kern-table__header">
              <tr class="kern-table__row">
                <th scope="col" class="kern-table__cell">
                  {t('strategy.version.title_field')}
                </th>
                <th scope="col" class="kern-table__cell">
                  {t('strategy.version.label')}
                </th>
                <th scope="col" class="kern-table__cell">
                  {t('strategy.version.adopted_on')}
                </th>
                <th scope="col" class="kern-table__cell">
                  {t('strategy.version.document')}
                </th>
                <th scope="col" class="kern-table__cell">
                  {t('common.actions')}
                </th>
              </tr>
            </thead>
            <tbody class="kern-table__body">
              {versions.map((v) => (
                <tr class="kern-table__row" key={v.id}>
                  <th scope="row" class="kern-table__cell">
                    {v.title}
                  </th>
                  <td class="kern-table__cell">{v.version_label}</td>
                  <td class="kern-table__cell">{v.adopted_on ? formatDate(locale, v.adopted_on) : t('strategy.summary.draft')}</td>
                  <td class="kern-table__cell">
                    {v.document_file_id ? (
                      <a class="kern-link" href={`/kommunen/${ags}/strategie/${v.id}/dokument`}>
                        {t('strategy.version.download', { name: v.document_name ?? '', size: Math.max(1, Math.round((v.document_size ?? 0) / 1024)) })}
                      </a>
                    ) : (
                      t('common.none')
                    )}
                  </td>
                  <td class="kern-table__cell vv-table-actions">
                    <RowActions editHref={`/verwaltung/${ags}/strategie/${v.id}`} deleteHref={`/verwaltung/${ags}/strategie/${v.id}/loeschen`} name={v.title} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p class="kern-body">{t('strategy.summary.no_version')}</p>
      )}
      <h2 class="kern-heading-medium">{t('strategy.version.add')}</h2>
      <ErrorSummary form={form} labels={versionLabels(t)} />
      <Form action={`/verwaltung/${ags}/strategie`} multipart>
        <VersionFields form={form} editing={false} />
        <SubmitButton label={t('strategy.version.add')} />
      </Form>
    </>
  );
}

export function VersionEditPage({ ags, id, form }: { ags: string; id: number; form: FormState }) {
  const { t } = useView();
  return (
    <>
      <h1 class="kern-heading-large">{t('strategy.version.edit_title')}</h1>
      <ErrorSummary form={form} labels={versionLabels(t)} />
      <Form action={`/verwaltung/${ags}/strategie/${id}`} multipart>
        <VersionFields form={form} editing />
        <FormActions submitLabel={t('common.save')} cancelHref={`/verwaltung/${ags}/strategie`} />
      </Form>
    </>
  );
}

export function WorkspaceChoicePage({ towns }: { towns: Array<{ ags: string; name: string }> }) {
  const { t } = useView();
  return (
    <>
      <h1 class="kern-heading-large">{t('strategy.workspace.choose_title')}</h1>
      <ul class="kern-list">
        {towns.map((town) => (
          <li key={town.ags}>
            <a class="kern-link" href={`/verwaltung/${town.ags}`}>
              {town.name}
            </a>
          </li>
        ))}
      </ul>
    </>
  );
}
