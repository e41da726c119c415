import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError, ValidationError } from '../../platform/http/errors.ts';
import { formAction } from '../../platform/http/form-action.ts';
import { formBody } from '../../platform/http/forms.ts';
import { pageNumber, parseId } from '../../platform/http/params.ts';
import { pageRequest, pageResult } from '../../platform/http/pagination.ts';
import { Ags, AgsIdParams, AgsParams, Id, PageQuery } from '../../platform/http/schemas.ts';
import type { ModulePlugin } from '../../platform/module.ts';
import type { FormState } from '../../platform/views/forms.tsx';
import { managedTown } from '../municipalities/index.ts';
import { MethodForm, type MethodLists, methodToForm, readMethodLists, TranslationForm } from './forms.ts';
import { can } from './policy.ts';
import { toolkitRepository } from './repository.ts';
import { toolkitService } from './service.ts';
import { isOneOf, TRANSLATION_LOCALES } from './tables.ts';
import { MethodFormPage, TownToolkitPage, TranslationFormPage } from './views/workspace-pages.tsx';

const TOWN = { access: { scope: 'town' } } as const;
const TranslationParams = Type.Object({ ags: Ags, id: Id, sprache: Type.String({ maxLength: 12 }) });
const NEW_METHOD: FormState = { values: { format: 'workshop', duration: 'short', groupSize: 'medium', licence: 'CC-BY-4.0' }, errors: {} };

