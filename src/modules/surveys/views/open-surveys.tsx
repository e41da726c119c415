import { formatDate } from '../../../platform/i18n/catalog.ts';
import { useView } from '../../../platform/views/context.ts';

/** The town's open surveys; a template's wave is named in the reader's language. */
export function OpenSurveys({ surveys, town }: { surveys: Array<{ id: number; title: string; closes_on: string; template: string | null }>; town: string }) {
  const { t, locale } = useView();
  return (
    <>
      <h3 class="kern-heading-small">{t('surveys.open_now')}</h3>
      <ul class="kern-list kern-list--bullet">
        {surveys.map((s) => (
          <li key={s.id}>
            <a class="kern-link" href={`/umfragen/${s.id}`}>
              {s.template === 'cohesion' ? t('surveys.cohesion.title', { name: town }) : s.title}
            </a>{' '}
            <span class="vv-muted">({t('surveys.until', { date: formatDate(locale, s.closes_on) })})</span>
          </li>
        ))}
      </ul>
    </>
  );
}
