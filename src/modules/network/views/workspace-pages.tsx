import type { PageResult } from '../../../platform/http/pagination.ts';
import { Pagination, SubNavigation } from '../../../platform/views/components.tsx';
import { useView } from '../../../platform/views/context.ts';
import { FilterForm, FilterSearch, RowActions } from '../../../platform/views/filters.tsx';
import { Checkbox, ErrorSummary, Form, FormActions, type FormState, SelectField, TextArea, TextField } from '../../../platform/views/forms.tsx';
import type { NetworkFigures, QuarterRow } from '../figures-repository.ts';
import type { DuplicateHit } from '../duplicates-repository.ts';
import type { NetworkTableRow } from '../picture.ts';
import { ORGANISATION_TYPES } from '../tables.ts';
import { DuplicateHits } from './duplicate-pages.tsx';
import { type NetworkPicture, NetworkState, ReferenceDateForm } from './figures.tsx';
import { type DirectoryEntry, type DirectoryQueryValues, TypeFilter } from './public-pages.tsx';

export type NetworkArea = 'overview' | 'organisations' | 'people' | 'memberships' | 'cooperations' | 'duplicates' | 'import';

export function NetworkNav({ ags, current }: { ags: string; current: NetworkArea }) {
  const { t } = useView();
  const base = `/verwaltung/${ags}/netzwerk`;
  const items = [
    ['overview', base, 'network.workspace.nav.overview'],
    ['organisations', `${base}/organisationen`, 'network.workspace.nav.organisations'],
    ['people', `${base}/personen`, 'network.workspace.nav.people'],
    ['memberships', `${base}/mitgliedschaften`, 'network.workspace.nav.memberships'],
    ['cooperations', `${base}/kooperationen`, 'network.workspace.nav.cooperations'],
    ['duplicates', `${base}/duplikate`, 'network.workspace.nav.duplicates'],
    ['import', `${base}/import`, 'network.workspace.nav.import'],
  ] as const;
  return <SubNavigation label={t('network.workspace.nav.label')} items={items} current={current} />;
}

export function NetworkOverviewPage({
  ags,
  name,
  day,
  from,
  figures,
  quarters,
  picture,
  table,
  query,
}: {
  ags: string;
  name: string;
  day: string;
  from: string;
  figures: NetworkFigures;
  quarters: QuarterRow[];
  picture: NetworkPicture;
  table: PageResult<NetworkTableRow>;
  query: Record<string, string | undefined>;
}) {
  const { t } = useView();
  return (
    <>
      <h1 class="kern-heading-large">{t('network.workspace.title', { name })}</h1>
      <NetworkNav ags={ags} current="overview" />
      <p class="kern-body">{t('network.workspace.lead')}</p>
      <p class="kern-body">
        <a class="kern-link" href={`/kommunen/${ags}/netzwerk`}>
          {t('network.workspace.public_link')}
        </a>
      </p>
      <ReferenceDateForm action={`/verwaltung/${ags}/netzwerk`} day={day} from={from} />
      <NetworkState figures={figures} quarters={quarters} picture={picture} table={table} day={day} from={from} path={`/verwaltung/${ags}/netzwerk`} query={query} />
    </>
  );
}

export interface OrganisationRow extends DirectoryEntry {
  is_public: boolean;
}

