import { formatDate, formatNumber } from '../../../platform/i18n/catalog.ts';
import { useView } from '../../../platform/views/context.ts';
import type { Indicator } from '../service.ts';
import type { FactFilterSpec } from '../tables.ts';
import { periodLabel } from './dashboard.tsx';

import type { SourceInfo } from '../sources.ts';

export const definitionHref = (code: string) => `/monitoring/indikatoren/${encodeURIComponent(code)}`;

export function indicatorName(locale: string, indicator: Pick<Indicator, 'name_de' | 'name_en'>): string {
  return locale === 'de' ? indicator.name_de : indicator.name_en;
}

function Filter({ spec }: { spec: FactFilterSpec }) {
  const { t } = useView();
  const entries = Object.entries(spec);
  if (entries.length === 0) return null;
  return (
    <>
      {' '}
      {t('monitoring.definition.only')}{' '}
      {entries.map(([dimension, values], i) => (
        <span key={dimension}>
          {i > 0 ? '; ' : ''}
          <code>{dimension}</code> = {values.map((v) => `„${v}“`).join(` ${t('monitoring.definition.or')} `)}
        </span>
      ))}
    </>
  );
}

function SourceText({ id, filter, sources }: { id: string; filter: FactFilterSpec; sources: Map<string, SourceInfo> }) {
  const { t } = useView();
  const source = sources.get(id);
  if (!source) return <>{t('monitoring.definition.unknown_source', { id })}</>;
  return (
    <>
      {t(`monitoring.definition.kind_${source.kind}`, { source: t(source.labelKey) })}
      <Filter spec={filter} />
    </>
  );
}

/** The formula of a version in words: what is counted, filtered how, divided by what. */
export function FormulaText({ indicator, sources }: { indicator: Indicator; sources: Map<string, SourceInfo> }) {
  const { t, locale } = useView();
  if (!indicator.numerator_source) return <p class="kern-body">{t('monitoring.definition.formula_manual')}</p>;
  if (!indicator.denominator_source) {
    return (
      <p class="kern-body">
        <SourceText id={indicator.numerator_source} filter={indicator.numerator_filter} sources={sources} />.
      </p>
    );
  }
  return (
    <ol class="kern-list">
      <li>
        {t('monitoring.definition.numerator')}: <SourceText id={indicator.numerator_source} filter={indicator.numerator_filter} sources={sources} />
      </li>
      <li>
        {t('monitoring.definition.denominator')}: <SourceText id={indicator.denominator_source} filter={indicator.denominator_filter} sources={sources} />
      </li>
      <li>{t('monitoring.definition.ratio', { factor: formatNumber(locale, Number(indicator.factor)) })}</li>
    </ol>
  );
}

