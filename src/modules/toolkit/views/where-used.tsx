import { useView } from '../../../platform/views/context.ts';
import type { UseLink, WhereUsed } from '../use-read.ts';

function LinkList({ heading, links }: { heading: string; links: UseLink[] }) {
  if (!links.length) return null;
  return (
    <>
      <h3 class="kern-heading-small">{heading}</h3>
      <ul class="kern-list">
        {links.map((l) => (
          <li key={l.id}>
            <a class="kern-link" href={l.href}>
              {l.label}
            </a>
            {l.town ? ` (${l.town})` : ''}
          </li>
        ))}
      </ul>
    </>
  );
}

/** Where the card was used: the towns with how often, then the measures, events, training modules and good-practice examples. */
export function WhereUsedSection({ used, examples }: { used: WhereUsed; examples: Array<{ id: number; title: string; town: string }> }) {
  const { t } = useView();
  const nothing = !used.towns.length && !used.modules.length && !examples.length;
  return (
    <section class="vv-noprint" aria-labelledby="where-used">
      <h2 class="kern-heading-medium" id="where-used">
        {t('toolkit.card.used_title')}
      </h2>
      {nothing ? (
        <p class="kern-body">{t('toolkit.card.used_none')}</p>
      ) : (
        <>
          {used.towns.length ? (
            <>
              <p class="kern-body">{t('toolkit.card.used_towns', { count: used.towns.length })}</p>
              <ul class="kern-list">
                {used.towns.map((town) => (
                  <li key={town.ags}>
                    <a class="kern-link" href={`/kommunen/${town.ags}`}>
                      {town.name}
                    </a>
                    : {t('toolkit.card.used_times', { count: town.count })}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          <LinkList heading={t('toolkit.card.used_measures', { count: used.measures.length })} links={used.measures} />
          <LinkList heading={t('toolkit.card.used_events', { count: used.events.length })} links={used.events} />
          <LinkList heading={t('toolkit.card.used_modules', { count: used.modules.length })} links={used.modules} />
          <LinkList
            heading={t('toolkit.card.used_examples', { count: examples.length })}
            links={examples.map((e) => ({ id: e.id, label: e.title, href: `/werkzeugkoffer/beispiele/${e.id}`, town: e.town }))}
          />
        </>
      )}
    </section>
  );
}
