import { countyLabel, StateMap } from '../../municipalities/index.ts';
import { formatDate } from '../../../platform/i18n/catalog.ts';
import { useView } from '../../../platform/views/context.ts';

type Participants = Awaited<ReturnType<typeof import('../../municipalities/index.ts').stateMapData>>;

export function HomePage({ participants }: { participants: Participants }) {
  const { t, locale } = useView();
  const participating = new Set(participants.map((p) => p.ags));
  return (
    <>
      <div class="kern-hgroup vv-page-heading">
        <h1 class="kern-heading-large">{t('site.home.title')}</h1>
        <p class="kern-body kern-body--large">{t('site.home.lead')}</p>
      </div>
      <section aria-labelledby="programme-heading">
        <h2 class="kern-heading-medium" id="programme-heading">
          {t('site.home.programme_title')}
        </h2>
        <p class="kern-body">{t('site.home.programme_text')}</p>
        <ul class="kern-list kern-list--bullet">
          <li>{t('site.home.point_strategy')}</li>
          <li>{t('site.home.point_participation')}</li>
          <li>{t('site.home.point_qualification')}</li>
          <li>{t('site.home.point_monitoring')}</li>
        </ul>
      </section>
      <section aria-labelledby="map-heading">
        <h2 class="kern-heading-medium" id="map-heading">
          {t('site.home.map_title')}
        </h2>
        <div class="vv-two-columns">
          <StateMap participating={participating} />
          <div>
            <h3 class="kern-heading-small" id="participants-heading">
              {t('site.home.participants_title', { count: participants.length })}
            </h3>
            <ul class="kern-list" aria-labelledby="participants-heading">
              {participants.map((p) => (
                <li key={p.ags}>
                  <a class="kern-link" href={`/kommunen/${p.ags}`}>
                    {p.name}
                  </a>{' '}
                  <span class="kern-body kern-body--small vv-muted">
                    ({countyLabel(t, { name: p.county_name, type: p.county_type })}, {t('site.home.since', { date: formatDate(locale, p.joined_on) })})
                  </span>
                </li>
              ))}
            </ul>
          </div>
        </div>
      </section>
      <section aria-labelledby="links-heading">
        <h2 class="kern-heading-medium" id="links-heading">
          {t('site.home.links_title')}
        </h2>
        <ul class="kern-list kern-list--bullet">
          <li>
            <a class="kern-link" href="/kommunen">
              {t('site.home.link_register')}
            </a>
          </li>
          <li>
            <a class="kern-link" href="/kommunen?teilnahme=ja">
              {t('site.home.link_participants')}
            </a>
          </li>
          <li>
            <a class="kern-link" href="/opendata">
              {t('site.home.link_open_data')}
            </a>
          </li>
          <li>
            <a class="kern-link" href="/quellen">
              {t('site.home.link_sources')}
            </a>
          </li>
        </ul>
      </section>
    </>
  );
}
