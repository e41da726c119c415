import { formatNumber } from '../../../platform/i18n/catalog.ts';
import { type ProtectedTable, type Shown, WITHHELD_MARK } from '../../../platform/stats/suppression.ts';
import { useView } from '../../../platform/views/context.ts';
import { AMIF_COLUMNS, type AmifColumn, type AmifRow } from '../amif-repository.ts';
import { AMIF_GROUPS } from '../service.ts';
import type { TownName } from './dashboard.tsx';
import { RenderedOnce } from '../../../platform/views/rendered-once.tsx';

const columnsOf = (group: string) => AMIF_COLUMNS.filter((c) => c.startsWith(`${group}.`));

type ProtectedTables = Record<(typeof AMIF_GROUPS)[number], ProtectedTable>;

interface TablesProps {
  rows: AmifRow[];
  all: AmifRow | null;
  towns: Map<number, TownName>;
  protectedTables: ProtectedTables | null;
  csvHref: string;
  /**
   * Where the tables of every town are, for a level of many towns: the dashboard then shows only
   * the sums of each breakdown (the town rows of the Land are most of its page) and links there.
   */
  perTownHref?: string;
}

/**
 * The AMIF participant table, one table per breakdown; protected (withheld cells marked) where the
 * viewer may not see the persons.
 */
export function ParticipantTables({
  cacheKey = null,
  ...props
}: TablesProps & {
  /** What the tables show when their figures come from the summary (the set, its time, level, protection): rendered once per key. */
  cacheKey?: string | null;
}) {
  const { rows, towns, csvHref, perTownHref } = props;
  const key = cacheKey === null ? null : `${cacheKey}|${csvHref}|${perTownHref ?? ''}|${rows.map((row) => towns.get(row.municipalityId ?? 0)?.name ?? '').join('|')}`;
  return (
    <RenderedOnce cacheKey={key} tag="section" attributes={{ 'aria-labelledby': 'monitoring-amif' }}>
      <ParticipantTablesContent {...props} />
    </RenderedOnce>
  );
}

function ParticipantTablesContent({ rows, all, towns, protectedTables, csvHref, perTownHref }: TablesProps) {
  const { t, locale } = useView();
  const show = (v: Shown) => (v === null ? WITHHELD_MARK : formatNumber(locale, v));
  const sumsOnly = perTownHref !== undefined && rows.length > 1;
  return (
    <>
      <h2 class="kern-heading-medium" id="monitoring-amif">
        {t('monitoring.amif.title')}
      </h2>
      <p class="kern-body">
        {t('monitoring.amif.lead')}{' '}
        <a class="kern-link" href="/monitoring/indikatoren/O1">
          {t('monitoring.definition.link', { code: 'O1' })}
        </a>
      </p>
      {protectedTables ? <p class="kern-body">{t('monitoring.amif.suppression', { mark: WITHHELD_MARK })}</p> : null}
      <p class="kern-body">
        {sumsOnly ? (
          <>
            <a class="kern-link" href={perTownHref}>
              {t('monitoring.amif.per_town_link', { count: rows.length })}
            </a>{' '}
          </>
        ) : null}
        <a class="kern-link" href={csvHref}>
          {t('monitoring.amif.csv')}
        </a>
      </p>
      {rows.length === 0 ? <p class="kern-body">{t('monitoring.amif.empty')}</p> : null}
      {rows.length > 0
        ? AMIF_GROUPS.map((group) => {
            const columns = columnsOf(group);
            const table = protectedTables?.[group];
            return (
              <table class="kern-table vv-number-table" key={group}>
                <caption class="kern-table__caption">{t(`monitoring.amif.group.${group}`)}</caption>
                <thead class="kern-table__head">
                  <tr class="kern-table__row">
                    <th class="kern-table__header" scope="col">
                      {t('monitoring.amif.town')}
                    </th>
                    {columns.map((c) => (
                      <th class="kern-table__header kern-table__header--numeric" scope="col" key={c}>
                        {t(`monitoring.amif.column.${c}`)}
                      </th>
                    ))}
                    <th class="kern-table__header kern-table__header--numeric" scope="col">
                      {t('monitoring.amif.total')}
                    </th>
                  </tr>
                </thead>
                <tbody class="kern-table__body">
                  {sumsOnly
                    ? null
                    : rows.map((row, r) => (
                        <tr class="kern-table__row" key={row.municipalityId}>
                          <th class="kern-table__header" scope="row">
                            {towns.get(row.municipalityId ?? 0)?.name ?? '–'}
                          </th>
                          {columns.map((c, i) => (
                            <td class="kern-table__cell" key={c}>
                              {table ? show(table.cells[r]?.[i] ?? null) : formatNumber(locale, row.counts[c as AmifColumn])}
                            </td>
                          ))}
                          <td class="kern-table__cell">{table ? show(table.rowTotals[r] ?? null) : formatNumber(locale, row.counts.total)}</td>
                        </tr>
                      ))}
                  {rows.length > 1 ? (
                    <tr class="kern-table__row">
                      <th class="kern-table__header" scope="row">
                        {t('monitoring.amif.sum')}
                      </th>
                      {columns.map((c, i) => (
                        <td class="kern-table__cell" key={c}>
                          {table ? show(table.columnTotals[i] ?? null) : formatNumber(locale, sumOf(rows, c as AmifColumn))}
                        </td>
                      ))}
                      <td class="kern-table__cell">{table ? show(table.total) : formatNumber(locale, sumOf(rows, 'total'))}</td>
                    </tr>
                  ) : null}
                </tbody>
              </table>
            );
          })
        : null}
      {all && rows.length > 1 && (!protectedTables || all.counts.total >= 5) ? <p class="kern-body">{t('monitoring.amif.unique', { count: all.counts.total })}</p> : null}
    </>
  );
}

const sumOf = (rows: readonly AmifRow[], column: AmifColumn | 'total') => rows.reduce((sum, row) => sum + row.counts[column], 0);
