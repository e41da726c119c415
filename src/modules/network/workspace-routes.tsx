import type { FastifyReply, FastifyRequest } from 'fastify';
import { formAction } from '../../platform/http/form-action.ts';
import { formBody } from '../../platform/http/forms.ts';
import { pageNumber, parseId } from '../../platform/http/params.ts';
import { pageRequest, pageResult } from '../../platform/http/pagination.ts';
import { AgsIdParams, AgsParams } from '../../platform/http/schemas.ts';
import type { ModulePlugin } from '../../platform/module.ts';
import { ConfirmDelete, type FormState } from '../../platform/views/forms.tsx';
import { districtOptions, managedTown } from '../municipalities/index.ts';
import { networkCrumbs } from './crumbs.ts';
import { DirectoryQuery, directoryFilter, OrganisationForm, organisationToForm } from './forms.ts';
import { networkPicture, TABLE_PAGE_SIZE, tablePage } from './picture.ts';
import { networkRepository } from './repository.ts';
import { LikelyDuplicates, networkService } from './service.ts';
import { networkMergeService } from './merge.ts';
import type { DuplicateHit } from './duplicates-repository.ts';
import { NetworkOverviewPage, OrganisationFormPage, OrganisationsPage } from './views/workspace-pages.tsx';

const TOWN = { access: { scope: 'town' } } as const;
const NEW_ORGANISATION: FormState = { values: { type: 'club' }, errors: {} };

