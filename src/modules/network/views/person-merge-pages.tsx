import { formatDate } from '../../../platform/i18n/catalog.ts';
import { useView } from '../../../platform/views/context.ts';
import { ErrorSummary, Form, FormActions, type FormState, RadioGroup, SubmitButton } from '../../../platform/views/forms.tsx';
import type { PersonHit } from '../duplicates-repository.ts';
import type { PersonMergeRecord, PersonPair } from '../people-duplicates-repository.ts';
import { PERSON_MERGE_FIELDS, type PersonMergeField } from '../person-merge.ts';
import { NetworkNav } from './workspace-pages.tsx';

const people = (ags: string) => `/verwaltung/${ags}/netzwerk/personen`;
const mergeHref = (ags: string, keep: number, other: number) => `${people(ags)}/${keep}/zusammenfuehren/${other}`;
const distinctHref = (ags: string, first: number, second: number) => `${people(ags)}/${first}/kein-duplikat/${second}`;

/** The people like the one being entered, above the form: a new record is saved only once the coordinator confirms it is someone else. */
export function PersonHits({ hits }: { hits: PersonHit[] }) {
  const { t } = useView();
  if (hits.length === 0) return null;
  return (
    <div class="kern-alert kern-alert--warning" role="status">
      <div class="kern-alert__header">
        <span class="kern-title">{t('network.workspace.person.hits_title', { count: hits.length })}</span>
      </div>
      <div class="kern-alert__body">
        <ul class="kern-list">
          {hits.map((h) => (
            <li key={h.id}>
              {h.name} ({h.same_account ? t('network.workspace.person.same_account') : t('network.workspace.duplicates.similar_name')}; {t('network.workspace.duplicates.score', { score: h.score })})
            </li>
          ))}
        </ul>
        <p class="kern-body">{t('network.workspace.person.hits_hint')}</p>
      </div>
    </div>
  );
}

/** The likely duplicate people of the town on the duplicates page, each pair with "compare and merge" and "not a duplicate". */
export function PersonPairs({ ags, pairs }: { ags: string; pairs: PersonPair[] }) {
  const { t } = useView();
  return (
    <section aria-labelledby="person-pairs">
      <h2 class="kern-heading-medium" id="person-pairs">
        {t('network.workspace.duplicates.people_heading')}
      </h2>
      <p class="kern-body">{t('network.workspace.duplicates.people_lead')}</p>
      {pairs.length ? (
        <div class="kern-table-responsive">
          <table class="kern-table kern-table--striped">
            <caption class="kern-title">{t('network.workspace.duplicates.people_heading')}</caption>
            <thead class="kern-table__header">
              <tr class="kern-table__row">
                {['person', 'similar_person', 'score', 'actions'].map((c) => (
                  <th key={c} scope="col" class="kern-table__cell">
                    {t(`network.workspace.duplicates.column_${c}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody class="kern-table__body">
              {pairs.map((p) => (
                <tr class="kern-table__row" key={`${p.first_id}-${p.second_id}`}>
                  <th scope="row" class="kern-table__cell">
                    {p.first_name}
                  </th>
                  <td class="kern-table__cell">{p.second_name}</td>
                  <td class="kern-table__cell">{p.score}</td>
                  <td class="kern-table__cell">
                    <a class="kern-link" href={mergeHref(ags, p.first_id, p.second_id)}>
                      {t('network.workspace.duplicates.compare')}
                      <span class="vv-visually-hidden">
                        : {p.first_name} / {p.second_name}
                      </span>
                    </a>
                    <Form action={distinctHref(ags, p.first_id, p.second_id)} class="vv-inline-form">
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
        <p class="kern-body">{t('network.workspace.duplicates.people_none')}</p>
      )}
    </section>
  );
}

function shown(t: (key: string, params?: Record<string, unknown>) => string, locale: string, record: PersonMergeRecord, field: PersonMergeField): string {
  if (field === 'name') return record.name;
  if (field === 'account') return record.user_email ?? t('network.workspace.person_merge.no_account');
  return t('network.workspace.person.consent_text', { purpose: record.consent_purpose, version: record.consent_version, date: formatDate(locale, record.consent_given_at) });
}

/** Both people side by side, one choice per field (the consent as a whole), and what moves with the merge. */
export function PersonMergePage({ ags, keep, other, form }: { ags: string; keep: PersonMergeRecord; other: PersonMergeRecord; form: FormState }) {
  const { t, locale } = useView();
  const labels = Object.fromEntries(PERSON_MERGE_FIELDS.map((f) => [f, t(`network.workspace.person_merge.${f}`)])) as Record<PersonMergeField, string>;
  return (
    <>
      <h1 class="kern-heading-large">{t('network.workspace.person_merge.title')}</h1>
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
            {PERSON_MERGE_FIELDS.map((f) => (
              <tr class="kern-table__row" key={f}>
                <th scope="row" class="kern-table__cell">
                  {labels[f]}
                </th>
                <td class="kern-table__cell">{shown(t, locale, keep, f)}</td>
                <td class="kern-table__cell">{shown(t, locale, other, f)}</td>
              </tr>
            ))}
            <tr class="kern-table__row">
              <th scope="row" class="kern-table__cell">
                {t('network.workspace.person_merge.memberships')}
              </th>
              <td class="kern-table__cell">{keep.memberships}</td>
              <td class="kern-table__cell">{other.memberships}</td>
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
        {PERSON_MERGE_FIELDS.map((f) => (
          <RadioGroup
            key={f}
            form={form}
            name={f}
            legend={labels[f]}
            options={[
              { value: 'keep', label: shown(t, locale, keep, f) },
              { value: 'other', label: shown(t, locale, other, f) },
            ]}
          />
        ))}
        <p class="kern-body">{t('network.workspace.person_merge.note', { other: other.name, keep: keep.name })}</p>
        <FormActions submitLabel={t('network.workspace.merge.submit')} cancelHref={`/verwaltung/${ags}/netzwerk/duplikate`} />
      </Form>
      <Form action={distinctHref(ags, keep.id, other.id)}>
        <SubmitButton kind="secondary" label={t('network.workspace.duplicates.not_duplicate')} />
      </Form>
    </>
  );
}
