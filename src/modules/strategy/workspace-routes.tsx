import type { FastifyReply, FastifyRequest } from 'fastify';
import { coordinatedMunicipalityIds, isProgrammeOffice } from '../../platform/access/actor.ts';
import { signedInActor } from '../../platform/http/access.ts';
import { AppError } from '../../platform/http/errors.ts';
import { formAction } from '../../platform/http/form-action.ts';
import { readMultipartForm } from '../../platform/http/multipart.ts';
import { parseId } from '../../platform/http/params.ts';
import { AgsIdParams, AgsParams } from '../../platform/http/schemas.ts';
import type { ModulePlugin } from '../../platform/module.ts';
import { ConfirmDelete, EMPTY_FORM, type FormState } from '../../platform/views/forms.tsx';
import { managedTown, municipalityOptions, participatingMunicipalities } from '../municipalities/index.ts';
import { workspaceCrumbs } from './crumbs.ts';
import { versionInput } from './forms.ts';
import { strategyRepository } from './repository.ts';
import { strategyService } from './service.ts';
import { statusCounts } from './summary.ts';
import { VersionEditPage, VersionsPage, WorkspaceChoicePage, WorkspacePage } from './views/workspace-pages.tsx';

const TOWN = { access: { scope: 'town' } } as const;

/** The way into the workspace and a town's strategy versions. */
export const strategyWorkspaceRoutes: ModulePlugin = async (app, { services }) => {
  const { db } = services;
  const repo = strategyRepository(db);
  const service = strategyService(services);

  /** From the main navigation: straight to the own town, or a choice when there are several. */
  app.get('/verwaltung', { config: { access: 'coordinator' } }, async (request, reply) => {
    const actor = signedInActor(request);
    const towns = isProgrammeOffice(actor) ? await participatingMunicipalities(db) : (await municipalityOptions(db)).filter((m) => coordinatedMunicipalityIds(actor).includes(m.id));
    if (towns.length === 0) throw AppError.forbidden();
    if (towns.length === 1 && !isProgrammeOffice(actor)) return reply.redirect(`/verwaltung/${towns[0]?.ags}`, 303);
    return reply.render(<WorkspaceChoicePage towns={towns} />, { title: request.t('strategy.workspace.choose_title'), breadcrumbs: [{ label: request.t('strategy.workspace.crumb') }] });
  });

  app.get('/verwaltung/:ags', { config: TOWN, schema: { params: AgsParams } }, async (request, reply) => {
    const town = managedTown(request);
    const [counts, fields, versions] = await Promise.all([statusCounts(db, town.id), repo.fields(town.id), repo.versions(town.id)]);
    return reply.render(<WorkspacePage ags={town.ags} name={town.name} counts={counts} fieldCount={fields.length} versionCount={versions.length} />, {
      title: request.t('strategy.workspace.title', { name: town.name }),
      breadcrumbs: [{ href: `/kommunen/${town.ags}`, label: town.name }, { label: request.t('strategy.workspace.crumb') }],
    });
  });

  // ---------- strategy versions ----------

  async function renderVersions(request: FastifyRequest, reply: FastifyReply, form: FormState = EMPTY_FORM) {
    const town = managedTown(request);
    const versions = await repo.versions(town.id);
    return reply.render(<VersionsPage ags={town.ags} name={town.name} versions={versions} form={form} />, {
      title: request.t('strategy.version.page_title', { name: town.name }),
      breadcrumbs: workspaceCrumbs(request, town, { label: request.t('strategy.workspace.versions') }),
      status: Object.keys(form.errors).length ? 422 : 200,
    });
  }

  /** The version form comes as multipart (it carries the PDF); a plain form post is a bad request. */
  async function readVersionForm(request: FastifyRequest) {
    if (!request.isMultipart()) throw new AppError('bad_request', 400, 'errors.bad_request.text');
    return readMultipartForm(request, 'document');
  }

  app.get('/verwaltung/:ags/strategie', { config: TOWN, schema: { params: AgsParams } }, (request, reply) => renderVersions(request, reply));

  app.post('/verwaltung/:ags/strategie', { config: TOWN, schema: { params: AgsParams } }, async (request, reply) => {
    const town = managedTown(request);
    const form = await readVersionForm(request);
    return formAction(reply, {
      body: form.fields,
      invalid: (state) => renderVersions(request, reply, state),
      run: async () => {
        await service.addVersion(request.actor, town, versionInput(form.fields, form.fileError), form.file);
        return { redirect: `/verwaltung/${town.ags}/strategie`, flash: { key: 'strategy.version.added' } };
      },
    });
  });

  async function renderVersionEdit(request: FastifyRequest, reply: FastifyReply, id: number, form?: FormState) {
    const town = managedTown(request);
    const version = await service.version(town, id);
    const state = form ?? { values: { title: version.title, versionLabel: version.version_label, adoptedOn: version.adopted_on ?? '', summary: version.summary }, errors: {} };
    return reply.render(<VersionEditPage ags={town.ags} id={id} form={state} />, {
      title: request.t('strategy.version.edit_title'),
      breadcrumbs: workspaceCrumbs(request, town, { href: `/verwaltung/${town.ags}/strategie`, label: request.t('strategy.workspace.versions') }, { label: version.title }),
      status: form && Object.keys(form.errors).length ? 422 : 200,
    });
  }

  app.get('/verwaltung/:ags/strategie/:id', { config: TOWN, schema: { params: AgsIdParams } }, (request, reply) => renderVersionEdit(request, reply, parseId(request.params.id)));

  app.post('/verwaltung/:ags/strategie/:id', { config: TOWN, schema: { params: AgsIdParams } }, async (request, reply) => {
    const town = managedTown(request);
    const id = parseId(request.params.id);
    // Looked up before the upload is read: an id of another town is a 404 whatever the body.
    await service.version(town, id);
    const form = await readVersionForm(request);
    return formAction(reply, {
      body: form.fields,
      invalid: (state) => renderVersionEdit(request, reply, id, state),
      run: async () => {
        await service.updateVersion(request.actor, town, id, versionInput(form.fields, form.fileError), form.file);
        return { redirect: `/verwaltung/${town.ags}/strategie`, flash: { key: 'common.saved' } };
      },
    });
  });

  app.get('/verwaltung/:ags/strategie/:id/loeschen', { config: TOWN, schema: { params: AgsIdParams } }, async (request, reply) => {
    const town = managedTown(request);
    const version = await service.version(town, parseId(request.params.id));
    const base = `/verwaltung/${town.ags}/strategie`;
    return reply.render(<ConfirmDelete name={version.title} action={`${base}/${version.id}/loeschen`} cancelHref={base} />, {
      title: request.t('common.confirm_delete_title'),
      breadcrumbs: workspaceCrumbs(request, town, { href: base, label: request.t('strategy.workspace.versions') }, { label: version.title }),
    });
  });

  app.post('/verwaltung/:ags/strategie/:id/loeschen', { config: TOWN, schema: { params: AgsIdParams } }, async (request, reply) => {
    const town = managedTown(request);
    await service.deleteVersion(request.actor, town, parseId(request.params.id));
    return reply.flash('success', 'common.deleted').redirect(`/verwaltung/${town.ags}/strategie`, 303);
  });
};
