import type { FastifyReply, FastifyRequest } from 'fastify';
import { formAction } from '../../platform/http/form-action.ts';
import { formBody } from '../../platform/http/forms.ts';
import { parseId } from '../../platform/http/params.ts';
import { IdParams } from '../../platform/http/schemas.ts';
import type { ModulePlugin } from '../../platform/module.ts';
import { EMPTY_FORM, type FormState } from '../../platform/views/forms.tsx';
import { ItemTextForm, NewItemForm } from './forms.ts';
import { can } from './policy.ts';
import { diversityCheckRepository } from './repository.ts';
import { diversityCheckResults, MIN_INSTITUTIONS } from './results.ts';
import { diversityCheckService } from './service.ts';
import { ComparisonPage, ItemFormPage, ItemsPage } from './views/office-pages.tsx';

const FUNDER = { access: 'funder' } as const;
const OFFICE = { access: 'office' } as const;
const ITEMS = '/programmbuero/vielfalts-check/fragen';

/** Across towns: the comparison (office and funder, means only) and the office's items. */
export const diversityCheckOfficeRoutes: ModulePlugin = async (app, { services }) => {
  const { db } = services;
  const service = diversityCheckService(db);
  const results = diversityCheckResults(db);
  const repo = diversityCheckRepository(db);
  const crumbs = (request: FastifyRequest, ...rest: Array<{ href?: string; label: string }>) => [
    { href: '/programmbuero/vielfalts-check', label: request.t('diversity_check.compare.title') },
    ...rest,
  ];

  app.get('/programmbuero/vielfalts-check', { config: FUNDER }, async (request, reply) => {
    const towns = await results.comparison();
    return reply.render(<ComparisonPage towns={towns} threshold={MIN_INSTITUTIONS} canEditItems={can(request.actor, 'edit_items')} />, {
      title: request.t('diversity_check.compare.title'),
      breadcrumbs: [{ label: request.t('diversity_check.compare.title') }],
    });
  });

  async function renderItems(request: FastifyRequest, reply: FastifyReply, form: FormState) {
    const [{ version, items }, versions] = await Promise.all([service.current(), repo.versions()]);
    return reply.render(<ItemsPage version={version} items={items} versions={versions} form={form} />, {
      title: request.t('diversity_check.items.title'),
      breadcrumbs: crumbs(request, { label: request.t('diversity_check.items.title') }),
      status: Object.keys(form.errors).length ? 422 : 200,
    });
  }

  app.get(ITEMS, { config: OFFICE }, (request, reply) => renderItems(request, reply, EMPTY_FORM));

  app.post(ITEMS, { config: OFFICE, schema: { body: formBody(NewItemForm) } }, (request, reply) =>
    formAction(reply, {
      body: request.body,
      schema: NewItemForm,
      invalid: (form) => renderItems(request, reply, form),
      run: async (input) => {
        const version = await service.addItem(request.actor, input);
        return { redirect: ITEMS, flash: { key: 'diversity_check.items.saved', params: { version: version.number } } };
      },
    }),
  );

  async function renderItem(request: FastifyRequest, reply: FastifyReply, id: number, form?: FormState) {
    const item = await service.currentItem(id);
    return reply.render(<ItemFormPage id={item.id} form={form ?? { values: { textDe: item.text_de, textEn: item.text_en }, errors: {} }} />, {
      title: request.t('diversity_check.items.edit_title'),
      breadcrumbs: crumbs(request, { href: ITEMS, label: request.t('diversity_check.items.title') }, { label: request.t('diversity_check.items.edit_title') }),
      status: form && Object.keys(form.errors).length ? 422 : 200,
    });
  }

  app.get(`${ITEMS}/:id`, { config: OFFICE, schema: { params: IdParams } }, (request, reply) => renderItem(request, reply, parseId(request.params.id)));

  app.post(`${ITEMS}/:id`, { config: OFFICE, schema: { params: IdParams, body: formBody(ItemTextForm) } }, async (request, reply) => {
    const item = await service.currentItem(parseId(request.params.id));
    return formAction(reply, {
      body: request.body,
      schema: ItemTextForm,
      invalid: (form) => renderItem(request, reply, item.id, form),
      run: async (input) => {
        const version = await service.changeItem(request.actor, item.id, input);
        return { redirect: ITEMS, flash: { key: 'diversity_check.items.saved', params: { version: version.number } } };
      },
    });
  });
};