/** The network workspace of a town: figures and picture of all organisations, and the organisations themselves. */
export const networkWorkspaceRoutes: ModulePlugin = async (app, { services }) => {
  const { db } = services;
  const repo = networkRepository(db);
  const service = networkService(db);
  const merges = networkMergeService(db);

  app.get('/verwaltung/:ags/netzwerk', { config: TOWN, schema: { params: AgsParams, querystring: DirectoryQuery } }, async (request, reply) => {
    const town = managedTown(request);
    const { day, from, query } = directoryFilter(request.query);
    const network = await networkPicture(db, { municipalityId: town.id, publicOnly: false }, day, from);
    const table = tablePage(network, pageRequest(pageNumber(request.query.tabelle), TABLE_PAGE_SIZE));
    const page = { figures: network.figures, quarters: network.quarters, picture: network.picture, table };
    return reply.render(<NetworkOverviewPage ags={town.ags} name={town.name} day={day} from={from} query={{ stand: query.stand, von: query.von }} {...page} />, {
      title: request.t('network.workspace.title', { name: town.name }),
      breadcrumbs: networkCrumbs(request, town)
        .slice(0, 2)
        .concat({ label: request.t('network.workspace.crumb') }),
    });
  });

  const listHref = (ags: string) => `/verwaltung/${ags}/netzwerk/organisationen`;

  app.get('/verwaltung/:ags/netzwerk/organisationen', { config: TOWN, schema: { params: AgsParams, querystring: DirectoryQuery } }, async (request, reply) => {
    const town = managedTown(request);
    const { q, type, query } = directoryFilter(request.query);
    const filter = { type, query: q };
    const page = pageRequest(pageNumber(request.query.seite), 25);
    const rows = await repo.organisations(town.id, filter, page);
    const total = rows.length ? Number(rows[0]?.total) : await repo.countOrganisations(town.id, filter);
    return reply.render(<OrganisationsPage ags={town.ags} entries={pageResult(rows, total, page)} query={{ q: query.q, typ: query.typ }} />, {
      title: request.t('network.workspace.organisation.list_title'),
      breadcrumbs: networkCrumbs(request, town, { label: request.t('network.workspace.nav.organisations') }),
    });
  });

  async function renderForm(request: FastifyRequest, reply: FastifyReply, form: FormState, id?: number, name?: string, hits: DuplicateHit[] = []) {
    const town = managedTown(request);
    const title = id ? request.t('network.workspace.organisation.edit_title') : request.t('network.workspace.organisation.new');
    return reply.render(<OrganisationFormPage ags={town.ags} id={id} form={form} districts={await districtOptions(db, town.id)} hits={hits} />, {
      title,
      breadcrumbs: networkCrumbs(request, town, { href: listHref(town.ags), label: request.t('network.workspace.nav.organisations') }, { label: name ?? title }),
      status: Object.keys(form.errors).length ? 422 : 200,
    });
  }

  app.get('/verwaltung/:ags/netzwerk/organisationen/neu', { config: TOWN, schema: { params: AgsParams } }, (request, reply) => renderForm(request, reply, NEW_ORGANISATION));

  app.post('/verwaltung/:ags/netzwerk/organisationen/neu', { config: TOWN, schema: { params: AgsParams, body: formBody(OrganisationForm) } }, async (request, reply) => {
    const town = managedTown(request);
    return formAction(reply, {
      body: request.body,
      schema: OrganisationForm,
      invalid: (form) => renderForm(request, reply, form),
      run: async (input) => {
        try {
          await service.addOrganisation(request.actor, town, input);
        } catch (error) {
          if (!(error instanceof LikelyDuplicates)) throw error;
          const values = Object.fromEntries(Object.entries(request.body).filter((e): e is [string, string] => typeof e[1] === 'string'));
          return renderForm(request, reply, { values, errors: { name: { key: 'network.workspace.duplicates.confirm_needed' } } }, undefined, undefined, error.hits);
        }
        return { redirect: listHref(town.ags), flash: { key: 'network.workspace.organisation.added', params: { name: input.name } } };
      },
    });
  });

  app.get('/verwaltung/:ags/netzwerk/organisationen/:id', { config: TOWN, schema: { params: AgsIdParams } }, async (request, reply) => {
    const town = managedTown(request);
    const organisation = await service.organisation(town, parseId(request.params.id));
    const hits = await merges.organisationHits(town, organisation, organisation.id);
    return renderForm(request, reply, { values: organisationToForm(organisation), errors: {} }, organisation.id, organisation.name, hits);
  });

  app.post('/verwaltung/:ags/netzwerk/organisationen/:id', { config: TOWN, schema: { params: AgsIdParams, body: formBody(OrganisationForm) } }, async (request, reply) => {
    const town = managedTown(request);
    const organisation = await service.organisation(town, parseId(request.params.id));
    return formAction(reply, {
      body: request.body,
      schema: OrganisationForm,
      invalid: (form) => renderForm(request, reply, form, organisation.id, organisation.name),
      run: async (input) => {
        await service.updateOrganisation(request.actor, town, organisation.id, input);
        return { redirect: listHref(town.ags), flash: { key: 'common.saved' } };
      },
    });
  });

  app.get('/verwaltung/:ags/netzwerk/organisationen/:id/loeschen', { config: TOWN, schema: { params: AgsIdParams } }, async (request, reply) => {
    const town = managedTown(request);
    const organisation = await service.organisation(town, parseId(request.params.id));
    const links = await service.organisationLinks(town, organisation.id);
    const base = listHref(town.ags);
    return reply.render(
      <ConfirmDelete name={organisation.name} action={`${base}/${organisation.id}/loeschen`} cancelHref={base} note={request.t('network.workspace.organisation.delete_note', links)} />,
      {
        title: request.t('common.confirm_delete_title'),
        breadcrumbs: networkCrumbs(request, town, { href: base, label: request.t('network.workspace.nav.organisations') }, { label: organisation.name }),
      },
    );
  });

  app.post('/verwaltung/:ags/netzwerk/organisationen/:id/loeschen', { config: TOWN, schema: { params: AgsIdParams } }, async (request, reply) => {
    const town = managedTown(request);
    await service.deleteOrganisation(request.actor, town, parseId(request.params.id));
    return reply.flash('success', 'common.deleted').redirect(listHref(town.ags), 303);
  });
};
