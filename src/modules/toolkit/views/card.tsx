import { useView } from '../../../platform/views/context.ts';

/** A card's content as a page shows it: the German text, or a translation of title, summary, goal and steps. */
export interface CardContent {
  id: number;
  title: string;
  summary: string;
  goal: string;
  steps: string[];
  duration: string;
  group_size: string;
  format: string;
  target_groups: string[];
  fields_of_action: string[];
  materials: string;
  contact: string;
  languages: string[];
  licence: string;
  easy_summary: string;
  town: string;
  ags: string;
}

const LICENCE_URLS: Record<string, string> = {
  'CC-BY-4.0': 'https://creativecommons.org/licenses/by/4.0/deed.de',
  'CC-BY-SA-4.0': 'https://creativecommons.org/licenses/by-sa/4.0/deed.de',
  'CC0-1.0': 'https://creativecommons.org/publicdomain/zero/1.0/deed.de',
  'dl-de-by-2.0': 'https://www.govdata.de/dl-de/by-2-0',
};

const LICENCE_LABELS: Record<string, string> = { 'CC-BY-4.0': 'CC BY 4.0', 'CC-BY-SA-4.0': 'CC BY-SA 4.0', 'CC0-1.0': 'CC0 1.0', 'dl-de-by-2.0': 'dl-de/by-2-0' };

export function labelList(t: (key: string) => string, prefix: string, values: string[]): string {
  return values.map((v) => t(`${prefix}.${v}`)).join(', ');
}

/** The body of a method card: what it is for, the steps in order, the facts, materials and licence. */
export function CardBody({ card, headingLevel = 2 }: { card: CardContent; headingLevel?: 2 | 3 }) {
  const { t } = useView();
  const H = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <div class="vv-method">
      <p class="kern-body kern-body--large">{card.summary}</p>
      {card.easy_summary ? (
        <section class="vv-field-block" lang="de-x-leicht" aria-labelledby={`easy-${card.id}`}>
          <H class="kern-heading-small" id={`easy-${card.id}`}>
            {t('toolkit.card.easy_summary')}
          </H>
          <p class="kern-body">{card.easy_summary}</p>
        </section>
      ) : null}
      <dl class="vv-measure__facts vv-method__facts">
        <div>
          <dt class="kern-title">{t('toolkit.card.format')}</dt>
          <dd>{t(`toolkit.format.${card.format}`)}</dd>
        </div>
        <div>
          <dt class="kern-title">{t('toolkit.card.duration')}</dt>
          <dd>{t(`toolkit.duration.${card.duration}`)}</dd>
        </div>
        <div>
          <dt class="kern-title">{t('toolkit.card.group_size')}</dt>
          <dd>{t(`toolkit.size.${card.group_size}`)}</dd>
        </div>
        <div>
          <dt class="kern-title">{t('toolkit.card.fields')}</dt>
          <dd>{labelList(t, 'toolkit.field', card.fields_of_action)}</dd>
        </div>
        {card.target_groups.length ? (
          <div>
            <dt class="kern-title">{t('toolkit.card.target_groups')}</dt>
            <dd>{labelList(t, 'toolkit.target', card.target_groups)}</dd>
          </div>
        ) : null}
        {card.languages.length ? (
          <div>
            <dt class="kern-title">{t('toolkit.card.languages')}</dt>
            <dd>{card.languages.join(', ')}</dd>
          </div>
        ) : null}
        <div>
          <dt class="kern-title">{t('toolkit.card.town')}</dt>
          <dd>
            <a class="kern-link" href={`/kommunen/${card.ags}`}>
              {card.town}
            </a>
          </dd>
        </div>
        {card.contact ? (
          <div>
            <dt class="kern-title">{t('toolkit.card.contact')}</dt>
            <dd>{card.contact}</dd>
          </div>
        ) : null}
      </dl>
      {card.goal ? (
        <>
          <H class="kern-heading-small">{t('toolkit.card.goal')}</H>
          <p class="kern-body">{card.goal}</p>
        </>
      ) : null}
      <H class="kern-heading-small">{t('toolkit.card.steps')}</H>
      <ol class="kern-list vv-method__steps">
        {card.steps.map((step, i) => (
          <li key={i}>{step}</li>
        ))}
      </ol>
      {card.materials ? (
        <>
          <H class="kern-heading-small">{t('toolkit.card.materials')}</H>
          <p class="kern-body vv-pre-line">{card.materials}</p>
        </>
      ) : null}
      <p class="kern-body vv-muted">
        {t('toolkit.card.licence')}:{' '}
        <a class="kern-link" href={LICENCE_URLS[card.licence] ?? LICENCE_URLS['CC-BY-4.0']} rel="license">
          {LICENCE_LABELS[card.licence] ?? card.licence}
        </a>
      </p>
    </div>
  );
}
