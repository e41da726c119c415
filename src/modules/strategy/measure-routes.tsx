import type { FastifyReply, FastifyRequest } from 'fastify';
import { formAction } from '../../platform/http/form-action.ts';
import { formBody, formList } from '../../platform/http/forms.ts';
import { METHOD_IDS_FIELD, methodLinks, methodPicker } from '../../platform/method-links.ts';
import { pageNumber, parseId } from '../../platform/http/params.ts';
import { pageRequest, pageResult } from '../../platform/http/pagination.ts';
import { AgsIdParams, AgsParams } from '../../platform/http/schemas.ts';
import type { ModulePlugin } from '../../platform/module.ts';
import { ConfirmDelete, type FormState } from '../../platform/views/forms.tsx';
import { districtOptions, managedTown } from '../municipalities/index.ts';
import { workspaceCrumbs } from './crumbs.ts';
import { cleanFilter, FilterQuery, MeasureForm, measureInput, measureToForm, UpdateForm } from './forms.ts';
import { strategyRepository } from './repository.ts';
import { strategyService } from './service.ts';
import { MeasureEditPage, MeasureListPage, MeasureNewPage } from './views/measure-pages.tsx';

const TOWN = { access: { scope: 'town' } } as const;
const NEW_MEASURE: FormState = { values: { status: 'planned', progress: '0' }, errors: {} };

