import { formatDate } from '../../../platform/i18n/catalog.ts';
import { useView } from '../../../platform/views/context.ts';
import { ErrorSummary, Form, FormActions, type FormState, SelectField, SubmitButton, TextField } from '../../../platform/views/forms.tsx';
import { DIMENSIONS, type Dimension, PHASES, type Phase } from '../tables.ts';
import { Change, itemText, Score } from './shared.tsx';

export interface TownComparison {
  ags: string;
  name: string;
  /** Null where fewer institutions than the threshold were assessed: withheld. */
  phases: Record<Phase, { mean: number | null; institutions: number }>;
  pairedChange: number | null;
  paired: number;
}

/** The towns side by side: means only, and only where enough institutions took part. */
export function ComparisonPage({ towns, threshold, canEditItems }: { towns: TownComparison[]; threshold: number; canEditItems: boolean }) {
  const { t } = useView();
  return (
    <>
      <h1 class="kern-heading-large">{t('diversity_check.compare.title')}</h1>
      <p class="kern-body">{t('diversity_check.compare.lead', { threshold })}</p>
      {canEditItems ? (
        <p class="kern-body">
          <a class="kern-link" href="/programmbuero/vielfalts-check/fragen">
            {t('diversity_check.items.title')}
          </a>
        </p>
      ) : null}
      {towns.length ? (
        <div class="kern-table-responsive">
          <table class="kern-table kern-table--striped">
            <caption class="kern-title">{t('diversity_check.compare.caption')}</caption>
            <thead class="kern-table__header">
              <tr class="kern-table__row">
                <th scope="col" class="kern-table__cell">
                  {t('diversity_check.compare.town')}
                </th>
                {PHASES.map((phase) => (
                  <th scope="col" class="kern-table__cell kern-table__cell--numeric" key={phase}>
                    {t(`diversity_check.phase.${phase}`)}
                  </th>
                ))}
                <th scope="col" class="kern-table__cell kern-table__cell--numeric">
                  {t('diversity_check.compare.paired_change')}
                </th>
              </tr>
            </thead>
            <tbody class="kern-table__body">
              {towns.map((town) => (
                <tr class="kern-table__row" key={town.ags}>
                  <th scope="row" class="kern-table__cell">
                    {town.name}
                  </th>
                  {PHASES.map((phase) => {
                    const cell = town.phases[phase];
                    return (
                      <td class="kern-table__cell kern-table__cell--numeric" key={phase}>
                        {cell.mean === null ? (
                          cell.institutions ? (
                            t('diversity_check.compare.too_few')
                          ) : (
                            '–'
                          )
                        ) : (
                          <>
                            <Score value={cell.mean} /> ({t('diversity_check.profile.institutions', { count: cell.institutions })})
                          </>
                        )}
                      </td>
                    );
                  })}
                  <td class="kern-table__cell kern-table__cell--numeric">{town.pairedChange === null && town.paired ? t('diversity_check.compare.too_few') : <Change value={town.pairedChange} />}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p class="kern-body">{t('diversity_check.compare.empty')}</p>
      )}
    </>
  );
}

export interface ItemRow {
  id: number;
  dimension: Dimension;
  position: number;
  text_de: string;
  text_en: string;
}

const itemLabels = (t: (key: string) => string) => ({
  dimension: t('diversity_check.items.dimension'),
  textDe: t('diversity_check.items.text_de'),
  textEn: t('diversity_check.items.text_en'),
  note: t('diversity_check.items.note'),
});

export function ItemsPage({
  version,
  items,
  versions,
  form,
}: {
  version: { number: number };
  items: ItemRow[];
  versions: Array<{ number: number; note: string; created_at: Date; assessments: number | null }>;
  form: FormState;
}) {
  const { t, locale } = useView();
  const labels = itemLabels(t);
  return (
    <>
      <h1 class="kern-heading-large">{t('diversity_check.items.title')}</h1>
      <p class="kern-body">{t('diversity_check.items.lead', { version: version.number })}</p>
      {DIMENSIONS.map((dimension) => (
        <section key={dimension} aria-labelledby={`items-${dimension}`}>
          <h2 class="kern-heading-small" id={`items-${dimension}`}>
            {t(`diversity_check.dimension.${dimension}`)}
          </h2>
          <ol class="kern-list">
            {items
              .filter((i) => i.dimension === dimension)
              .map((i) => (
                <li key={i.id}>
                  {itemText(locale, i)}{' '}
                  <a class="kern-link" href={`/programmbuero/vielfalts-check/fragen/${i.id}`}>
                    {t('diversity_check.items.edit')}
                    <span class="vv-visually-hidden">: {itemText(locale, i)}</span>
                  </a>
                </li>
              ))}
          </ol>
        </section>
      ))}
      <h2 class="kern-heading-medium">{t('diversity_check.items.add')}</h2>
      <ErrorSummary form={form} labels={labels} />
      <Form action="/programmbuero/vielfalts-check/fragen">
        <SelectField form={form} name="dimension" label={labels.dimension} required options={DIMENSIONS.map((d) => ({ value: d, label: t(`diversity_check.dimension.${d}`) }))} />
        <TextField form={form} name="textDe" label={labels.textDe} required maxLength={300} />
        <TextField form={form} name="textEn" label={labels.textEn} required maxLength={300} />
        <TextField form={form} name="note" label={labels.note} maxLength={300} />
        <SubmitButton label={t('diversity_check.items.add_submit')} />
      </Form>
      <h2 class="kern-heading-medium">{t('diversity_check.items.versions')}</h2>
      <ul class="kern-list">
        {versions.map((v) => (
          <li key={v.number}>
            {t('diversity_check.items.version_line', { number: v.number, date: formatDate(locale, v.created_at), count: v.assessments ?? 0 })}
            {v.note ? ` – ${v.note}` : ''}
          </li>
        ))}
      </ul>
    </>
  );
}

export function ItemFormPage({ id, form }: { id: number; form: FormState }) {
  const { t } = useView();
  const labels = itemLabels(t);
  return (
    <>
      <h1 class="kern-heading-large">{t('diversity_check.items.edit_title')}</h1>
      <p class="kern-body">{t('diversity_check.items.edit_lead')}</p>
      <ErrorSummary form={form} labels={labels} />
      <Form action={`/programmbuero/vielfalts-check/fragen/${id}`}>
        <TextField form={form} name="textDe" label={labels.textDe} required maxLength={300} />
        <TextField form={form} name="textEn" label={labels.textEn} required maxLength={300} />
        <TextField form={form} name="note" label={labels.note} maxLength={300} />
        <FormActions submitLabel={t('common.save')} cancelHref="/programmbuero/vielfalts-check/fragen" />
      </Form>
    </>
  );
}
