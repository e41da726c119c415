import { formatDate } from '../../../platform/i18n/catalog.ts';
import { useView } from '../../../platform/views/context.ts';
import type { StrategySummary } from '../summary.ts';
import { MEASURE_STATUSES } from '../tables.ts';

/** The strategy in a few lines, on the municipality page. */
export function StrategySummaryView({ summary, ags }: { summary: StrategySummary; ags: string }) {
  const { t, locale } = useView();
  const version = summary.currentVersion;
  return (
    <div class="vv-strategy-summary">
      {version ? (
        <>
          <p class="kern-body">
            <strong>{version.title}</strong> ({version.versionLabel})
            {version.adoptedOn ? ` · ${t('strategy.summary.adopted', { date: formatDate(locale, version.adoptedOn) })}` : ` · ${t('strategy.summary.draft')}`}
          </p>
          {version.summary ? <p class="kern-body">{version.summary}</p> : null}
          {version.hasDocument ? (
            <p class="kern-body">
              <a class="kern-link" href={`/kommunen/${ags}/strategie/${version.versionId}/dokument`}>
                {t('strategy.summary.document')}
              </a>
            </p>
          ) : null}
        </>
      ) : (
        <p class="kern-body">{t('strategy.summary.no_version')}</p>
      )}
      <p class="kern-body">{t('strategy.summary.counts', { fields: summary.fieldCount, measures: summary.measureCount })}</p>
      {summary.measureCount > 0 ? (
        <ul class="kern-list kern-list--horizontal vv-status-counts">
          {MEASURE_STATUSES.map((status) => (
            <li key={status}>{t('strategy.summary.status_count', { status: t(`strategy.status.${status}`), count: summary.measuresByStatus[status] })}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
