import { formatDate, formatNumber, type Translate } from '../../../../platform/i18n/catalog.ts';
import { MIN_CELL_SIZE } from '../../../../platform/stats/small-cells.ts';
import { pairedBarChartSvg } from '../../../../platform/views/charts.ts';
import { useView } from '../../../../platform/views/context.ts';

export interface CompetenceChangeRow {
  id: number;
  statement: string;
  pairs: number;
  before: number | null;
  after: number | null;
}

/** The chart for the rows that may be shown, or null; built before rendering because ECharts loads lazily. */
export async function competenceChartSvg(rows: CompetenceChangeRow[], t: Translate, locale: string): Promise<string | null> {
  const shown = rows.filter((r) => r.before !== null && r.after !== null);
  if (!shown.length) return null;
  return pairedBarChartSvg(
    shown.map((r) => r.statement),
    [
      { name: t('qualification.trainer.before'), values: shown.map((r) => r.before as number) },
      { name: t('qualification.trainer.after'), values: shown.map((r) => r.after as number) },
    ],
    5,
    (n) => formatNumber(locale, n, 1, true),
  );
}

/**
 * The cohort's change per competence item as chart and table. Items with fewer than five trainees
 * who answered both times show no figures at all (the database does not return them), and no item
 * shows means before the "after" phase closes (`meansFrom`), so the set behind them cannot change.
 */
export function CompetenceChange({ rows, counts, chartSvg, meansFrom }: { rows: CompetenceChangeRow[]; counts: { before: number; after: number }; chartSvg: string | null; meansFrom: Date | null }) {
  const { t, locale } = useView();
  const fmt = (n: number) => formatNumber(locale, n, 1, true);
  return (
    <section aria-labelledby="competence-heading" class="vv-section">
      <h2 class="kern-heading-medium" id="competence-heading">
        {t('qualification.trainer.competence_title')}
      </h2>
      <p class="kern-body">{t('qualification.trainer.competence_counts', { before: counts.before, after: counts.after, min: MIN_CELL_SIZE })}</p>
      {meansFrom ? <p class="kern-body">{t('qualification.trainer.means_after_close', { date: formatDate(locale, meansFrom) })}</p> : null}
      {rows.length === 0 ? <p class="kern-body">{t('qualification.trainer.no_items')}</p> : null}
      {chartSvg ? (
        <div
          class="vv-chart"
          role="img"
          aria-label={t('qualification.trainer.competence_chart_alt')}
          // The SVG is rendered on the server by ECharts from the numbers in the table below.
          dangerouslySetInnerHTML={{ __html: chartSvg ?? '' }}
        />
      ) : null}
      {rows.length ? (
        <div class="kern-table-responsive">
          <table class="kern-table">
            <caption class="kern-title">{t('qualification.trainer.competence_caption')}</caption>
            <thead class="kern-table__head">
              <tr class="kern-table__row">
                <th class="kern-table__header" scope="col">
                  {t('qualification.trainer.item')}
                </th>
                <th class="kern-table__header kern-table__header--numeric" scope="col">
                  {t('qualification.trainer.pairs')}
                </th>
                <th class="kern-table__header kern-table__header--numeric" scope="col">
                  {t('qualification.trainer.before')}
                </th>
                <th class="kern-table__header kern-table__header--numeric" scope="col">
                  {t('qualification.trainer.after')}
                </th>
                <th class="kern-table__header kern-table__header--numeric" scope="col">
                  {t('qualification.trainer.change')}
                </th>
              </tr>
            </thead>
            <tbody class="kern-table__body">
              {rows.map((r) => {
                const hidden = r.before === null || r.after === null;
                return (
                  <tr class="kern-table__row" key={r.id}>
                    <th class="kern-table__header" scope="row">
                      {r.statement}
                    </th>
                    <td class="kern-table__cell kern-table__cell--numeric">{hidden && r.pairs > 0 && r.pairs < MIN_CELL_SIZE ? `<${MIN_CELL_SIZE}` : r.pairs}</td>
                    <td class="kern-table__cell kern-table__cell--numeric">{hidden ? '–' : fmt(r.before as number)}</td>
                    <td class="kern-table__cell kern-table__cell--numeric">{hidden ? '–' : fmt(r.after as number)}</td>
                    <td class="kern-table__cell kern-table__cell--numeric">
                      {hidden
                        ? t(meansFrom && r.pairs >= MIN_CELL_SIZE ? 'qualification.trainer.means_later' : 'qualification.trainer.suppressed', { min: MIN_CELL_SIZE })
                        : `${(r.after as number) >= (r.before as number) ? '+' : ''}${fmt((r.after as number) - (r.before as number))}`}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
