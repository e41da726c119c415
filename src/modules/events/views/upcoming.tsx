import { formatDate } from '../../../platform/i18n/catalog.ts';
import { useView } from '../../../platform/views/context.ts';

/** The next events on a municipality's public page. */
export function UpcomingEvents({ ags, events }: { ags: string; events: Array<{ id: number; title: string; starts_at: Date; cancelled_at: Date | null }> }) {
  const { t, locale } = useView();
  return (
    <>
      <h3 class="kern-heading-small">{t('events.public.upcoming')}</h3>
      <ul class="kern-list kern-list--bullet">
        {events.map((e) => (
          <li key={e.id}>
            <a class="kern-link" href={`/veranstaltungen/${e.id}`}>
              {e.title}
            </a>{' '}
            <span class="vv-muted">
              ({formatDate(locale, e.starts_at, true)}
              {e.cancelled_at ? `, ${t('events.public.cancelled')}` : ''})
            </span>
          </li>
        ))}
      </ul>
      <p class="kern-body">
        <a class="kern-link" href={`/kommunen/${ags}/veranstaltungen`}>
          {t('events.public.all_of_town')}
        </a>
      </p>
    </>
  );
}