/** A town's measures: the list, the forms and the progress reports. */
export const strategyMeasureRoutes: ModulePlugin = async (app, { services }) => {
  const { db } = services;
  const repo = strategyRepository(db);
  const service = strategyService(services);

  app.get('/verwaltung/:ags/massnahmen', { config: TOWN, schema: { params: AgsParams, querystring: FilterQuery } }, async (request, reply) => {
    const town = managedTown(request);
    const { filter, query } = cleanFilter(request.query);
    const page = pageRequest(pageNumber(request.query.seite), 25);
    const [{ items, total }, fields] = await Promise.all([repo.measurePage(town.id, filter, page), repo.fields(town.id)]);
    return reply.render(<MeasureListPage ags={town.ags} name={town.name} result={pageResult(items, total, page)} query={query} fields={fields} />, {
      title: request.t('strategy.measure.list_title', { name: town.name }),
      breadcrumbs: workspaceCrumbs(request, town, { label: request.t('strategy.workspace.measures') }),
    });
  });

  const methodCards = methodLinks(services);

  /** The form's choices; the ticked cards from what was typed (after an error) or else from what the measure names. */
  async function choices(municipalityId: number, methodIds: () => Promise<Array<string | number>> | Array<string | number>, values: FormState['values']) {
    const [fields, goals, districts, methods] = await Promise.all([
      repo.fields(municipalityId),
      repo.goals(municipalityId),
      districtOptions(db, municipalityId),
      Promise.resolve(methodIds()).then((ticked) => methodPicker(methodCards, db, ticked, values)),
    ]);
    return { fields, goals, districts, methods };
  }

  async function renderNewMeasure(request: FastifyRequest, reply: FastifyReply, form: FormState = NEW_MEASURE) {
    const town = managedTown(request);
    return reply.render(<MeasureNewPage ags={town.ags} form={form} choices={await choices(town.id, () => formList(request.body, METHOD_IDS_FIELD), form.values)} />, {
      title: request.t('strategy.measure.add'),
      breadcrumbs: workspaceCrumbs(request, town, { href: `/verwaltung/${town.ags}/massnahmen`, label: request.t('strategy.workspace.measures') }, { label: request.t('strategy.measure.add') }),
      status: Object.keys(form.errors).length ? 422 : 200,
    });
  }

  app.get('/verwaltung/:ags/massnahmen/neu', { config: TOWN, schema: { params: AgsParams } }, (request, reply) => renderNewMeasure(request, reply));

  // Parsed in `run` (not by formAction's schema) so that schema errors and the end-before-start rule show together.
  app.post('/verwaltung/:ags/massnahmen/neu', { config: TOWN, schema: { params: AgsParams, body: formBody(MeasureForm) } }, async (request, reply) => {
    const town = managedTown(request);
    return formAction(reply, {
      body: request.body,
      invalid: (form) => renderNewMeasure(request, reply, form),
      run: async () => {
        const input = measureInput(request.body);
        const id = await service.addMeasure(request.actor, town, input);
        return { redirect: `/verwaltung/${town.ags}/massnahmen/${id}`, flash: { key: 'strategy.measure.added', params: { title: input.title } } };
      },
    });
  });

  async function renderMeasure(request: FastifyRequest, reply: FastifyReply, id: number, forms: { edit?: FormState; update?: FormState } = {}) {
    const town = managedTown(request);
    const measure = await service.measure(town, id);
    const ticked = forms.edit ? () => formList(request.body, METHOD_IDS_FIELD) : async () => (methodCards ? await methodCards.named(db, 'measure', id) : []);
    const [options, history] = await Promise.all([choices(town.id, ticked, forms.edit?.values ?? {}), repo.updates(id)]);
    const failed = Object.keys(forms.edit?.errors ?? {}).length + Object.keys(forms.update?.errors ?? {}).length > 0;
    return reply.render(
      <MeasureEditPage
        ags={town.ags}
        measureId={id}
        title={measure.title}
        form={forms.edit ?? { values: measureToForm(measure), errors: {} }}
        updateForm={forms.update ?? { values: { updateStatus: measure.status, updateProgress: String(measure.progress) }, errors: {} }}
        choices={options}
        history={history}
      />,
      {
        title: measure.title,
        breadcrumbs: workspaceCrumbs(request, town, { href: `/verwaltung/${town.ags}/massnahmen`, label: request.t('strategy.workspace.measures') }, { label: measure.title }),
        status: failed ? 422 : 200,
      },
    );
  }

  app.get('/verwaltung/:ags/massnahmen/:id', { config: TOWN, schema: { params: AgsIdParams } }, (request, reply) => renderMeasure(request, reply, parseId(request.params.id)));

  app.post('/verwaltung/:ags/massnahmen/:id', { config: TOWN, schema: { params: AgsIdParams, body: formBody(MeasureForm) } }, async (request, reply) => {
    const town = managedTown(request);
    const id = parseId(request.params.id);
    return formAction(reply, {
      body: request.body,
      invalid: (form) => renderMeasure(request, reply, id, { edit: form }),
      run: async () => {
        await service.updateMeasure(request.actor, town, id, measureInput(request.body));
        return { redirect: `/verwaltung/${town.ags}/massnahmen/${id}`, flash: { key: 'common.saved' } };
      },
    });
  });

  app.post('/verwaltung/:ags/massnahmen/:id/fortschritt', { config: TOWN, schema: { params: AgsIdParams, body: formBody(UpdateForm) } }, async (request, reply) => {
    const town = managedTown(request);
    const id = parseId(request.params.id);
    return formAction(reply, {
      body: request.body,
      schema: UpdateForm,
      invalid: (form) => renderMeasure(request, reply, id, { update: form }),
      run: async (value) => {
        await service.postUpdate(request.actor, town, id, { text: value.updateText, status: value.updateStatus, progress: value.updateProgress });
        return { redirect: `/verwaltung/${town.ags}/massnahmen/${id}`, flash: { key: 'strategy.update.posted' } };
      },
    });
  });

  app.get('/verwaltung/:ags/massnahmen/:id/loeschen', { config: TOWN, schema: { params: AgsIdParams } }, async (request, reply) => {
    const town = managedTown(request);
    const measure = await service.measure(town, parseId(request.params.id));
    const base = `/verwaltung/${town.ags}/massnahmen`;
    return reply.render(<ConfirmDelete name={measure.title} action={`${base}/${measure.id}/loeschen`} cancelHref={`${base}/${measure.id}`} note={request.t('strategy.measure.delete_note')} />, {
      title: request.t('common.confirm_delete_title'),
      breadcrumbs: workspaceCrumbs(request, town, { href: base, label: request.t('strategy.workspace.measures') }, { label: measure.title }),
    });
  });

  app.post('/verwaltung/:ags/massnahmen/:id/loeschen', { config: TOWN, schema: { params: AgsIdParams } }, async (request, reply) => {
    const town = managedTown(request);
    await service.deleteMeasure(request.actor, town, parseId(request.params.id));
    return reply.flash('success', 'common.deleted').redirect(`/verwaltung/${town.ags}/massnahmen`, 303);
  });
};
