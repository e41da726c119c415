import { formatDate } from '../../../platform/i18n/catalog.ts';
import type { PageResult } from '../../../platform/http/pagination.ts';
import { Pagination } from '../../../platform/views/components.tsx';
import { useView } from '../../../platform/views/context.ts';
import { ErrorSummary, Form, FormActions, type FormState, RadioGroup, SelectField, SubmitButton, TextArea, TextField } from '../../../platform/views/forms.tsx';
import { levelField } from '../forms.ts';
import type { DimensionAdvice } from '../scoring.ts';
import { DIMENSIONS, type Dimension, LEVELS, PHASES, type Phase } from '../tables.ts';
import { Change, CheckNav, itemText, Score } from './shared.tsx';

export interface TownProfile {
  /** Mean score per dimension and phase, with the number of institutions behind it. */
  dimensions: Record<Dimension, Record<Phase, { mean: number; institutions: number } | undefined>>;
  index: Record<Phase, { mean: number; institutions: number } | undefined>;
  /** Mean change of the index over the institutions assessed twice, and how many they are. */
  pairedChange: number | null;
  paired: number;
}

export interface AssessedOrganisation {
  organisation_id: number;
  name: string;
  baseline_id: number | null;
  baseline_index: number | null;
  baseline_on: string | null;
  follow_up_id: number | null;
  follow_up_index: number | null;
  follow_up_on: string | null;
}

/** The town's profile: per dimension the mean of baseline and follow-up, with the number of institutions. */
export function ProfileTable({ profile, caption }: { profile: TownProfile; caption: string }) {
  const { t } = useView();
  const n = (phase: Phase) => profile.index[phase]?.institutions ?? 0;
  return (
    <div class="kern-table-responsive">
      <table class="kern-table kern-table--striped">
        <caption class="kern-title">{caption}</caption>
        <thead class="kern-table__header">
          <tr class="kern-table__row">
            <th scope="col" class="kern-table__cell">
              {t('diversity_check.profile.dimension')}
            </th>
            {PHASES.map((phase) => (
              <th scope="col" class="kern-table__cell kern-table__cell--numeric" key={phase}>
                {t(`diversity_check.phase.${phase}`)} ({t('diversity_check.profile.institutions', { count: n(phase) })})
              </th>
            ))}
            <th scope="col" class="kern-table__cell kern-table__cell--numeric">
              {t('diversity_check.profile.change')}
            </th>
          </tr>
        </thead>
        <tbody class="kern-table__body">
          {DIMENSIONS.map((dimension) => {
            const row = profile.dimensions[dimension];
            const change = row.baseline && row.follow_up ? row.follow_up.mean - row.baseline.mean : null;
            return (
              <tr class="kern-table__row" key={dimension}>
                <th scope="row" class="kern-table__cell">
                  {t(`diversity_check.dimension.${dimension}`)}
                </th>
                <td class="kern-table__cell kern-table__cell--numeric">
                  <Score value={row.baseline?.mean} />
                </td>
                <td class="kern-table__cell kern-table__cell--numeric">
                  <Score value={row.follow_up?.mean} />
                </td>
                <td class="kern-table__cell kern-table__cell--numeric">
                  <Change value={change} />
                </td>
              </tr>
            );
          })}
          <tr class="kern-table__row">
            <th scope="row" class="kern-table__cell">
              {t('diversity_check.index')}
            </th>
            <td class="kern-table__cell kern-table__cell--numeric">
              <Score value={profile.index.baseline?.mean} />
            </td>
            <td class="kern-table__cell kern-table__cell--numeric">
              <Score value={profile.index.follow_up?.mean} />
            </td>
            <td class="kern-table__cell kern-table__cell--numeric">
              <Change value={profile.index.baseline && profile.index.follow_up ? profile.index.follow_up.mean - profile.index.baseline.mean : null} />
            </td>
          </tr>
        </tbody>
      </table>
    </div>
  );
}

