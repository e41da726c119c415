import type { PageResult } from '../../../platform/http/pagination.ts';
import { Pagination } from '../../../platform/views/components.tsx';
import { useView } from '../../../platform/views/context.ts';
import { FilterForm, FilterSearch, FilterSelect } from '../../../platform/views/filters.tsx';
import type { NetworkFigures, QuarterRow } from '../figures-repository.ts';
import type { NetworkTableRow } from '../picture.ts';
import { ORGANISATION_TYPES, type OrganisationType } from '../tables.ts';
import { type NetworkPicture, NetworkState, ReferenceDateForm } from './figures.tsx';

export interface DirectoryEntry {
  id: number;
  name: string;
  type: OrganisationType;
  fields_of_action: string[];
  address: string;
  website: string;
  email: string;
  languages: string[];
  description: string;
  district_name: string | null;
}

export type DirectoryQueryValues = Record<string, string | undefined> & {
  q?: string;
  typ?: string;
  stand?: string;
  von?: string;
};

export function TypeFilter({ value }: { value: string | undefined }) {
  const { t } = useView();
  return <FilterSelect name="typ" label={t('network.public.type_filter')} value={value} options={ORGANISATION_TYPES.map((type) => ({ value: type, label: t(`network.type.${type}`) }))} />;
}

/** The public directory of a town's network: public organisations only, searchable, then the figures and the picture. */
export function DirectoryPage({
  ags,
  name,
  entries,
  query,
  day,
  from,
  figures,
  quarters,
  picture,
  table,
}: {
  ags: string;
  name: string;
  entries: PageResult<DirectoryEntry>;
  query: DirectoryQueryValues;
  day: string;
  from: string;
  figures: NetworkFigures;
  quarters: QuarterRow[];
  picture: NetworkPicture;
  table: PageResult<NetworkTableRow>;
}) {
  const { t } = useView();
  const path = `/kommunen/${ags}/netzwerk`;
  const graphQuery = { ...query, seite: entries.page > 1 ? String(entries.page) : undefined };
  return (
    <>
      <h1 class="kern-heading-large">{t('network.public.title', { name })}</h1>
      <p class="kern-body">{t('network.public.lead')}</p>
      <FilterForm action={path} label={t('network.public.filter_label')}>
        <FilterSearch name="q" label={t('network.public.search')} value={query.q} />
        <TypeFilter value={query.typ} />
      </FilterForm>
      <p class="kern-body" aria-live="polite">
        {t('network.public.count', { count: entries.total })}
      </p>
      {entries.items.length ? (
        <ul class="vv-cards">
          {entries.items.map((o) => (
            <li key={o.id} class="kern-card vv-card">
              <h2 class="kern-heading-small">{o.name}</h2>
              <p class="kern-body">
                <span class="kern-badge kern-badge--info">{t(`network.type.${o.type}`)}</span>
                {o.district_name ? ` · ${o.district_name}` : ''}
              </p>
              {o.description ? <p class="kern-body">{o.description}</p> : null}
              <dl class="vv-details">
                {o.fields_of_action.length ? (
                  <>
                    <dt>{t('network.public.fields_of_action')}</dt>
                    <dd>{o.fields_of_action.join(', ')}</dd>
                  </>
                ) : null}
                {o.languages.length ? (
                  <>
                    <dt>{t('network.public.languages')}</dt>
                    <dd>{o.languages.join(', ')}</dd>
                  </>
                ) : null}
                {o.address ? (
                  <>
                    <dt>{t('network.public.address')}</dt>
                    <dd>{o.address}</dd>
                  </>
                ) : null}
                {o.website ? (
                  <>
                    <dt>{t('network.public.website')}</dt>
                    <dd>
                      <a class="kern-link" href={o.website} rel="nofollow noopener">
                        {o.website}
                      </a>
                    </dd>
                  </>
                ) : null}
                {o.email ? (
                  <>
                    <dt>{t('network.public.email')}</dt>
                    <dd>
                      <a class="kern-link" href={`mailto:${o.email}`}>
                        {o.email}
                      </a>
                    </dd>
                  </>
                ) : null}
              </dl>
            </li>
          ))}
        </ul>
      ) : (
        <p class="kern-body">{t('network.public.empty')}</p>
      )}
      <Pagination result={entries} path={path} query={query} />
      <ReferenceDateForm action={path} day={day} from={from} hidden={{ q: query.q, typ: query.typ }} />
      <NetworkState figures={figures} quarters={quarters} picture={picture} table={table} day={day} from={from} path={path} query={graphQuery} />
    </>
  );
}
