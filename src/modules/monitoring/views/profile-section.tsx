import { formatNumber } from '../../../platform/i18n/catalog.ts';
import { useView } from '../../../platform/views/context.ts';
import type { ProfileCell } from '../profile-repository.ts';

const PHASES = ['baseline', 'follow_up'] as const;

/**
 * The Vielfalts-Check profile of a town: per dimension the mean score (0–100) of its institutions'
 * baseline and follow-up assessments and the change, each mean with the number of assessments it
 * rests on; it links to the town's Vielfalts-Check, where the assessments are.
 */
export function ProfileSection({ dimensions, cells, href }: { dimensions: readonly string[]; cells: ProfileCell[]; href: string }) {
  const { t, locale } = useView();
  const cell = (dimension: string, phase: string) => cells.find((c) => c.dimension === dimension && c.phase === phase);
  const show = (c: ProfileCell | undefined) => (c ? t('monitoring.profile.mean', { mean: formatNumber(locale, c.mean, 0, true), count: c.assessments }) : '–');
  return (
    <section aria-labelledby="monitoring-profile">
      <h2 class="kern-heading-medium" id="monitoring-profile">
        {t('monitoring.profile.title')}
      </h2>
      <p class="kern-body">
        {t('monitoring.profile.lead')}{' '}
        <a class="kern-link" href={href}>
          {t('monitoring.profile.link')}
        </a>
      </p>
      {cells.length === 0 ? (
        <p class="kern-body">{t('monitoring.profile.none')}</p>
      ) : (
        <table class="kern-table">
          <caption class="kern-table__caption">{t('monitoring.profile.caption')}</caption>
          <thead class="kern-table__head">
            <tr class="kern-table__row">
              <th class="kern-table__header" scope="col">
                {t('monitoring.profile.dimension')}
              </th>
              {PHASES.map((phase) => (
                <th class="kern-table__header kern-table__header--numeric" scope="col" key={phase}>
                  {t(`diversity_check.phase.${phase}`)}
                </th>
              ))}
              <th class="kern-table__header kern-table__header--numeric" scope="col">
                {t('monitoring.profile.change')}
              </th>
            </tr>
          </thead>
          <tbody class="kern-table__body">
            {dimensions.map((dimension) => {
              const [before, after] = PHASES.map((phase) => cell(dimension, phase));
              return (
                <tr class="kern-table__row" key={dimension}>
                  <th class="kern-table__header" scope="row">
                    {t(`diversity_check.dimension.${dimension}`)}
                  </th>
                  <td class="kern-table__cell kern-table__cell--numeric">{show(before)}</td>
                  <td class="kern-table__cell kern-table__cell--numeric">{show(after)}</td>
                  <td class="kern-table__cell kern-table__cell--numeric">{before && after ? formatNumber(locale, after.mean - before.mean, 0, true) : '–'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
