import { useView } from '../../../platform/views/context.ts';

/**
 * Pages made of paragraphs from the catalog: `site.<page>.title`, then for each section
 * `site.<page>.<section>.title` and `.text` (paragraphs separated by blank lines).
 */
export function TextPage({ page, sections }: { page: string; sections: string[] }) {
  const { t } = useView();
  return (
    <article class="vv-narrow">
      <h1 class="kern-heading-large">{t(`site.${page}.title`)}</h1>
      <p class="kern-body kern-body--large">{t(`site.${page}.lead`)}</p>
      {sections.map((section) => (
        <section key={section} aria-labelledby={`${section}-heading`}>
          <h2 class="kern-heading-medium" id={`${section}-heading`}>
            {t(`site.${page}.${section}.title`)}
          </h2>
          {t(`site.${page}.${section}.text`)
            .split('\n\n')
            .map((paragraph) => (
              <p class="kern-body" key={paragraph.slice(0, 20)}>
                {paragraph}
              </p>
            ))}
        </section>
      ))}
    </article>
  );
}

export const TEXT_PAGES: Record<string, { path: string; sections: string[] }> = {
  imprint: { path: '/impressum', sections: ['provider', 'responsible', 'funding', 'demo'] },
  privacy: { path: '/datenschutz', sections: ['controller', 'data', 'cookies', 'purposes', 'retention', 'rights', 'recipients'] },
  accessibility: { path: '/barrierefreiheit', sections: ['status', 'limitations', 'preparation', 'feedback', 'enforcement'] },
  sources: { path: '/quellen', sections: ['boundaries', 'population', 'census', 'software', 'fonts'] },
  api: { path: '/api', sections: ['register', 'implementation', 'health', 'terms'] },
};
