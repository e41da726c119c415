import { MEASURE_STATUSES, type MeasureStatus } from '../tables.ts';
import { formatDate } from '../../../platform/i18n/catalog.ts';
import { SubNavigation } from '../../../platform/views/components.tsx';
import { useView } from '../../../platform/views/context.ts';
import { FilterSelect } from '../../../platform/views/filters.tsx';

/** KERN badge variant per status; the badge always carries the status as text too. */
const STATUS_BADGE: Record<MeasureStatus, string> = {
  planned: 'kern-badge--info',
  running: 'kern-badge--warning',
  done: 'kern-badge--success',
  paused: 'kern-badge--neutral',
  dropped: 'kern-badge--danger',
};

export function StatusBadge({ status }: { status: MeasureStatus }) {
  const { t } = useView();
  return <span class={`kern-badge ${STATUS_BADGE[status]}`}>{t(`strategy.status.${status}`)}</span>;
}

/** "01.03.2026 – 31.12.2026", "ab 01.03.2026", "bis …", or nothing. */
export function Period({ startsOn, endsOn }: { startsOn: string | null; endsOn: string | null }) {
  const { t, locale } = useView();
  const format = (d: string) => formatDate(locale, d);
  if (startsOn && endsOn) return <>{t('strategy.period.range', { start: format(startsOn), end: format(endsOn) })}</>;
  if (startsOn) return <>{t('strategy.period.from', { start: format(startsOn) })}</>;
  if (endsOn) return <>{t('strategy.period.until', { end: format(endsOn) })}</>;
  return <>{t('strategy.period.open')}</>;
}

export function WorkspaceNav({ ags, current }: { ags: string; current: 'overview' | 'strategy' | 'fields' | 'measures' | 'districts' | 'participation' | 'moderation' | 'surveys' | 'events' }) {
  const { t } = useView();
  const items = [
    ['overview', `/verwaltung/${ags}`, 'strategy.workspace.overview'],
    ['strategy', `/verwaltung/${ags}/strategie`, 'strategy.workspace.versions'],
    ['fields', `/verwaltung/${ags}/handlungsfelder`, 'strategy.workspace.fields'],
    ['measures', `/verwaltung/${ags}/massnahmen`, 'strategy.workspace.measures'],
    ['districts', `/verwaltung/${ags}/ortsteile`, 'strategy.workspace.districts'],
    ['participation', `/verwaltung/${ags}/beteiligung`, 'participation.nav'],
    ['moderation', `/verwaltung/${ags}/moderation`, 'participation.moderation.crumb'],
    ['surveys', `/verwaltung/${ags}/umfragen`, 'surveys.nav'],
    ['events', `/verwaltung/${ags}/veranstaltungen`, 'events.nav'],
  ] as const;
  return <SubNavigation label={t('strategy.workspace.nav_label')} items={items} current={current} />;
}

/** Field of action and status: the filters of both measure lists (public and workspace). */
export function MeasureFilterFields({ fields, field, status }: { fields: Array<{ id: number; name: string }>; field: string | undefined; status: string | undefined }) {
  const { t } = useView();
  return (
    <>
      <FilterSelect name="handlungsfeld" label={t('strategy.measure.field')} value={field} options={fields.map((f) => ({ value: String(f.id), label: f.name }))} />
      <FilterSelect name="status" label={t('strategy.measure.status')} value={status} options={MEASURE_STATUSES.map((s) => ({ value: s, label: t(`strategy.status.${s}`) }))} />
    </>
  );
}
