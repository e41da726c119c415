import type { FastifyReply, FastifyRequest } from 'fastify';
import { formAction } from '../../platform/http/form-action.ts';
import { formBody } from '../../platform/http/forms.ts';
import { parseId } from '../../platform/http/params.ts';
import { AgsIdParams, AgsParams } from '../../platform/http/schemas.ts';
import type { ModulePlugin } from '../../platform/module.ts';
import { ConfirmDelete, EMPTY_FORM, type FormState } from '../../platform/views/forms.tsx';
import { managedTown } from '../municipalities/index.ts';
import { workspaceCrumbs } from './crumbs.ts';
import { FieldForm, GoalForm } from './forms.ts';
import { strategyRepository } from './repository.ts';
import { strategyService } from './service.ts';
import { FieldEditPage, FieldsPage, GoalEditPage } from './views/field-pages.tsx';

const TOWN = { access: { scope: 'town' } } as const;

/** A town's fields of action and the goals under each. */
export const strategyFieldRoutes: ModulePlugin = async (app, { services }) => {
  const { db } = services;
  const repo = strategyRepository(db);
  const service = strategyService(services);

  async function renderFields(request: FastifyRequest, reply: FastifyReply, form: FormState = EMPTY_FORM) {
    const town = managedTown(request);
    const [fields, goals] = await Promise.all([repo.fields(town.id), repo.goals(town.id)]);
    return reply.render(<FieldsPage ags={town.ags} name={town.name} fields={fields} goals={goals} form={form} />, {
      title: request.t('strategy.field.page_title', { name: town.name }),
      breadcrumbs: workspaceCrumbs(request, town, { label: request.t('strategy.workspace.fields') }),
      status: Object.keys(form.errors).length ? 422 : 200,
    });
  }

  app.get('/verwaltung/:ags/handlungsfelder', { config: TOWN, schema: { params: AgsParams } }, (request, reply) => renderFields(request, reply));

  app.post('/verwaltung/:ags/handlungsfelder', { config: TOWN, schema: { params: AgsParams, body: formBody(FieldForm) } }, async (request, reply) => {
    const town = managedTown(request);
    return formAction(reply, {
      body: request.body,
      schema: FieldForm,
      invalid: (form) => renderFields(request, reply, form),
      run: async (value) => {
        await service.addField(request.actor, town, value);
        return { redirect: `/verwaltung/${town.ags}/handlungsfelder`, flash: { key: 'strategy.field.added', params: { name: value.name } } };
      },
    });
  });

  async function renderFieldEdit(request: FastifyRequest, reply: FastifyReply, id: number, forms: { field?: FormState; goal?: FormState } = {}) {
    const town = managedTown(request);
    const [field, goals] = await Promise.all([service.field(town, id), repo.goals(town.id)]);
    const fieldForm = forms.field ?? { values: { name: field.name, description: field.description, position: String(field.position) }, errors: {} };
    const failed = Object.keys(forms.field?.errors ?? {}).length + Object.keys(forms.goal?.errors ?? {}).length > 0;
    return reply.render(<FieldEditPage ags={town.ags} fieldId={id} form={fieldForm} goals={goals.filter((g) => g.field_id === id)} goalForm={forms.goal ?? EMPTY_FORM} />, {
      title: request.t('strategy.field.edit_title'),
      breadcrumbs: workspaceCrumbs(request, town, { href: `/verwaltung/${town.ags}/handlungsfelder`, label: request.t('strategy.workspace.fields') }, { label: field.name }),
      status: failed ? 422 : 200,
    });
  }

  app.get('/verwaltung/:ags/handlungsfelder/:id', { config: TOWN, schema: { params: AgsIdParams } }, (request, reply) => renderFieldEdit(request, reply, parseId(request.params.id)));

  app.post('/verwaltung/:ags/handlungsfelder/:id', { config: TOWN, schema: { params: AgsIdParams, body: formBody(FieldForm) } }, async (request, reply) => {
    const town = managedTown(request);
    const id = parseId(request.params.id);
    return formAction(reply, {
      body: request.body,
      schema: FieldForm,
      invalid: (form) => renderFieldEdit(request, reply, id, { field: form }),
      run: async (value) => {
        await service.updateField(request.actor, town, id, value);
        return { redirect: `/verwaltung/${town.ags}/handlungsfelder`, flash: { key: 'common.saved' } };
      },
    });
  });

  app.post('/verwaltung/:ags/handlungsfelder/:id/ziele', { config: TOWN, schema: { params: AgsIdParams, body: formBody(GoalForm) } }, async (request, reply) => {
    const town = managedTown(request);
    const id = parseId(request.params.id);
    return formAction(reply, {
      body: request.body,
      schema: GoalForm,
      invalid: (form) => renderFieldEdit(request, reply, id, { goal: form }),
      run: async (value) => {
        await service.addGoal(request.actor, town, id, value);
        return { redirect: `/verwaltung/${town.ags}/handlungsfelder/${id}`, flash: { key: 'strategy.goal.added', params: { title: value.title } } };
      },
    });
  });

  app.get('/verwaltung/:ags/handlungsfelder/:id/loeschen', { config: TOWN, schema: { params: AgsIdParams } }, async (request, reply) => {
    const town = managedTown(request);
    const field = await service.field(town, parseId(request.params.id));
    const base = `/verwaltung/${town.ags}/handlungsfelder`;
    return reply.render(<ConfirmDelete name={field.name} action={`${base}/${field.id}/loeschen`} cancelHref={base} note={request.t('strategy.field.delete_note')} />, {
      title: request.t('common.confirm_delete_title'),
      breadcrumbs: workspaceCrumbs(request, town, { href: base, label: request.t('strategy.workspace.fields') }, { label: field.name }),
    });
  });

  // A field that still has measures is refused with a message on the list (AppError.conflict).
  app.post('/verwaltung/:ags/handlungsfelder/:id/loeschen', { config: TOWN, schema: { params: AgsIdParams } }, async (request, reply) => {
    const town = managedTown(request);
    const id = parseId(request.params.id);
    const base = `/verwaltung/${town.ags}/handlungsfelder`;
    return formAction(reply, {
      body: request.body,
      back: base,
      invalid: () => reply.redirect(base, 303),
      run: async () => {
        await service.deleteField(request.actor, town, id);
        return { redirect: base, flash: { key: 'common.deleted' } };
      },
    });
  });

  async function renderGoalEdit(request: FastifyRequest, reply: FastifyReply, id: number, form?: FormState) {
    const town = managedTown(request);
    const goal = await service.goal(town, id);
    const state = form ?? { values: { title: goal.title, description: goal.description, position: String(goal.position) }, errors: {} };
    return reply.render(<GoalEditPage ags={town.ags} goalId={goal.id} fieldId={goal.field_id} form={state} />, {
      title: request.t('strategy.goal.edit_title'),
      breadcrumbs: workspaceCrumbs(request, town, { href: `/verwaltung/${town.ags}/handlungsfelder/${goal.field_id}`, label: goal.field_name }, { label: goal.title }),
      status: form ? 422 : 200,
    });
  }

  app.get('/verwaltung/:ags/ziele/:id', { config: TOWN, schema: { params: AgsIdParams } }, (request, reply) => renderGoalEdit(request, reply, parseId(request.params.id)));

  app.post('/verwaltung/:ags/ziele/:id', { config: TOWN, schema: { params: AgsIdParams, body: formBody(GoalForm) } }, async (request, reply) => {
    const town = managedTown(request);
    const id = parseId(request.params.id);
    return formAction(reply, {
      body: request.body,
      schema: GoalForm,
      invalid: (form) => renderGoalEdit(request, reply, id, form),
      run: async (value) => {
        const fieldId = await service.updateGoal(request.actor, town, id, value);
        return { redirect: `/verwaltung/${town.ags}/handlungsfelder/${fieldId}`, flash: { key: 'common.saved' } };
      },
    });
  });

  app.get('/verwaltung/:ags/ziele/:id/loeschen', { config: TOWN, schema: { params: AgsIdParams } }, async (request, reply) => {
    const town = managedTown(request);
    const goal = await service.goal(town, parseId(request.params.id));
    const back = `/verwaltung/${town.ags}/handlungsfelder/${goal.field_id}`;
    return reply.render(<ConfirmDelete name={goal.title} action={`/verwaltung/${town.ags}/ziele/${goal.id}/loeschen`} cancelHref={back} note={request.t('strategy.goal.delete_note')} />, {
      title: request.t('common.confirm_delete_title'),
      breadcrumbs: workspaceCrumbs(request, town, { href: back, label: goal.field_name }, { label: goal.title }),
    });
  });

  app.post('/verwaltung/:ags/ziele/:id/loeschen', { config: TOWN, schema: { params: AgsIdParams } }, async (request, reply) => {
    const town = managedTown(request);
    const fieldId = await service.deleteGoal(request.actor, town, parseId(request.params.id));
    return reply.flash('success', 'common.deleted').redirect(`/verwaltung/${town.ags}/handlungsfelder/${fieldId}`, 303);
  });
};