export function OverviewPage({ ags, name, profile, entries }: { ags: string; name: string; profile: TownProfile; entries: PageResult<AssessedOrganisation> }) {
  const { t, locale } = useView();
  const base = `/verwaltung/${ags}/vielfalts-check`;
  return (
    <>
      <h1 class="kern-heading-large">{t('diversity_check.overview.title', { name })}</h1>
      <CheckNav ags={ags} current="overview" />
      <p class="kern-body">{t('diversity_check.overview.lead')}</p>
      <ProfileTable profile={profile} caption={t('diversity_check.overview.profile_caption', { name })} />
      <p class="kern-body">
        {profile.paired ? (
          <>
            {t('diversity_check.overview.paired', { count: profile.paired })} <Change value={profile.pairedChange} />
          </>
        ) : (
          t('diversity_check.overview.no_pairs')
        )}
      </p>
      <h2 class="kern-heading-medium">{t('diversity_check.overview.institutions')}</h2>
      {entries.items.length ? (
        <div class="kern-table-responsive">
          <table class="kern-table kern-table--striped">
            <caption class="kern-title">{t('diversity_check.overview.institutions_caption', { count: entries.total })}</caption>
            <thead class="kern-table__header">
              <tr class="kern-table__row">
                {['organisation', 'baseline', 'follow_up', 'change'].map((c) => (
                  <th key={c} scope="col" class="kern-table__cell">
                    {t(`diversity_check.overview.column_${c}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody class="kern-table__body">
              {entries.items.map((o) => (
                <tr class="kern-table__row" key={o.organisation_id}>
                  <th scope="row" class="kern-table__cell">
                    {o.name}
                  </th>
                  {(['baseline', 'follow_up'] as const).map((phase) => {
                    const id = phase === 'baseline' ? o.baseline_id : o.follow_up_id;
                    const index = phase === 'baseline' ? o.baseline_index : o.follow_up_index;
                    const on = phase === 'baseline' ? o.baseline_on : o.follow_up_on;
                    return (
                      <td class="kern-table__cell" key={phase}>
                        {id ? (
                          <a class="kern-link" href={`${base}/${id}`}>
                            <Score value={index} /> ({formatDate(locale, on)})
                          </a>
                        ) : (
                          '–'
                        )}
                      </td>
                    );
                  })}
                  <td class="kern-table__cell kern-table__cell--numeric">
                    <Change value={o.baseline_index !== null && o.follow_up_index !== null ? o.follow_up_index - o.baseline_index : null} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p class="kern-body">{t('diversity_check.overview.empty')}</p>
      )}
      <Pagination result={entries} path={base} query={{}} />
    </>
  );
}

export interface FormItem {
  id: number;
  dimension: Dimension;
  text_de: string;
  text_en: string;
}

export function assessmentLabels(t: (key: string) => string, locale: string, items: readonly FormItem[]): Record<string, string> {
  return {
    organisationId: t('diversity_check.form.organisation'),
    phase: t('diversity_check.form.phase'),
    assessedOn: t('diversity_check.form.assessed_on'),
    note: t('diversity_check.form.note'),
    ...Object.fromEntries(items.map((i) => [levelField(i.id), itemText(locale, i)])),
  };
}

export function AssessmentFormPage({
  ags,
  form,
  organisations,
  items,
  version,
}: {
  ags: string;
  form: FormState;
  organisations: Array<{ id: number; name: string }>;
  items: readonly FormItem[];
  version: number;
}) {
  const { t, locale } = useView();
  const base = `/verwaltung/${ags}/vielfalts-check`;
  const labels = assessmentLabels(t, locale, items);
  const levels = LEVELS.map((level) => ({ value: String(level), label: t(`diversity_check.level.${level}`) }));
  return (
    <>
      <h1 class="kern-heading-large">{t('diversity_check.form.title')}</h1>
      <CheckNav ags={ags} current="new" />
      <p class="kern-body">{t('diversity_check.form.lead', { version })}</p>
      <ErrorSummary form={form} labels={labels} />
      <Form action={`${base}/neu`} class="vv-form vv-form--wide">
        <SelectField
          form={form}
          name="organisationId"
          label={labels.organisationId ?? ''}
          required
          emptyLabel={t('diversity_check.form.choose')}
          options={organisations.map((o) => ({ value: String(o.id), label: o.name }))}
        />
        <RadioGroup form={form} name="phase" legend={labels.phase ?? ''} options={PHASES.map((p) => ({ value: p, label: t(`diversity_check.phase.${p}`) }))} />
        <TextField form={form} name="assessedOn" type="date" label={labels.assessedOn ?? ''} required />
        {DIMENSIONS.map((dimension) => (
          <section key={dimension} aria-labelledby={`dimension-${dimension}`}>
            <h2 class="kern-heading-small" id={`dimension-${dimension}`}>
              {t(`diversity_check.dimension.${dimension}`)}
            </h2>
            {items
              .filter((i) => i.dimension === dimension)
              .map((item) => (
                <RadioGroup key={item.id} form={form} name={levelField(item.id)} legend={itemText(locale, item)} options={levels} preselectFirst={false} />
              ))}
          </section>
        ))}
        <TextArea form={form} name="note" label={labels.note ?? ''} rows={3} maxLength={1000} />
        <FormActions submitLabel={t('diversity_check.form.submit')} cancelHref={base} />
      </Form>
    </>
  );
}

export interface ResultView {
  id: number;
  organisation_name: string;
  phase: Phase;
  assessed_on: string;
  index_score: number;
  version_number: number;
  note: string;
  scores: Record<Dimension, number | null>;
  /** The other phase of the same institution, when there is one: for the change. */
  other: { id: number; phase: Phase; index: number; scores: Record<Dimension, number | null> } | null;
  advice: DimensionAdvice[];
}

export function ResultPage({ ags, result }: { ags: string; result: ResultView }) {
  const { t, locale } = useView();
  const base = `/verwaltung/${ags}/vielfalts-check`;
  const baseline = result.phase === 'baseline' ? result : result.other ? { scores: result.other.scores, index_score: result.other.index } : null;
  const followUp = result.phase === 'follow_up' ? result : result.other ? { scores: result.other.scores, index_score: result.other.index } : null;
  return (
    <>
      <h1 class="kern-heading-large">{t('diversity_check.result.title', { name: result.organisation_name })}</h1>
      <CheckNav ags={ags} current="overview" />
      <p class="kern-body">{t('diversity_check.result.meta', { phase: t(`diversity_check.phase.${result.phase}`), date: formatDate(locale, result.assessed_on), version: result.version_number })}</p>
      <p class="kern-body">
        <a class="kern-btn kern-btn--secondary" href={`${base}/${result.id}/ergebnis.pdf`}>
          <span class="kern-label">{t('diversity_check.result.pdf')}</span>
        </a>
        {result.other ? (
          <>
            {' '}
            <a class="kern-link" href={`${base}/${result.other.id}`}>
              {t(`diversity_check.result.show_${result.other.phase}`)}
            </a>
          </>
        ) : null}
      </p>
      <div class="kern-table-responsive">
        <table class="kern-table kern-table--striped">
          <caption class="kern-title">{t('diversity_check.result.scores_caption')}</caption>
          <thead class="kern-table__header">
            <tr class="kern-table__row">
              <th scope="col" class="kern-table__cell">
                {t('diversity_check.profile.dimension')}
              </th>
              {PHASES.map((phase) => (
                <th scope="col" class="kern-table__cell kern-table__cell--numeric" key={phase}>
                  {t(`diversity_check.phase.${phase}`)}
                </th>
              ))}
              <th scope="col" class="kern-table__cell kern-table__cell--numeric">
                {t('diversity_check.profile.change')}
              </th>
            </tr>
          </thead>
          <tbody class="kern-table__body">
            {DIMENSIONS.map((dimension) => {
              const before = baseline?.scores[dimension] ?? null;
              const after = followUp?.scores[dimension] ?? null;
              return (
                <tr class="kern-table__row" key={dimension}>
                  <th scope="row" class="kern-table__cell">
                    {t(`diversity_check.dimension.${dimension}`)}
                  </th>
                  <td class="kern-table__cell kern-table__cell--numeric">
                    <Score value={before} />
                  </td>
                  <td class="kern-table__cell kern-table__cell--numeric">
                    <Score value={after} />
                  </td>
                  <td class="kern-table__cell kern-table__cell--numeric">
                    <Change value={before !== null && after !== null ? after - before : null} />
                  </td>
                </tr>
              );
            })}
            <tr class="kern-table__row">
              <th scope="row" class="kern-table__cell">
                {t('diversity_check.index')}
              </th>
              <td class="kern-table__cell kern-table__cell--numeric">
                <Score value={baseline?.index_score} />
              </td>
              <td class="kern-table__cell kern-table__cell--numeric">
                <Score value={followUp?.index_score} />
              </td>
              <td class="kern-table__cell kern-table__cell--numeric">
                <Change value={baseline && followUp ? followUp.index_score - baseline.index_score : null} />
              </td>
            </tr>
          </tbody>
        </table>
      </div>
      <h2 class="kern-heading-medium">{t('diversity_check.result.advice')}</h2>
      {result.advice.map((a) => (
        <section key={a.dimension} aria-labelledby={`advice-${a.dimension}`}>
          <h3 class="kern-heading-small" id={`advice-${a.dimension}`}>
            {t(`diversity_check.dimension.${a.dimension}`)}
          </h3>
          <p class="kern-body">
            <strong>{t('diversity_check.result.strengths')}:</strong> {a.strengths.length ? a.strengths.join(' · ') : t('diversity_check.result.no_strengths')}
          </p>
          {a.nextSteps.length ? (
            <ul class="kern-list">
              {a.nextSteps.map((s) => (
                <li key={s.text}>{t('diversity_check.result.next_step', { item: s.text, from: t(`diversity_check.level.${s.from}`), to: t(`diversity_check.level.${s.to}`) })}</li>
              ))}
            </ul>
          ) : (
            <p class="kern-body">{t('diversity_check.result.all_anchored')}</p>
          )}
        </section>
      ))}
      {result.note ? <p class="kern-body">{result.note}</p> : null}
      <Form action={`${base}/${result.id}/loeschen`}>
        <SubmitButton label={t('diversity_check.result.delete')} kind="tertiary" />
      </Form>
    </>
  );
}