/** The town's toolkit workspace: its cards in every state, the card form, submitting for review, translations. */
export const toolkitWorkspaceRoutes: ModulePlugin = async (app, { services }) => {
  const { db } = services;
  const repo = toolkitRepository(db);
  const service = toolkitService(db);
  const base = (ags: string) => `/verwaltung/${ags}/werkzeugkoffer`;
  const crumbs = (request: FastifyRequest, town: { ags: string; name: string }, ...rest: Array<{ href?: string; label: string }>) => [
    { href: `/kommunen/${town.ags}`, label: town.name },
    { href: `/verwaltung/${town.ags}`, label: request.t('toolkit.workspace.workspace_crumb') },
    { href: base(town.ags), label: request.t('toolkit.workspace.crumb') },
    ...rest,
  ];

  app.get('/verwaltung/:ags/werkzeugkoffer', { config: TOWN, schema: { params: AgsParams, querystring: PageQuery } }, async (request, reply) => {
    const town = managedTown(request);
    const page = pageRequest(pageNumber(request.query.seite), 25);
    const rows = await repo.townMethods(town.id, page);
    return reply.render(<TownToolkitPage ags={town.ags} name={town.name} methods={pageResult(rows, rows.length ? Number(rows[0]?.total) : 0, page)} />, {
      title: request.t('toolkit.workspace.title', { name: town.name }),
      breadcrumbs: crumbs(request, town)
        .slice(0, 2)
        .concat({ label: request.t('toolkit.workspace.crumb') }),
    });
  });

  async function renderForm(request: FastifyRequest, reply: FastifyReply, form: FormState, lists: MethodLists, id?: number) {
    const town = managedTown(request);
    const title = id ? request.t('toolkit.workspace.edit_method') : request.t('toolkit.workspace.new_method');
    let existing: Parameters<typeof MethodFormPage>[0]['existing'];
    let locked = false;
    if (id) {
      const method = await service.townMethod(town, id);
      locked = !can(request.actor, 'edit', { municipalityId: town.id, status: method.status });
      const [translated, versions] = await Promise.all([repo.translatedLocales(id), repo.versions(id)]);
      existing = {
        id,
        status: method.status,
        reviewNote: method.review_note,
        canSubmit: can(request.actor, 'submit', { municipalityId: town.id, status: method.status }),
        translated,
        translateBase: `${base(town.ags)}/methoden/${id}/uebersetzung`,
        versions,
      };
    }
    return reply.render(
      <MethodFormPage action={id ? `${base(town.ags)}/methoden/${id}` : `${base(town.ags)}/methoden/neu`} cancelHref={base(town.ags)} form={form} lists={lists} locked={locked} existing={existing} />,
      { title, breadcrumbs: crumbs(request, town, { label: title }), status: Object.keys(form.errors).length ? 422 : 200 },
    );
  }

  /** The form's checkbox groups and their messages join the schema's messages, so one answer names every problem. */
  function invalidWithLists(request: FastifyRequest, reply: FastifyReply, id?: number) {
    return (form: FormState) => {
      const { lists, errors } = readMethodLists(request.body);
      return renderForm(request, reply, { values: form.values, errors: { ...errors, ...form.errors } }, lists, id);
    };
  }

  app.get('/verwaltung/:ags/werkzeugkoffer/methoden/neu', { config: TOWN, schema: { params: AgsParams } }, (request, reply) =>
    renderForm(request, reply, NEW_METHOD, { targetGroups: [], fieldsOfAction: [] }),
  );

  app.post('/verwaltung/:ags/werkzeugkoffer/methoden/neu', { config: TOWN, schema: { params: AgsParams, body: formBody(MethodForm) } }, async (request, reply) => {
    const town = managedTown(request);
    return formAction(reply, {
      body: request.body,
      schema: MethodForm,
      invalid: invalidWithLists(request, reply),
      run: async (input) => {
        const { lists, errors } = readMethodLists(request.body);
        if (Object.keys(errors).length) throw new ValidationError(errors);
        const id = await service.proposeMethod(request.actor, town, input, lists);
        return { redirect: `${base(town.ags)}/methoden/${id}`, flash: { key: 'toolkit.workspace.created' } };
      },
    });
  });

  app.get('/verwaltung/:ags/werkzeugkoffer/methoden/:id', { config: TOWN, schema: { params: AgsIdParams } }, async (request, reply) => {
    const method = await service.townMethod(managedTown(request), parseId(request.params.id));
    const { values, lists } = methodToForm(method);
    return renderForm(request, reply, { values, errors: {} }, lists, method.id);
  });

  app.post('/verwaltung/:ags/werkzeugkoffer/methoden/:id', { config: TOWN, schema: { params: AgsIdParams, body: formBody(MethodForm) } }, async (request, reply) => {
    const town = managedTown(request);
    const method = await service.townMethod(town, parseId(request.params.id));
    return formAction(reply, {
      body: request.body,
      schema: MethodForm,
      invalid: invalidWithLists(request, reply, method.id),
      back: `${base(town.ags)}/methoden/${method.id}`,
      run: async (input) => {
        const { lists, errors } = readMethodLists(request.body);
        if (Object.keys(errors).length) throw new ValidationError(errors);
        await service.updateMethod(request.actor, town, method.id, input, lists);
        return { redirect: `${base(town.ags)}/methoden/${method.id}`, flash: { key: 'common.saved' } };
      },
    });
  });

  app.post('/verwaltung/:ags/werkzeugkoffer/methoden/:id/einreichen', { config: TOWN, schema: { params: AgsIdParams } }, async (request, reply) => {
    const town = managedTown(request);
    const id = parseId(request.params.id);
    return formAction(reply, {
      body: request.body,
      invalid: () => reply.redirect(`${base(town.ags)}/methoden/${id}`, 303),
      back: `${base(town.ags)}/methoden/${id}`,
      run: async () => {
        await service.submitMethod(request.actor, town, id);
        return { redirect: base(town.ags), flash: { key: 'toolkit.workspace.submitted' } };
      },
    });
  });

  async function translationTarget(request: FastifyRequest<{ Params: { ags: string; id: string; sprache: string } }>) {
    const town = managedTown(request);
    const locale = request.params.sprache;
    if (!isOneOf(TRANSLATION_LOCALES, locale)) throw AppError.notFound();
    const method = await service.townMethod(town, parseId(request.params.id));
    return { town, locale, method };
  }

  async function renderTranslation(request: FastifyRequest<{ Params: { ags: string; id: string; sprache: string } }>, reply: FastifyReply, form?: FormState) {
    const { town, locale, method } = await translationTarget(request);
    let state = form;
    if (!state) {
      const existing = await repo.translation(method.id, locale);
      state = { values: existing ? { title: existing.title, summary: existing.summary, goal: existing.goal, steps: existing.steps.join('\n') } : {}, errors: {} };
    }
    const title = request.t('toolkit.workspace.translation_title', { language: request.t(`toolkit.language.${locale}`) });
    const back = `${base(town.ags)}/methoden/${method.id}`;
    return reply.render(<TranslationFormPage action={`${back}/uebersetzung/${locale}`} cancelHref={back} form={state} locale={locale} original={method} />, {
      title,
      breadcrumbs: crumbs(request, town, { href: back, label: method.title }, { label: title }),
      status: Object.keys(state.errors).length ? 422 : 200,
    });
  }

  app.get('/verwaltung/:ags/werkzeugkoffer/methoden/:id/uebersetzung/:sprache', { config: TOWN, schema: { params: TranslationParams } }, (request, reply) => renderTranslation(request, reply));

  app.post('/verwaltung/:ags/werkzeugkoffer/methoden/:id/uebersetzung/:sprache', { config: TOWN, schema: { params: TranslationParams, body: formBody(TranslationForm) } }, async (request, reply) => {
    const { town, locale, method } = await translationTarget(request);
    return formAction(reply, {
      body: request.body,
      schema: TranslationForm,
      invalid: (form) => renderTranslation(request, reply, form),
      run: async (input) => {
        await service.translateMethod(request.actor, town, method.id, locale, input);
        return { redirect: `${base(town.ags)}/methoden/${method.id}`, flash: { key: 'common.saved' } };
      },
    });
  });
};
