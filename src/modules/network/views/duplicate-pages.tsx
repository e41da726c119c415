import type { PageResult } from '../../../platform/http/pagination.ts';
import { Pagination } from '../../../platform/views/components.tsx';
import { useView } from '../../../platform/views/context.ts';
import { ErrorSummary, Form, FormActions, type FormState, RadioGroup, SubmitButton } from '../../../platform/views/forms.tsx';
import type { DuplicateHit, DuplicatePair } from '../duplicates-repository.ts';
import { MERGE_FIELDS, type MergeField } from '../merge.ts';
import type { PersonPair } from '../people-duplicates-repository.ts';
import { PersonPairs } from './person-merge-pages.tsx';
import { NetworkNav, organisationLabels } from './workspace-pages.tsx';

const base = (ags: string) => `/verwaltung/${ags}/netzwerk`;
const mergeHref = (ags: string, keep: number, other: number) => `${base(ags)}/organisationen/${keep}/zusammenfuehren/${other}`;

/** Why a record looks like a duplicate, in words: the criteria of the rule that matched. */
function reasons(t: (key: string) => string, hit: DuplicateHit): string {
  const list = [
    hit.same_website ? t('network.workspace.duplicates.same_website') : '',
    hit.same_email ? t('network.workspace.duplicates.same_email') : '',
    hit.same_address ? t('network.workspace.duplicates.same_address') : '',
  ].filter(Boolean);
  return list.length ? list.join(', ') : t('network.workspace.duplicates.similar_name');
}

/** The likely duplicates next to a form: shown before a new record is saved, and on the edit page with a way to merge. */
export function DuplicateHits({ ags, hits, currentId }: { ags: string; hits: DuplicateHit[]; currentId?: number }) {
  const { t } = useView();
  if (hits.length === 0) return null;
  return (
    <div class="kern-alert kern-alert--warning" role="status">
      <div class="kern-alert__header">
        <span class="kern-title">{t('network.workspace.duplicates.hits_title', { count: hits.length })}</span>
      </div>
      <div class="kern-alert__body">
        <ul class="kern-list">
          {hits.map((h) => (
            <li key={h.id}>
              <a class="kern-link" href={currentId ? mergeHref(ags, currentId, h.id) : `${base(ags)}/organisationen/${h.id}`}>
                {h.name}
              </a>{' '}
              ({t(`network.type.${h.type}`)}; {reasons(t, h)}; {t('network.workspace.duplicates.score', { score: h.score })})
            </li>
          ))}
        </ul>
        {currentId ? null : <p class="kern-body">{t('network.workspace.duplicates.hits_hint')}</p>}
      </div>
    </div>
  );
}

