import type { FastifyReply, FastifyRequest } from 'fastify';
import { signedInActor } from '../../platform/http/access.ts';
import { formAction } from '../../platform/http/form-action.ts';
import { formBody } from '../../platform/http/forms.ts';
import { pageRequest, pageResult } from '../../platform/http/pagination.ts';
import { pageNumber } from '../../platform/http/params.ts';
import { AgsParams, PageQuery } from '../../platform/http/schemas.ts';
import type { ModulePlugin } from '../../platform/module.ts';
import type { FormState } from '../../platform/views/forms.tsx';
import { managedTown } from '../municipalities/index.ts';
import { cohesionService } from './cohesion-service.ts';
import { CohesionWaveForm } from './schemas.ts';
import { CohesionOverviewPage, CohesionTownPage } from './views/cohesion-pages.tsx';

const TOWN = { access: { scope: 'town' } } as const;
/** Indices only, each from the threshold on: the funder may see them, the office sees them too. */
const FUNDER = { access: 'funder' } as const;

/** The cohesion survey (R8): a town's waves over time with a new wave in one step, and every town's waves side by side. */
export const cohesionRoutes: ModulePlugin = async (app, { services }) => {
  const service = cohesionService(services);
  const base = (ags: string) => `/verwaltung/${ags}/zusammenhalt`;

  async function renderTown(request: FastifyRequest, reply: FastifyReply, form: FormState = { values: {}, errors: {} }) {
    const town = managedTown(request);
    const waves = await service.townWaves(town.id);
    return reply.render(<CohesionTownPage ags={town.ags} name={town.name} waves={waves} form={form} />, {
      title: request.t('surveys.cohesion_admin.title', { name: town.name }),
      breadcrumbs: [{ href: `/verwaltung/${town.ags}`, label: town.name }, { label: request.t('surveys.cohesion_admin.crumb') }],
      status: Object.keys(form.errors).length ? 422 : 200,
    });
  }

  app.get('/verwaltung/:ags/zusammenhalt', { config: TOWN, schema: { params: AgsParams } }, (request, reply) => renderTown(request, reply));

  app.post('/verwaltung/:ags/zusammenhalt', { config: TOWN, schema: { params: AgsParams, body: formBody(CohesionWaveForm) } }, async (request, reply) => {
    const town = managedTown(request);
    return formAction(reply, {
      body: request.body,
      schema: CohesionWaveForm,
      invalid: (form) => renderTown(request, reply, form),
      run: async (input) => {
        await service.createWave(signedInActor(request), town, input);
        return { redirect: base(town.ags), flash: { key: 'surveys.cohesion_admin.created' } };
      },
    });
  });

  app.get('/programmbuero/zusammenhalt', { config: FUNDER, schema: { querystring: PageQuery } }, async (request, reply) => {
    const page = pageRequest(pageNumber(request.query.seite), 50);
    const { waves, total } = await service.allWaves(page);
    return reply.render(<CohesionOverviewPage result={pageResult(waves, total, page)} />, {
      title: request.t('surveys.cohesion_admin.overview_title'),
      breadcrumbs: [{ label: request.t('surveys.cohesion_admin.overview_title') }],
    });
  });
};
