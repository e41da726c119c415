import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { signedInActor } from '../../platform/http/access.ts';
import { formAction } from '../../platform/http/form-action.ts';
import { FormInteger, FormText, formBody, formList } from '../../platform/http/forms.ts';
import { parseId } from '../../platform/http/params.ts';
import { AgsIdParams } from '../../platform/http/schemas.ts';
import type { ModulePlugin } from '../../platform/module.ts';
import { EMPTY_FORM, type FormState } from '../../platform/views/forms.tsx';
import { managedTown } from '../municipalities/index.ts';
import { measureOptions } from '../strategy/index.ts';
import { ofTown } from './policy.ts';
import { processService } from './process-service.ts';
import { participationRepository } from './repository.ts';
import { OfflineForm, proposalChoices } from './route-support.ts';
import { participationService } from './service.ts';
import { townMeasures } from './strategy-links.ts';
import { AnswerPage } from './views/form-pages.tsx';
import { OfflinePage } from './views/proposal-forms.tsx';

const TOWN = { access: { scope: 'town' } } as const;
const AnswerForm = Type.Object({
  status: Type.Union([Type.Literal('in_review'), Type.Literal('accepted'), Type.Literal('rejected'), Type.Literal('merged')]),
  text: Type.Optional(FormText({ max: 10000 })),
  mergedIntoId: Type.Optional(FormInteger({ min: 1, max: 2_000_000_000 })),
});

/** Ids ticked in a list of checkboxes (several values, so not in the body schema); anything that is not an id is dropped. */
function idList(body: unknown, name: string): number[] {
  return formList(body, name)
    .filter((v) => /^\d{1,9}$/.test(v))
    .map(Number);
}

/** The town's work on proposals: entering one from paper, giving the official answer. */
export const proposalWorkspaceRoutes: ModulePlugin = async (app, { services }) => {
  const { db } = services;
  const repo = participationRepository(db);
  const service = participationService(services);
  const processes = processService(services);

  async function renderOffline(request: FastifyRequest, reply: FastifyReply, processId: number, form: FormState) {
    const municipality = managedTown(request);
    const process = await processes.ownProcess(request.actor, municipality.id, processId);
    const { fields, districts } = await proposalChoices(db, municipality.id);
    const title = request.t('participation.offline.title');
    return reply.render(
      <OfflinePage action={`/verwaltung/${municipality.ags}/beteiligung/${process.id}/offline`} cancel={`/beteiligung/${process.id}`} form={form} fields={fields} districts={districts} />,
      { title, breadcrumbs: [{ href: `/beteiligung/${process.id}`, label: process.title }, { label: title }], status: Object.keys(form.errors).length ? 422 : 200 },
    );
  }

  app.get('/verwaltung/:ags/beteiligung/:id/offline', { config: TOWN, schema: { params: AgsIdParams } }, (request, reply) => renderOffline(request, reply, parseId(request.params.id), EMPTY_FORM));

  app.post('/verwaltung/:ags/beteiligung/:id/offline', { config: TOWN, schema: { params: AgsIdParams, body: formBody(OfflineForm) } }, async (request, reply) => {
    const municipality = managedTown(request);
    const process = await processes.ownProcess(request.actor, municipality.id, parseId(request.params.id));
    return formAction(reply, {
      body: request.body,
      schema: OfflineForm,
      invalid: (form) => renderOffline(request, reply, process.id, form),
      run: async (value) => {
        const id = await processes.addOffline(signedInActor(request), municipality.id, process.id, value);
        return { redirect: `/beteiligung/${process.id}/vorschlaege/${id}`, flash: { key: 'participation.offline.saved' } };
      },
    });
  });

  async function renderAnswer(request: FastifyRequest, reply: FastifyReply, proposalId: number, form?: FormState & { measureIds: number[] }) {
    const municipality = managedTown(request);
    const proposal = ofTown(await repo.proposal(proposalId), municipality);
    const [measures, linked, others] = await Promise.all([measureOptions(db, municipality.id), repo.linkedMeasureIds(proposal.id), repo.mergeCandidates(proposal.process_id, proposal.id)]);
    const state = form ?? {
      values: { status: proposal.status === 'open' ? 'in_review' : proposal.status, text: proposal.answer_text, mergedIntoId: proposal.merged_into_id ? String(proposal.merged_into_id) : '' },
      errors: {},
      measureIds: (await townMeasures(db, municipality.id, linked)).map((m) => m.id),
    };
    return reply.render(<AnswerPage proposal={proposal} form={state} measures={measures} others={others} action={`/verwaltung/${municipality.ags}/vorschlaege/${proposal.id}/antwort`} />, {
      title: request.t('participation.answer.give_title', { title: proposal.title }),
      breadcrumbs: [{ href: `/beteiligung/${proposal.process_id}/vorschlaege/${proposal.id}`, label: proposal.title }, { label: request.t('participation.answer.give') }],
      status: Object.keys(state.errors).length ? 422 : 200,
    });
  }

  app.get('/verwaltung/:ags/vorschlaege/:id/antwort', { config: TOWN, schema: { params: AgsIdParams } }, (request, reply) => renderAnswer(request, reply, parseId(request.params.id)));

  app.post('/verwaltung/:ags/vorschlaege/:id/antwort', { config: TOWN, schema: { params: AgsIdParams, body: formBody(AnswerForm) } }, async (request, reply) => {
    const municipality = managedTown(request);
    const proposal = ofTown(await repo.proposal(parseId(request.params.id)), municipality);
    const measureIds = idList(request.body, 'measureIds');
    return formAction(reply, {
      body: request.body,
      schema: AnswerForm,
      invalid: (form) => renderAnswer(request, reply, proposal.id, { ...form, measureIds }),
      run: async (value) => {
        await service.answer(signedInActor(request), municipality.id, proposal.id, { status: value.status, text: value.text ?? '', measureIds, mergedIntoId: value.mergedIntoId });
        return { redirect: `/beteiligung/${proposal.process_id}/vorschlaege/${proposal.id}`, flash: { key: 'participation.answer.saved' } };
      },
    });
  });
};
