import { useView } from '../../../platform/views/context.ts';

/**
 * Pages made of paragraphs from the catalog: `site.<page>.title`, then for each section
 * `site.<page>.<section>.title` and `.text` (paragraphs separated by blank lines).
 */
export function TextPage({ page, sections }: { page: string; sections: Array<string | { id: string; titleKey: string; textKey: string }> }) {
  const { t } = useView();
  return (
    <article class="vv-narrow">
      <h1 class="kern-heading-large">{t(`site.${page}.title`)}</h1>
      <p class="kern-body kern-body--large">{t(`site.${page}.lead`)}</p>
      {sections.map((entry) => {
        const section = typeof entry === 'string' ? { id: entry, titleKey: `site.${page}.${entry}.title`, textKey: `site.${page}.${entry}.text` } : entry;
        return (
          <section key={section.id} aria-labelledby={`${section.id}-heading`}>
            <h2 class="kern-heading-medium" id={`${section.id}-heading`}>
              {t(section.titleKey)}
            </h2>
            {t(section.textKey)
              .split('\n\n')
              .map((paragraph) => (
                <p class="kern-body" key={paragraph.slice(0, 20)}>
                  {paragraph}
                </p>
              ))}
          </section>
        );
      })}
    </article>
  );
}

export const TEXT_PAGES: Record<string, { path: string; sections: string[] }> = {
  imprint: { path: '/impressum', sections: ['provider', 'responsible', 'funding', 'demo'] },
  privacy: { path: '/datenschutz', sections: ['controller', 'data', 'cookies', 'purposes', 'retention', 'rights', 'recipients'] },
  accessibility: { path: '/barrierefreiheit', sections: ['status', 'limitations', 'preparation', 'feedback', 'enforcement'] },
  sources: { path: '/quellen', sections: ['boundaries', 'population', 'census', 'software', 'fonts'] },
  // The collections come first, from the module manifests (see routes.tsx).
};
