import type { ModulePlugin } from '../../platform/module.ts';
import { stateMapData } from '../municipalities/index.ts';
import { HomePage } from './views/home-page.tsx';
import { TEXT_PAGES, TextPage } from './views/text-pages.tsx';

const PUBLIC = { access: 'public' } as const;

export const siteRoutes: ModulePlugin = async (app, { services }) => {
  app.get('/', { config: PUBLIC }, async (request, reply) => {
    const participants = await stateMapData(services.db);
    return reply.render(<HomePage participants={participants} />, { title: request.t('site.home.title') });
  });

  // The open data and the API moved to /opendata; old links and bookmarks keep working.
  app.get('/api', { config: PUBLIC }, async (_request, reply) => reply.redirect('/opendata', 301));

  for (const [page, { path, sections }] of Object.entries(TEXT_PAGES)) {
    app.get(path, { config: PUBLIC }, async (request, reply) =>
      reply.render(<TextPage page={page} sections={sections} />, {
        title: request.t(`site.${page}.title`),
        breadcrumbs: [{ label: request.t(`site.${page}.title`) }],
      }),
    );
  }
};
