import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../platform/http/errors.ts';
import { formAction } from '../../platform/http/form-action.ts';
import { formBody } from '../../platform/http/forms.ts';
import { pageRequest, pageResult } from '../../platform/http/pagination.ts';
import { pageNumber, parseId } from '../../platform/http/params.ts';
import { Ags, AgsParams, Id, PageQuery } from '../../platform/http/schemas.ts';
import type { ModulePlugin } from '../../platform/module.ts';
import type { FormState } from '../../platform/views/forms.tsx';
import { managedTown } from '../municipalities/index.ts';
import { networkCrumbs } from './crumbs.ts';
import { MergeForm, networkMergeService } from './merge.ts';
import { networkPersonMergeService } from './person-merge.ts';
import { networkRepository } from './repository.ts';
import { DuplicatesPage, MergePage, type MergeRecord } from './views/duplicate-pages.tsx';

const TOWN = { access: { scope: 'town' } } as const;
const PairParams = Type.Object({ ags: Ags, id: Id, other: Id });
const KEEP_ALL: FormState = { values: {}, errors: {} };
const PAIRS_PER_PAGE = 50;

/** Likely duplicates of a town's organisations: the list of pairs, "not a duplicate", and the merge. */
export const networkDuplicateRoutes: ModulePlugin = async (app, { services }) => {
  const { db } = services;
  const repo = networkRepository(db);
  const merges = networkMergeService(db);
  const peopleMerges = networkPersonMergeService(db);
  const listHref = (ags: string) => `/verwaltung/${ags}/netzwerk/duplikate`;

  app.get('/verwaltung/:ags/netzwerk/duplikate', { config: TOWN, schema: { params: AgsParams, querystring: PageQuery } }, async (request, reply) => {
    const town = managedTown(request);
    const page = pageRequest(pageNumber(request.query.seite), PAIRS_PER_PAGE);
    const [pairs, queued, personPairs] = await Promise.all([merges.organisationPairs(town, page), merges.queuedCandidates(town), peopleMerges.pairs(town)]);
    return reply.render(<DuplicatesPage ags={town.ags} pairs={pageResult(pairs.items, pairs.total, page)} queued={queued} personPairs={personPairs} />, {
      title: request.t('network.workspace.duplicates.title'),
      breadcrumbs: networkCrumbs(request, town, { label: request.t('network.workspace.nav.duplicates') }),
    });
  });

  /** Both records of the town (404 for any other id), with their district and how many links each has. */
  async function pair(request: FastifyRequest<{ Params: { id: string; other: string } }>): Promise<[MergeRecord, MergeRecord]> {
    const town = managedTown(request);
    const keepId = parseId(request.params.id);
    const otherId = parseId(request.params.other);
    const records = await repo.mergeRecords(town.id, [keepId, otherId]);
    const keep = records.find((r) => r.id === keepId);
    const other = records.find((r) => r.id === otherId);
    if (!keep || !other || keepId === otherId) throw AppError.notFound();
    return [keep, other];
  }

  async function renderMerge(request: FastifyRequest<{ Params: { ags: string; id: string; other: string } }>, reply: FastifyReply, form: FormState) {
    const town = managedTown(request);
    const [keep, other] = await pair(request);
    return reply.render(<MergePage ags={town.ags} keep={keep} other={other} form={form} />, {
      title: request.t('network.workspace.merge.title'),
      breadcrumbs: networkCrumbs(request, town, { href: listHref(town.ags), label: request.t('network.workspace.nav.duplicates') }, { label: request.t('network.workspace.merge.title') }),
      status: Object.keys(form.errors).length ? 422 : 200,
    });
  }

  app.get('/verwaltung/:ags/netzwerk/organisationen/:id/zusammenfuehren/:other', { config: TOWN, schema: { params: PairParams } }, (request, reply) => renderMerge(request, reply, KEEP_ALL));

  app.post('/verwaltung/:ags/netzwerk/organisationen/:id/zusammenfuehren/:other', { config: TOWN, schema: { params: PairParams, body: formBody(MergeForm) } }, async (request, reply) => {
    const town = managedTown(request);
    const [keep, other] = await pair(request);
    return formAction(reply, {
      body: request.body,
      schema: MergeForm,
      invalid: (form) => renderMerge(request, reply, form),
      run: async (input) => {
        await merges.mergeOrganisations(request.actor, town, keep.id, other.id, input);
        return { redirect: `/verwaltung/${town.ags}/netzwerk/organisationen/${keep.id}`, flash: { key: 'network.workspace.merge.done', params: { name: other.name } } };
      },
    });
  });

  app.post('/verwaltung/:ags/netzwerk/organisationen/:id/kein-duplikat/:other', { config: TOWN, schema: { params: PairParams } }, async (request, reply) => {
    const town = managedTown(request);
    await merges.markOrganisationsDistinct(request.actor, town, parseId(request.params.id), parseId(request.params.other));
    return reply.flash('success', 'network.workspace.duplicates.marked').redirect(listHref(town.ags), 303);
  });
};
