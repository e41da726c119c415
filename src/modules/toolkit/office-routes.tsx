import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../platform/http/errors.ts';
import { formAction } from '../../platform/http/form-action.ts';
import { formBody } from '../../platform/http/forms.ts';
import { pageNumber, parseId } from '../../platform/http/params.ts';
import { pageRequest, pageResult } from '../../platform/http/pagination.ts';
import { IdParams, PageQuery } from '../../platform/http/schemas.ts';
import type { ModulePlugin } from '../../platform/module.ts';
import type { FormState } from '../../platform/views/forms.tsx';
import { DecisionForm } from './forms.ts';
import { toolkitRepository } from './repository.ts';
import { toolkitService } from './service.ts';
import { ReviewPage, ReviewQueuePage } from './views/office-pages.tsx';

const OFFICE = { access: 'office' } as const;
const QUEUE = '/programmbuero/werkzeugkoffer';

/** The programme office's side of the editorial flow: the queue of submitted cards and the decision on each. */
export const toolkitOfficeRoutes: ModulePlugin = async (app, { services }) => {
  const { db } = services;
  const repo = toolkitRepository(db);
  const service = toolkitService(db);
  const crumbs = (request: FastifyRequest, ...rest: Array<{ href?: string; label: string }>) => [
    { href: '/programmbuero', label: request.t('toolkit.office.office_crumb') },
    { href: QUEUE, label: request.t('toolkit.office.title') },
    ...rest,
  ];

  app.get(QUEUE, { config: OFFICE, schema: { querystring: PageQuery } }, async (request, reply) => {
    const page = pageRequest(pageNumber(request.query.seite), 25);
    const rows = await repo.methodsInStates(['submitted', 'changes_requested', 'published', 'withdrawn'], page);
    return reply.render(<ReviewQueuePage queue={pageResult(rows, rows.length ? Number(rows[0]?.total) : 0, page)} />, {
      title: request.t('toolkit.office.title'),
      breadcrumbs: crumbs(request)
        .slice(0, 1)
        .concat({ label: request.t('toolkit.office.title') }),
    });
  });

  async function renderReview(request: FastifyRequest<{ Params: { id: string } }>, reply: FastifyReply, form: FormState) {
    const method = await repo.methodWithTown(parseId(request.params.id), false);
    if (!method) throw AppError.notFound();
    const versions = await repo.versions(method.id);
    return reply.render(<ReviewPage card={method} status={method.status} form={form} editHref={`/verwaltung/${method.ags}/werkzeugkoffer/methoden/${method.id}`} versions={versions} />, {
      title: method.title,
      breadcrumbs: crumbs(request, { label: method.title }),
      status: Object.keys(form.errors).length ? 422 : 200,
    });
  }

  app.get(`${QUEUE}/methoden/:id`, { config: OFFICE, schema: { params: IdParams } }, (request, reply) => renderReview(request, reply, { values: {}, errors: {} }));

  app.post(`${QUEUE}/methoden/:id/entscheidung`, { config: OFFICE, schema: { params: IdParams, body: formBody(DecisionForm) } }, async (request, reply) => {
    const id = parseId(request.params.id);
    await service.anyMethod(id);
    return formAction(reply, {
      body: request.body,
      schema: DecisionForm,
      invalid: (form) => renderReview(request, reply, form),
      run: async (input) => {
        const status = await service.decideMethod(request.actor, id, input);
        return { redirect: QUEUE, flash: { key: `toolkit.office.decided_${status}` } };
      },
    });
  });
};