/** The list of the catalogue: every indicator's current version with its unit, origin and status. */
export function DefinitionsList({ indicators, editable }: { indicators: Indicator[]; editable: boolean }) {
  const { t, locale } = useView();
  return (
    <>
      <h1 class="kern-heading-large">{t('monitoring.definition.list_title')}</h1>
      <p class="kern-body">{t('monitoring.definition.list_lead')}</p>
      {editable ? <p class="kern-body">{t('monitoring.definition.list_editable')}</p> : null}
      <table class="kern-table">
        <caption class="kern-table__caption">{t('monitoring.definition.list_caption', { count: indicators.length })}</caption>
        <thead class="kern-table__head">
          <tr class="kern-table__row">
            <th class="kern-table__header" scope="col">
              {t('monitoring.figures.code')}
            </th>
            <th class="kern-table__header" scope="col">
              {t('monitoring.figures.indicator')}
            </th>
            <th class="kern-table__header" scope="col">
              {t('monitoring.figures.unit')}
            </th>
            <th class="kern-table__header" scope="col">
              {t('monitoring.definition.group')}
            </th>
            <th class="kern-table__header kern-table__header--numeric" scope="col">
              {t('monitoring.definition.version')}
            </th>
            <th class="kern-table__header" scope="col">
              {t('monitoring.definition.status')}
            </th>
          </tr>
        </thead>
        <tbody class="kern-table__body">
          {indicators.map((indicator) => (
            <tr class="kern-table__row" key={indicator.code}>
              <th class="kern-table__header" scope="row">
                <a class="kern-link" href={definitionHref(indicator.code)}>
                  {indicator.code}
                </a>
              </th>
              <td class="kern-table__cell">{indicatorName(locale, indicator)}</td>
              <td class="kern-table__cell">{t(`monitoring.unit.${indicator.unit}`)}</td>
              <td class="kern-table__cell">{t(`monitoring.definition.group_${indicator.group}`)}</td>
              <td class="kern-table__cell kern-table__cell--numeric">{indicator.version}</td>
              <td class="kern-table__cell">{t(`monitoring.definition.status_${indicator.status}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

export interface TargetRow {
  period: string;
  town: string | null;
  value: number;
}

export type VersionRow = Indicator & { created_by_name: string | null };

/** The fields whose change a version records, for the history's "what changed" column. */
const COMPARED = [
  'name_de',
  'name_en',
  'definition_de',
  'definition_en',
  'unit',
  'numerator_source',
  'numerator_filter',
  'denominator_source',
  'denominator_filter',
  'factor',
  'decimals',
  'direction',
  'status',
] as const;

function changedFields(version: VersionRow, previous: VersionRow | undefined): string[] {
  if (!previous) return [];
  return COMPARED.filter((field) => JSON.stringify(version[field]) !== JSON.stringify(previous[field]) && !(field === 'factor' && Number(version.factor) === Number(previous.factor)));
}

/** One indicator: its current definition, its formula in words, sources, targets per period and its versions. */
export function DefinitionPage({
  versions,
  targets,
  sources,
  showAuthors,
  editHref,
  actions,
  version,
}: {
  versions: VersionRow[];
  targets: TargetRow[];
  sources: Map<string, SourceInfo>;
  showAuthors: boolean;
  editHref?: string;
  actions?: preact.ComponentChildren;
  /** An earlier version to show (a report links to the version it was computed with); the newest when absent. */
  version?: number;
}) {
  const { t, locale } = useView();
  const newest = versions[0] as VersionRow;
  const current = versions.find((v) => v.version === version) ?? newest;
  const definition = locale === 'de' ? current.definition_de : current.definition_en || current.definition_de;
  const sourceIds = [current.numerator_source, current.denominator_source].filter((id, i, all): id is string => id !== null && all.indexOf(id) === i);
  return (
    <>
      <p class="kern-body">
        <a class="kern-link" href="/monitoring/indikatoren">
          {t('monitoring.definition.back')}
        </a>
      </p>
      <h1 class="kern-heading-large">
        {current.code}: {indicatorName(locale, current)}
      </h1>
      {current !== newest ? (
        <div class="kern-alert kern-alert--warning" role="status">
          <div class="kern-alert__body">
            <p class="kern-body">
              {t('monitoring.definition.old_version', { version: current.version, newest: newest.version })}{' '}
              <a class="kern-link" href={definitionHref(current.code)}>
                {t('monitoring.definition.to_newest')}
              </a>
            </p>
          </div>
        </div>
      ) : null}
      {current.status === 'retired' ? (
        <div class="kern-alert kern-alert--info" role="status">
          <div class="kern-alert__body">
            <p class="kern-body">{t('monitoring.definition.retired_notice')}</p>
          </div>
        </div>
      ) : null}
      {definition ? <p class="kern-body">{definition}</p> : null}
      <dl class="kern-description-list">
        <div class="kern-description-list-item">
          <dt class="kern-description-list-item__key">{t('monitoring.figures.unit')}</dt>
          <dd class="kern-description-list-item__value">{t(`monitoring.unit.${current.unit}`)}</dd>
        </div>
        <div class="kern-description-list-item">
          <dt class="kern-description-list-item__key">{t('monitoring.definition.group')}</dt>
          <dd class="kern-description-list-item__value">{t(`monitoring.definition.group_${current.group}`)}</dd>
        </div>
        <div class="kern-description-list-item">
          <dt class="kern-description-list-item__key">{t('monitoring.definition.direction')}</dt>
          <dd class="kern-description-list-item__value">{t(`monitoring.definition.direction_${current.direction}`)}</dd>
        </div>
        <div class="kern-description-list-item">
          <dt class="kern-description-list-item__key">{t('monitoring.definition.decimals')}</dt>
          <dd class="kern-description-list-item__value">{current.decimals}</dd>
        </div>
        <div class="kern-description-list-item">
          <dt class="kern-description-list-item__key">{t('monitoring.definition.version')}</dt>
          <dd class="kern-description-list-item__value">{t('monitoring.definition.version_since', { version: current.version, date: formatDate(locale, current.created_at) })}</dd>
        </div>
        <div class="kern-description-list-item">
          <dt class="kern-description-list-item__key">{t('monitoring.definition.status')}</dt>
          <dd class="kern-description-list-item__value">{t(`monitoring.definition.status_${current.status}`)}</dd>
        </div>
      </dl>
      {editHref && current === newest ? (
        <p class="kern-body">
          <a class="kern-link" href={editHref}>
            {t('monitoring.definition.edit')}
          </a>
        </p>
      ) : null}
      <h2 class="kern-heading-medium">{t('monitoring.definition.formula')}</h2>
      <FormulaText indicator={current} sources={sources} />
      <h2 class="kern-heading-medium">{t('monitoring.definition.sources')}</h2>
      {sourceIds.length === 0 ? (
        <p class="kern-body">{t('monitoring.definition.sources_manual')}</p>
      ) : (
        <ul class="kern-list">
          {sourceIds.map((id) => {
            const source = sources.get(id);
            return (
              <li key={id}>
                {source ? t(source.labelKey) : id} (<code>{id}</code>)
              </li>
            );
          })}
        </ul>
      )}
      <h2 class="kern-heading-medium">{t('monitoring.definition.targets')}</h2>
      {targets.length === 0 ? (
        <p class="kern-body">{t('monitoring.definition.targets_none')}</p>
      ) : (
        <table class="kern-table">
          <caption class="kern-table__caption">{t('monitoring.definition.targets_caption', { code: current.code })}</caption>
          <thead class="kern-table__head">
            <tr class="kern-table__row">
              <th class="kern-table__header" scope="col">
                {t('monitoring.period.label')}
              </th>
              <th class="kern-table__header" scope="col">
                {t('monitoring.definition.level')}
              </th>
              <th class="kern-table__header kern-table__header--numeric" scope="col">
                {t('monitoring.figures.target')}
              </th>
            </tr>
          </thead>
          <tbody class="kern-table__body">
            {targets.map((target) => (
              <tr class="kern-table__row" key={`${target.period}-${target.town}`}>
                <th class="kern-table__header" scope="row">
                  {periodLabel(t, target.period)}
                </th>
                <td class="kern-table__cell">{target.town ?? t('monitoring.definition.programme')}</td>
                <td class="kern-table__cell kern-table__cell--numeric">{formatNumber(locale, target.value, current.decimals, true)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {actions}
      <h2 class="kern-heading-medium">{t('monitoring.definition.history')}</h2>
      <table class="kern-table">
        <caption class="kern-table__caption">{t('monitoring.definition.history_caption', { code: current.code })}</caption>
        <thead class="kern-table__head">
          <tr class="kern-table__row">
            <th class="kern-table__header kern-table__header--numeric" scope="col">
              {t('monitoring.definition.version')}
            </th>
            <th class="kern-table__header" scope="col">
              {t('monitoring.definition.valid')}
            </th>
            <th class="kern-table__header" scope="col">
              {t('monitoring.figures.indicator')}
            </th>
            <th class="kern-table__header" scope="col">
              {t('monitoring.definition.changed')}
            </th>
            {showAuthors ? (
              <th class="kern-table__header" scope="col">
                {t('monitoring.definition.author')}
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody class="kern-table__body">
          {versions.map((version, i) => {
            const changed = changedFields(version, versions[i + 1]);
            return (
              <tr class="kern-table__row" key={version.version}>
                <th class="kern-table__header kern-table__header--numeric" scope="row">
                  {version === current ? (
                    version.version
                  ) : (
                    <a class="kern-link" href={`${definitionHref(version.code)}?fassung=${version.version}`} aria-label={t('monitoring.definition.show_version', { version: version.version })}>
                      {version.version}
                    </a>
                  )}
                </th>
                <td class="kern-table__cell">
                  {version.superseded_at
                    ? t('monitoring.definition.valid_range', { from: formatDate(locale, version.created_at), to: formatDate(locale, version.superseded_at) })
                    : t('monitoring.definition.valid_since', { from: formatDate(locale, version.created_at) })}
                </td>
                <td class="kern-table__cell">{indicatorName(locale, version)}</td>
                <td class="kern-table__cell">{i === versions.length - 1 ? t('monitoring.definition.first_version') : changed.map((f) => t(`monitoring.definition.field.${f}`)).join(', ') || '–'}</td>
                {showAuthors ? <td class="kern-table__cell">{version.created_by_name ?? '–'}</td> : null}
              </tr>
            );
          })}
        </tbody>
      </table>
    </>
  );
}
