import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { formAction } from '../../platform/http/form-action.ts';
import { formBody } from '../../platform/http/forms.ts';
import { parseId } from '../../platform/http/params.ts';
import { Ags, Id } from '../../platform/http/schemas.ts';
import type { ModulePlugin } from '../../platform/module.ts';
import type { FormState } from '../../platform/views/forms.tsx';
import { managedTown } from '../municipalities/index.ts';
import { networkCrumbs } from './crumbs.ts';
import { networkPersonMergeService, PersonMergeForm } from './person-merge.ts';
import { PersonMergePage } from './views/person-merge-pages.tsx';

const TOWN = { access: { scope: 'town' } } as const;
const PairParams = Type.Object({ ags: Ags, id: Id, other: Id });
const KEEP_ALL: FormState = { values: {}, errors: {} };
type PairRequest = FastifyRequest<{ Params: { ags: string; id: string; other: string } }>;

/** Likely duplicate people of a town: "not a duplicate" and the merge (the pairs are listed on the duplicates page). */
export const networkPersonDuplicateRoutes: ModulePlugin = async (app, { services }) => {
  const merges = networkPersonMergeService(services.db);
  const listHref = (ags: string) => `/verwaltung/${ags}/netzwerk/duplikate`;

  /** Both people of the town with consent holding; any other id is a 404. */
  function pair(request: PairRequest) {
    return merges.mergePair(managedTown(request), parseId(request.params.id), parseId(request.params.other));
  }

  async function renderMerge(request: PairRequest, reply: FastifyReply, form: FormState) {
    const town = managedTown(request);
    const [keep, other] = await pair(request);
    return reply.render(<PersonMergePage ags={town.ags} keep={keep} other={other} form={form} />, {
      title: request.t('network.workspace.person_merge.title'),
      breadcrumbs: networkCrumbs(request, town, { href: listHref(town.ags), label: request.t('network.workspace.nav.duplicates') }, { label: request.t('network.workspace.person_merge.title') }),
      status: Object.keys(form.errors).length ? 422 : 200,
    });
  }

  app.get('/verwaltung/:ags/netzwerk/personen/:id/zusammenfuehren/:other', { config: TOWN, schema: { params: PairParams } }, (request, reply) => renderMerge(request, reply, KEEP_ALL));

  app.post('/verwaltung/:ags/netzwerk/personen/:id/zusammenfuehren/:other', { config: TOWN, schema: { params: PairParams, body: formBody(PersonMergeForm) } }, async (request, reply) => {
    const town = managedTown(request);
    const [keep, other] = await pair(request);
    return formAction(reply, {
      body: request.body,
      schema: PersonMergeForm,
      invalid: (form) => renderMerge(request, reply, form),
      run: async (input) => {
        await merges.merge(request.actor, town, keep.id, other.id, input);
        return { redirect: `/verwaltung/${town.ags}/netzwerk/personen`, flash: { key: 'network.workspace.merge.done', params: { name: other.name } } };
      },
    });
  });

  app.post('/verwaltung/:ags/netzwerk/personen/:id/kein-duplikat/:other', { config: TOWN, schema: { params: PairParams } }, async (request, reply) => {
    const town = managedTown(request);
    await merges.markDistinct(request.actor, town, parseId(request.params.id), parseId(request.params.other));
    return reply.flash('success', 'network.workspace.duplicates.people_marked').redirect(listHref(town.ags), 303);
  });
};
