import { pageNumber } from '../../platform/http/params.ts';
import { pageRequest, pageResult } from '../../platform/http/pagination.ts';
import { AgsParams } from '../../platform/http/schemas.ts';
import type { ModulePlugin } from '../../platform/module.ts';
import { requireMunicipality } from '../municipalities/index.ts';
import { DirectoryQuery, directoryFilter } from './forms.ts';
import { networkPicture, TABLE_PAGE_SIZE, tablePage } from './picture.ts';
import { networkRepository } from './repository.ts';
import { DirectoryPage } from './views/public-pages.tsx';

const PAGE_SIZE = 20;

/** The public directory of a town's network with its figures and picture, from public organisations only. */
export const networkPublicRoutes: ModulePlugin = async (app, { services }) => {
  const { db } = services;
  const repo = networkRepository(db);

  app.get('/kommunen/:ags/netzwerk', { config: { access: 'public' }, schema: { params: AgsParams, querystring: DirectoryQuery } }, async (request, reply) => {
    const municipality = await requireMunicipality(db, request.params.ags);
    const { q, type, day, from, query } = directoryFilter(request.query);
    const filter = { publicOnly: true, type, query: q };
    const page = pageRequest(pageNumber(request.query.seite), PAGE_SIZE);
    const network = networkPicture(db, { municipalityId: municipality.id, publicOnly: true }, day, from);
    // Awaited below; this only keeps a failure from counting as unhandled while the list is read.
    network.catch(() => undefined);
    let rows: Awaited<ReturnType<typeof repo.organisationsPage>>;
    let total: number;
    if (q || type) {
      const found = await repo.organisations(municipality.id, filter, page);
      rows = found;
      total = found.length ? Number(found[0]?.total) : await repo.countOrganisations(municipality.id, filter);
    } else {
      // Unfiltered, the directory lists exactly the public organisations the figures count.
      rows = await repo.organisationsPage(municipality.id, filter, page);
      total = (await network).figures.organisations;
    }
    const state = await network;
    const table = tablePage(state, pageRequest(pageNumber(request.query.tabelle), TABLE_PAGE_SIZE));
    return reply.render(
      <DirectoryPage
        ags={municipality.ags}
        name={municipality.name}
        entries={pageResult(rows, total, page)}
        query={query}
        day={day}
        from={from}
        figures={state.figures}
        quarters={state.quarters}
        picture={state.picture}
        table={table}
      />,
      {
        title: request.t('network.public.title', { name: municipality.name }),
        breadcrumbs: [
          { href: '/kommunen', label: request.t('municipalities.register.title') },
          { href: `/kommunen/${municipality.ags}`, label: municipality.name },
          { label: request.t('network.public.crumb') },
        ],
      },
    );
  });
};
