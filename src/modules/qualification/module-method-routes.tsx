import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { signedInActor } from '../../platform/http/access.ts';
import { ValidationError } from '../../platform/http/errors.ts';
import { formAction } from '../../platform/http/form-action.ts';
import { formBodySchema, formList } from '../../platform/http/forms.ts';
import { parseId } from '../../platform/http/params.ts';
import { Id } from '../../platform/http/schemas.ts';
import { METHOD_IDS_FIELD, readMethodIds } from '../../platform/method-links.ts';
import type { ModulePlugin } from '../../platform/module.ts';
import { EMPTY_FORM, type FormState } from '../../platform/views/forms.tsx';
import { moduleMethodService } from './module-methods.ts';
import { ModuleMethodsPage } from './views/module-methods-page.tsx';

const OFFICE = { access: 'office' } as const;
const ModuleParams = Type.Object({ id: Id, mid: Id });

/** The office names the method cards of the toolkit a training module uses; the card's page lists the module. */
export const moduleMethodRoutes: ModulePlugin = async (app, { services }) => {
  const service = moduleMethodService(services);
  const programmePage = (id: number) => `/programmbuero/qualifizierung/${id}`;

  async function render(request: FastifyRequest, reply: FastifyReply, programmeId: number, moduleId: number, form: FormState = EMPTY_FORM, ticked?: string[]) {
    const { module, choices } = await service.form(programmeId, moduleId, ticked, form.values);
    return reply.render(
      <ModuleMethodsPage action={`${programmePage(programmeId)}/module/${moduleId}/methoden`} cancelHref={programmePage(programmeId)} moduleTitle={module.title} form={form} choices={choices} />,
      {
        title: request.t('qualification.office.module_methods_title', { title: module.title }),
        breadcrumbs: [
          { href: '/programmbuero/qualifizierung', label: request.t('qualification.office.title') },
          { href: programmePage(programmeId), label: module.programme },
          { label: module.title },
        ],
        status: Object.keys(form.errors).length ? 422 : 200,
      },
    );
  }

  app.get('/programmbuero/qualifizierung/:id/module/:mid/methoden', { config: OFFICE, schema: { params: ModuleParams } }, (request, reply) =>
    render(request, reply, parseId(request.params.id), parseId(request.params.mid)),
  );

  app.post('/programmbuero/qualifizierung/:id/module/:mid/methoden', { config: OFFICE, schema: { params: ModuleParams, body: formBodySchema([]) } }, async (request, reply) => {
    const programmeId = parseId(request.params.id);
    const moduleId = parseId(request.params.mid);
    await service.moduleOf(programmeId, moduleId);
    return formAction(reply, {
      body: request.body,
      invalid: (form) => render(request, reply, programmeId, moduleId, form, formList(request.body, METHOD_IDS_FIELD)),
      run: async () => {
        const { ids, errors } = readMethodIds(request.body);
        if (Object.keys(errors).length) throw new ValidationError(errors);
        await service.setMethods(signedInActor(request), programmeId, moduleId, ids);
        return { redirect: programmePage(programmeId), flash: { key: 'common.saved' } };
      },
    });
  });
};
