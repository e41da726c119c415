import { formatDate, formatNumber } from '../../../platform/i18n/catalog.ts';
import type { PageResult } from '../../../platform/http/pagination.ts';
import { Pagination } from '../../../platform/views/components.tsx';
import { useView } from '../../../platform/views/context.ts';
import { ErrorSummary, Form, type FormState, SubmitButton, TextField } from '../../../platform/views/forms.tsx';
import { COHESION_DIMENSIONS, type CohesionScores, MIN_COHESION_RESPONSES } from '../cohesion.ts';
import type { WaveScores } from '../cohesion-service.ts';

const cell = 'kern-table__cell';
const numeric = 'kern-table__cell kern-table__cell--numeric';

/** The waves with their index per dimension; a wave below the threshold shows one "too few answers" cell, its count withheld. */
function WavesTable({ waves, caption, withTown, linkBase }: { waves: WaveScores[]; caption: string; withTown: boolean; linkBase?: string }) {
  const { t, locale } = useView();
  const n = (value: number | null) => (value === null ? '–' : formatNumber(locale, value, 1, true));
  return (
    <div class="kern-table-responsive">
      <table class="kern-table vv-compact-table">
        <caption class="kern-title">{caption}</caption>
        <thead class="kern-table__header">
          <tr class="kern-table__row">
            {withTown ? (
              <th scope="col" class={cell}>
                {t('surveys.cohesion.town')}
              </th>
            ) : null}
            <th scope="col" class={cell}>
              {t('surveys.cohesion.wave')}
            </th>
            <th scope="col" class={numeric}>
              {t('surveys.cohesion.responses')}
            </th>
            <th scope="col" class={numeric}>
              {t('surveys.cohesion.overall')}
            </th>
            {COHESION_DIMENSIONS.map((d) => (
              <th scope="col" class={numeric} key={d}>
                {t(`surveys.cohesion.dimension.${d}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody class="kern-table__body">
          {waves.map((w) => {
            const period = t('surveys.period', { start: formatDate(locale, w.opens_on), end: formatDate(locale, w.closes_on) });
            return (
              <tr class="kern-table__row" key={w.id}>
                {withTown ? <td class={cell}>{w.name}</td> : null}
                <th scope="row" class={cell}>
                  {linkBase ? (
                    <a class="kern-link" href={`${linkBase}/${w.id}`}>
                      {period}
                    </a>
                  ) : (
                    period
                  )}
                </th>
                {w.responses === null ? (
                  <td class={cell} colSpan={2 + COHESION_DIMENSIONS.length}>
                    {t('surveys.cohesion.too_few')}
                  </td>
                ) : (
                  <>
                    <td class={numeric}>{w.responses}</td>
                    <td class={numeric}>
                      <strong>{n(w.overall)}</strong>
                    </td>
                    {COHESION_DIMENSIONS.map((d) => (
                      <td class={numeric} key={d}>
                        {n(w.dimensions[d])}
                      </td>
                    ))}
                  </>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function ThresholdNote() {
  const { t } = useView();
  return (
    <p class="kern-body">
      {t('surveys.cohesion.scale_note')} {t('surveys.cohesion.threshold_note', { min: MIN_COHESION_RESPONSES })}
    </p>
  );
}

/** A town's cohesion survey: its waves over time, and a new wave from the template in one step. */
export function CohesionTownPage({ ags, name, waves, form }: { ags: string; name: string; waves: WaveScores[]; form: FormState }) {
  const { t } = useView();
  return (
    <>
      <h1 class="kern-heading-large">{t('surveys.cohesion_admin.title', { name })}</h1>
      <p class="kern-body">{t('surveys.cohesion_admin.lead')}</p>
      <ThresholdNote />
      {waves.length ? (
        <WavesTable waves={waves} caption={t('surveys.cohesion_admin.caption', { name })} withTown={false} linkBase={`/verwaltung/${ags}/umfragen`} />
      ) : (
        <p class="kern-body">{t('surveys.cohesion_admin.none')}</p>
      )}
      <h2 class="kern-heading-medium">{t('surveys.cohesion_admin.new')}</h2>
      <p class="kern-body">{t('surveys.cohesion_admin.new_lead')}</p>
      <ErrorSummary form={form} labels={{ opensOn: t('surveys.field.opens_on'), closesOn: t('surveys.field.closes_on') }} />
      <Form action={`/verwaltung/${ags}/zusammenhalt`}>
        <TextField form={form} name="opensOn" type="date" label={t('surveys.field.opens_on')} required />
        <TextField form={form} name="closesOn" type="date" label={t('surveys.field.closes_on')} required />
        <SubmitButton label={t('surveys.cohesion_admin.create')} />
      </Form>
    </>
  );
}

/** Every town's waves, for the programme office and the funder: indices only, each from the threshold on. */
export function CohesionOverviewPage({ result }: { result: PageResult<WaveScores> }) {
  const { t } = useView();
  return (
    <>
      <h1 class="kern-heading-large">{t('surveys.cohesion_admin.overview_title')}</h1>
      <ThresholdNote />
      {result.items.length ? (
        <>
          <WavesTable waves={result.items} caption={t('surveys.cohesion_admin.overview_caption')} withTown />
          <Pagination result={result} path="/programmbuero/zusammenhalt" query={{}} />
        </>
      ) : (
        <p class="kern-body">{t('surveys.cohesion_admin.none')}</p>
      )}
    </>
  );
}

/** The public result of one wave: the index per dimension, or "too few answers" without the count. */
export function CohesionResults({ scores }: { scores: CohesionScores }) {
  const { t, locale } = useView();
  if (scores.responses === null) {
    return (
      <>
        <div class="kern-alert kern-alert--info" role="status">
          <div class="kern-alert__header">
            <span class="kern-title">{t('surveys.cohesion.too_few')}</span>
          </div>
        </div>
        <ThresholdNote />
      </>
    );
  }
  const n = (value: number | null) => (value === null ? '–' : formatNumber(locale, value, 1, true));
  return (
    <>
      <p class="kern-body kern-body--large">{t('surveys.responses', { count: scores.responses })}</p>
      <ThresholdNote />
      <table class="kern-table vv-compact-table">
        <caption class="kern-title">{t('surveys.cohesion.result_caption')}</caption>
        <thead class="kern-table__header">
          <tr class="kern-table__row">
            <th scope="col" class={cell}>
              {t('surveys.cohesion.dimension_column')}
            </th>
            <th scope="col" class={numeric}>
              {t('surveys.cohesion.index_column')}
            </th>
          </tr>
        </thead>
        <tbody class="kern-table__body">
          {COHESION_DIMENSIONS.map((d) => (
            <tr class="kern-table__row" key={d}>
              <th scope="row" class={cell}>
                {t(`surveys.cohesion.dimension.${d}`)}
              </th>
              <td class={numeric}>{n(scores.dimensions[d])}</td>
            </tr>
          ))}
          <tr class="kern-table__row">
            <th scope="row" class={cell}>
              <strong>{t('surveys.cohesion.overall')}</strong>
            </th>
            <td class={numeric}>
              <strong>{n(scores.overall)}</strong>
            </td>
          </tr>
        </tbody>
      </table>
    </>
  );
}
