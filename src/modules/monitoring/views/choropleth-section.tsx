import { formatNumber } from '../../../platform/i18n/catalog.ts';
import { WITHHELD_MARK } from '../../../platform/stats/suppression.ts';
import { useView } from '../../../platform/views/context.ts';
import { STATE_MAP_SIZE } from '../../municipalities/index.ts';
import { classesOf, NO_VALUE_COLOUR, WITHHELD_COLOUR } from '../choropleth.ts';
import type { Level } from '../levels.ts';
import type { Period } from '../periods.ts';
import type { Indicator } from '../service.ts';
import { periodLabel } from './dashboard.tsx';
import { definitionHref, indicatorName } from './definitions-page.tsx';

/** One town of the map: its value, null where withheld, undefined where there is none. */
export interface MapRow {
  townId: number;
  value: number | null | undefined;
}

const INDENT: Record<Level['kind'], string> = { land: '', region: '\u00a0\u00a0', county: '\u00a0\u00a0\u00a0\u00a0', town: '\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0' };

/** The level and the map's indicator, as fields of the dashboard's filter form (a GET form: no JavaScript needed). */
/** The level to show and, where the page has a map, its indicator. */
export function LevelFields({ levels, level, indicators, indicator }: { levels: Level[]; level: Level; indicators?: Indicator[]; indicator?: Indicator }) {
  const { t, locale } = useView();
  return (
    <>
      <div class="kern-form-input">
        <label class="kern-label" for="monitoring-ebene">
          {t('monitoring.level.label')}
        </label>
        <select class="kern-form-input__select" id="monitoring-ebene" name="ebene">
          {levels.map((l) => (
            <option key={l.code} value={l.code} selected={l.code === level.code}>
              {INDENT[l.kind]}
              {l.kind === 'land' ? t('monitoring.level.land') : t(`monitoring.level.kind_${l.kind}`, { name: l.name })}
            </option>
          ))}
        </select>
      </div>
      {indicators && indicator ? (
        <div class="kern-form-input">
          <label class="kern-label" for="monitoring-indikator">
            {t('monitoring.map.indicator')}
          </label>
          <select class="kern-form-input__select" id="monitoring-indikator" name="indikator">
            {indicators.map((i) => (
              <option key={i.code} value={i.code} selected={i.code === indicator.code}>
                {i.code}: {indicatorName(locale, i)}
              </option>
            ))}
          </select>
        </div>
      ) : null}
    </>
  );
}

/** The choropleth of Hessen for one indicator, its legend, and the same numbers as a table beside it. */
export function ChoroplethSection({
  indicator,
  period,
  rows,
  mapHref,
  protectedView,
}: {
  indicator: Indicator;
  period: Period;
  rows: Array<MapRow & { town?: { name: string } }>;
  mapHref: string;
  protectedView: boolean;
}) {
  const { t, locale } = useView();
  const name = indicatorName(locale, indicator);
  const classes = classesOf(rows.map((r) => r.value).filter((v): v is number => typeof v === 'number'));
  const format = (v: number) => formatNumber(locale, v, indicator.decimals, true);
  const sorted = [...rows].sort((a, b) => (a.town?.name ?? '').localeCompare(b.town?.name ?? '', 'de'));
  const alt = t('monitoring.map.alt', { indicator: `${indicator.code} ${name}`, period: periodLabel(t, period.code) });
  return (
    <section aria-labelledby="monitoring-map">
      <h2 class="kern-heading-medium" id="monitoring-map">
        {t('monitoring.map.title', { code: indicator.code, name })}
      </h2>
      <p class="kern-body">
        <a class="kern-link" href={definitionHref(indicator.code)}>
          {t('monitoring.definition.link', { code: indicator.code })}
        </a>
      </p>
      <div class="vv-two-columns">
        <figure class="vv-state-map">
          <img src={mapHref} width={STATE_MAP_SIZE.width} height={STATE_MAP_SIZE.height} class="vv-map" alt={alt} />
          <figcaption>
            <p class="kern-body">{t('monitoring.map.legend', { unit: t(`monitoring.unit.${indicator.unit}`) })}</p>
            <ul class="vv-legend">
              {classes.map((c, i) => (
                <li key={c.colour}>
                  <svg width="16" height="16" aria-hidden="true" focusable="false">
                    <rect width="16" height="16" fill={c.colour} stroke="#6b6f80" />
                  </svg>{' '}
                  {c.from === c.to ? format(c.from) : t('monitoring.map.range', { from: format(c.from), to: format(c.to), last: i === classes.length - 1 ? 'yes' : 'no' })}
                </li>
              ))}
              {protectedView ? (
                <li>
                  <svg width="16" height="16" aria-hidden="true" focusable="false">
                    <rect width="16" height="16" fill={WITHHELD_COLOUR} stroke="#6b6f80" />
                  </svg>{' '}
                  {t('monitoring.map.withheld', { mark: WITHHELD_MARK })}
                </li>
              ) : null}
              <li>
                <svg width="16" height="16" aria-hidden="true" focusable="false">
                  <rect width="16" height="16" fill={NO_VALUE_COLOUR} stroke="#6b6f80" />
                </svg>{' '}
                {t('monitoring.map.no_value')}
              </li>
            </ul>
            <p class="kern-body">{t('monitoring.map.outside')}</p>
          </figcaption>
        </figure>
        <table class="kern-table">
          <caption class="kern-table__caption">{t('monitoring.map.table', { code: indicator.code, period: periodLabel(t, period.code) })}</caption>
          <thead class="kern-table__head">
            <tr class="kern-table__row">
              <th class="kern-table__header" scope="col">
                {t('monitoring.amif.town')}
              </th>
              <th class="kern-table__header kern-table__header--numeric" scope="col">
                {t('monitoring.figures.value')}
              </th>
            </tr>
          </thead>
          <tbody class="kern-table__body">
            {sorted.map((row) => (
              <tr class="kern-table__row" key={row.townId}>
                <th class="kern-table__header" scope="row">
                  {row.town?.name ?? '–'}
                </th>
                <td class="kern-table__cell kern-table__cell--numeric">{row.value === null ? WITHHELD_MARK : row.value === undefined ? '–' : format(row.value)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