export function DuplicatesPage({ ags, pairs, queued, personPairs }: { ags: string; pairs: PageResult<DuplicatePair>; queued: number; personPairs: PersonPair[] }) {
  const { t } = useView();
  return (
    <>
      <h1 class="kern-heading-large">{t('network.workspace.duplicates.title')}</h1>
      <NetworkNav ags={ags} current="duplicates" />
      <p class="kern-body">{t('network.workspace.duplicates.lead')}</p>
      {queued > 0 ? (
        <div class="kern-alert kern-alert--info" role="status">
          <div class="kern-alert__body">
            <p class="kern-body">{t('network.workspace.duplicates.queued', { count: queued })}</p>
          </div>
        </div>
      ) : null}
      {pairs.items.length ? (
        <div class="kern-table-responsive">
          <table class="kern-table kern-table--striped">
            <caption class="kern-title">{t('network.workspace.duplicates.caption', { total: pairs.total })}</caption>
            <thead class="kern-table__header">
              <tr class="kern-table__row">
                {['first', 'second', 'score', 'actions'].map((c) => (
                  <th key={c} scope="col" class="kern-table__cell">
                    {t(`network.workspace.duplicates.column_${c}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody class="kern-table__body">
              {pairs.items.map((p) => (
                <tr class="kern-table__row" key={`${p.first_id}-${p.second_id}`}>
                  <th scope="row" class="kern-table__cell">
                    {p.first_name}
                  </th>
                  <td class="kern-table__cell">{p.second_name}</td>
                  <td class="kern-table__cell">{p.score}</td>
                  <td class="kern-table__cell">
                    <a class="kern-link" href={mergeHref(ags, p.first_id, p.second_id)}>
                      {t('network.workspace.duplicates.compare', { first: p.first_name, second: p.second_name })}
                    </a>
                    <Form action={`${base(ags)}/organisationen/${p.first_id}/kein-duplikat/${p.second_id}`} class="vv-inline-form">
                      <button type="submit" class="kern-btn kern-btn--tertiary">
                        <span class="kern-label">{t('network.workspace.duplicates.not_duplicate')}</span>
                        <span class="vv-visually-hidden">
                          {' '}
                          {p.first_name} / {p.second_name}
                        </span>
                      </button>
                    </Form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p class="kern-body">{t('network.workspace.duplicates.none')}</p>
      )}
      <Pagination result={pairs} path={`${base(ags)}/duplikate`} query={{}} label={t('network.workspace.duplicates.pages')} />
      <PersonPairs ags={ags} pairs={personPairs} />
    </>
  );
}

export interface MergeRecord {
  id: number;
  name: string;
  type: string;
  fields_of_action: string[];
  district_name: string | null;
  address: string;
  website: string;
  email: string;
  languages: string[];
  description: string;
  is_public: boolean;
  memberships: number;
  cooperations: number;
}

function shown(t: (key: string) => string, record: MergeRecord, field: MergeField): string {
  const column = MERGE_FIELDS[field];
  if (column === 'type') return t(`network.type.${record.type}`);
  if (column === 'district_id') return record.district_name ?? '–';
  if (column === 'is_public') return record.is_public ? t('common.yes') : t('common.no');
  const value = record[column];
  const text = Array.isArray(value) ? value.join(', ') : String(value);
  return text === '' ? '–' : text;
}

/** Both records side by side, one choice per field, and what moves with the merge. */
export function MergePage({ ags, keep, other, form }: { ags: string; keep: MergeRecord; other: MergeRecord; form: FormState }) {
  const { t } = useView();
  const labels = organisationLabels(t);
  const fields = Object.keys(MERGE_FIELDS) as MergeField[];
  return (
    <>
      <h1 class="kern-heading-large">{t('network.workspace.merge.title')}</h1>
      <NetworkNav ags={ags} current="duplicates" />
      <p class="kern-body">{t('network.workspace.merge.lead', { keep: keep.name, other: other.name })}</p>
      <ErrorSummary form={form} labels={labels} />
      <div class="kern-table-responsive">
        <table class="kern-table kern-table--striped">
          <caption class="kern-title">{t('network.workspace.merge.compare_caption')}</caption>
          <thead class="kern-table__header">
            <tr class="kern-table__row">
              <th scope="col" class="kern-table__cell">
                {t('network.workspace.merge.field')}
              </th>
              <th scope="col" class="kern-table__cell">
                {t('network.workspace.merge.kept', { name: keep.name })}
              </th>
              <th scope="col" class="kern-table__cell">
                {t('network.workspace.merge.merged', { name: other.name })}
              </th>
            </tr>
          </thead>
          <tbody class="kern-table__body">
            {fields.map((f) => (
              <tr class="kern-table__row" key={f}>
                <th scope="row" class="kern-table__cell">
                  {labels[f]}
                </th>
                <td class="kern-table__cell">{shown(t, keep, f)}</td>
                <td class="kern-table__cell">{shown(t, other, f)}</td>
              </tr>
            ))}
            <tr class="kern-table__row">
              <th scope="row" class="kern-table__cell">
                {t('network.workspace.merge.links')}
              </th>
              <td class="kern-table__cell">{t('network.workspace.merge.link_counts', { memberships: keep.memberships, cooperations: keep.cooperations })}</td>
              <td class="kern-table__cell">{t('network.workspace.merge.link_counts', { memberships: other.memberships, cooperations: other.cooperations })}</td>
            </tr>
          </tbody>
        </table>
      </div>
      <p class="kern-body">
        <a class="kern-link" href={mergeHref(ags, other.id, keep.id)}>
          {t('network.workspace.merge.swap', { name: other.name })}
        </a>
      </p>
      <Form action={mergeHref(ags, keep.id, other.id)}>
        {fields.map((f) => (
          <RadioGroup
            key={f}
            form={form}
            name={f}
            legend={labels[f] ?? f}
            options={[
              { value: 'keep', label: shown(t, keep, f) },
              { value: 'other', label: shown(t, other, f) },
            ]}
          />
        ))}
        <p class="kern-body">{t('network.workspace.merge.note', { other: other.name, keep: keep.name })}</p>
        <FormActions submitLabel={t('network.workspace.merge.submit')} cancelHref={`${base(ags)}/duplikate`} />
      </Form>
      <Form action={`${base(ags)}/organisationen/${keep.id}/kein-duplikat/${other.id}`}>
        <SubmitButton kind="secondary" label={t('network.workspace.duplicates.not_duplicate')} />
      </Form>
    </>
  );
}