export function OrganisationsPage({ ags, entries, query }: { ags: string; entries: PageResult<OrganisationRow>; query: DirectoryQueryValues }) {
  const { t } = useView();
  const base = `/verwaltung/${ags}/netzwerk/organisationen`;
  return (
    <>
      <h1 class="kern-heading-large">{t('network.workspace.organisation.list_title')}</h1>
      <NetworkNav ags={ags} current="organisations" />
      <p class="kern-body">
        <a class="kern-btn kern-btn--primary" href={`${base}/neu`}>
          <span class="kern-label">{t('network.workspace.organisation.new')}</span>
        </a>
      </p>
      <p class="kern-body">
        <a class="kern-link" href={`${base}.csv`}>
          {t('network.workspace.export.organisations_csv')}
        </a>{' '}
        ·{' '}
        <a class="kern-link" href={`${base}.xlsx`}>
          {t('network.workspace.export.organisations_xlsx')}
        </a>{' '}
        ·{' '}
        <a class="kern-link" href={`/verwaltung/${ags}/netzwerk/kooperationen.csv`}>
          {t('network.workspace.export.cooperations_csv')}
        </a>{' '}
        ·{' '}
        <a class="kern-link" href={`/verwaltung/${ags}/netzwerk/kooperationen.xlsx`}>
          {t('network.workspace.export.cooperations_xlsx')}
        </a>
      </p>
      <FilterForm action={base} label={t('network.public.filter_label')}>
        <FilterSearch name="q" label={t('network.public.search')} value={query.q} />
        <TypeFilter value={query.typ} />
      </FilterForm>
      <p class="kern-body">{t('network.public.count', { count: entries.total })}</p>
      {entries.items.length ? (
        <div class="kern-table-responsive">
          <table class="kern-table kern-table--striped">
            <caption class="kern-title">{t('network.workspace.organisation.list_title')}</caption>
            <thead class="kern-table__header">
              <tr class="kern-table__row">
                {['name', 'type', 'public', 'actions'].map((c) => (
                  <th key={c} scope="col" class="kern-table__cell">
                    {t(`network.workspace.organisation.column_${c}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody class="kern-table__body">
              {entries.items.map((o) => (
                <tr class="kern-table__row" key={o.id}>
                  <th scope="row" class="kern-table__cell">
                    {o.name}
                  </th>
                  <td class="kern-table__cell">{t(`network.type.${o.type}`)}</td>
                  <td class="kern-table__cell">{o.is_public ? t('common.yes') : t('common.no')}</td>
                  <td class="kern-table__cell">
                    <RowActions editHref={`${base}/${o.id}`} deleteHref={`${base}/${o.id}/loeschen`} name={o.name} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p class="kern-body">{t('network.public.empty')}</p>
      )}
      <Pagination result={entries} path={base} query={query} />
    </>
  );
}

export function organisationLabels(t: (key: string) => string): Record<string, string> {
  return Object.fromEntries(
    ['name', 'type', 'fieldsOfAction', 'districtId', 'address', 'website', 'email', 'languages', 'description', 'isPublic'].map((f) => [f, t(`network.workspace.organisation.${f}`)]),
  );
}

export function OrganisationFormPage({ ags, id, form, districts, hits = [] }: { ags: string; id?: number; form: FormState; districts: Array<{ id: number; name: string }>; hits?: DuplicateHit[] }) {
  const { t } = useView();
  const base = `/verwaltung/${ags}/netzwerk/organisationen`;
  const labels = organisationLabels(t);
  return (
    <>
      <h1 class="kern-heading-large">{id ? t('network.workspace.organisation.edit_title') : t('network.workspace.organisation.new')}</h1>
      <NetworkNav ags={ags} current="organisations" />
      <ErrorSummary form={form} labels={labels} />
      <DuplicateHits ags={ags} hits={hits} currentId={id} />
      <Form action={id ? `${base}/${id}` : `${base}/neu`}>
        <TextField form={form} name="name" label={labels.name ?? ''} required maxLength={200} />
        <SelectField form={form} name="type" label={labels.type ?? ''} required options={ORGANISATION_TYPES.map((type) => ({ value: type, label: t(`network.type.${type}`) }))} />
        <TextField form={form} name="fieldsOfAction" label={labels.fieldsOfAction ?? ''} hint={t('network.workspace.organisation.tags_hint')} maxLength={500} />
        <SelectField
          form={form}
          name="districtId"
          label={labels.districtId ?? ''}
          emptyLabel={t('network.workspace.organisation.no_district')}
          options={districts.map((d) => ({ value: String(d.id), label: d.name }))}
        />
        <TextField form={form} name="address" label={labels.address ?? ''} maxLength={300} />
        <TextField form={form} name="website" type="url" label={labels.website ?? ''} hint={t('network.workspace.organisation.website_hint')} maxLength={300} />
        <TextField form={form} name="email" type="email" label={labels.email ?? ''} maxLength={254} />
        <TextField form={form} name="languages" label={labels.languages ?? ''} hint={t('network.workspace.organisation.tags_hint')} maxLength={300} />
        <TextArea form={form} name="description" label={labels.description ?? ''} rows={4} maxLength={2000} />
        <Checkbox form={form} name="isPublic" label={labels.isPublic ?? ''} />
        {!id && hits.length ? <Checkbox form={form} name="notDuplicate" label={t('network.workspace.duplicates.confirm_new')} /> : null}
        <FormActions submitLabel={t('common.save')} cancelHref={base} />
      </Form>
    </>
  );
}
