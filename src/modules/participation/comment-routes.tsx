import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { signedInActor } from '../../platform/http/access.ts';
import { AppError } from '../../platform/http/errors.ts';
import { formAction } from '../../platform/http/form-action.ts';
import { formBody } from '../../platform/http/forms.ts';
import { optionalId, parseId } from '../../platform/http/params.ts';
import { Id } from '../../platform/http/schemas.ts';
import type { ModulePlugin } from '../../platform/module.ts';
import type { FormState } from '../../platform/views/forms.tsx';
import { commentPath, proposalPath } from './links.ts';
import { isAuthor } from './policy.ts';
import { participationRepository } from './repository.ts';
import { CommentForm, CommentParams, ProposalParams, shownTitle } from './route-support.ts';
import { participationService } from './service.ts';
import { CommentFormPage } from './views/form-pages.tsx';

const SIGNED_IN = { access: 'signedIn' } as const;
const CommentEditForm = Type.Object({ body: CommentForm.properties.body });

/** Writing comments and replies, and changing one's own for a short while. */
export const commentRoutes: ModulePlugin = async (app, { services }) => {
  const repo = participationRepository(services.db);
  const service = participationService(services);
  const visible = (request: FastifyRequest, params: { id: string; pid: string }) => service.visibleProposal(request.actor, parseId(params.id), parseId(params.pid));

  /**
   * The comment form; a withheld proposal's title is not shown to whoever may not read it. Cancel
   * leads back to the comment edited or answered, on the page of comments that holds it.
   */
  async function renderCommentForm(request: FastifyRequest, reply: FastifyReply, params: { id: string; pid: string }, form: FormState, commentId?: number) {
    const { process, proposal } = await visible(request, params);
    const base = proposalPath(process.id, proposal.id);
    const proposalTitle = shownTitle(request.t, request.actor, proposal);
    const title = commentId ? request.t('participation.comment.edit') : request.t('participation.comment.reply_title', { title: proposalTitle });
    const around = commentId ?? optionalId(form.values.parentId);
    const cancel = around ? commentPath({ processId: process.id, proposalId: proposal.id, id: around }) : base;
    return reply.render(<CommentFormPage title={title} action={commentId ? `${base}/kommentare/${commentId}` : `${base}/kommentare`} cancel={cancel} form={form} />, {
      title,
      breadcrumbs: [{ href: base, label: proposalTitle }, { label: title }],
      status: Object.keys(form.errors).length ? 422 : 200,
    });
  }

  async function ownComment(request: FastifyRequest, params: { id: string; pid: string; cid: string }) {
    const { process, proposal } = await visible(request, params);
    const comment = await repo.comment(proposal.id, parseId(params.cid));
    if (!comment) throw AppError.notFound();
    if (!isAuthor(request.actor, comment)) throw AppError.forbidden();
    return { process, proposal, comment };
  }

  app.get(
    '/beteiligung/:id/vorschlaege/:pid/kommentare/neu',
    { config: SIGNED_IN, schema: { params: ProposalParams, querystring: Type.Object({ antwort: Type.Optional(Id) }) } },
    async (request, reply) => {
      const parent = request.query.antwort;
      return renderCommentForm(request, reply, request.params, { values: { parentId: parent && /^\d{1,9}$/.test(parent) ? parent : undefined }, errors: {} });
    },
  );

  app.post('/beteiligung/:id/vorschlaege/:pid/kommentare', { config: SIGNED_IN, schema: { params: ProposalParams, body: formBody(CommentForm) } }, async (request, reply) => {
    const actor = signedInActor(request);
    const { process, proposal } = await visible(request, request.params);
    return formAction(reply, {
      body: request.body,
      schema: CommentForm,
      back: proposalPath(process.id, proposal.id),
      invalid: (form) => renderCommentForm(request, reply, request.params, form),
      run: async (value) => {
        const id = await service.comment(actor, proposal.id, value.body, value.parentId);
        return { redirect: commentPath({ processId: process.id, proposalId: proposal.id, id }), flash: { key: 'participation.comment.posted' } };
      },
    });
  });

  app.get('/beteiligung/:id/vorschlaege/:pid/kommentare/:cid', { config: SIGNED_IN, schema: { params: CommentParams } }, async (request, reply) => {
    const { comment } = await ownComment(request, request.params);
    return renderCommentForm(request, reply, request.params, { values: { body: comment.body }, errors: {} }, comment.id);
  });

  app.post('/beteiligung/:id/vorschlaege/:pid/kommentare/:cid', { config: SIGNED_IN, schema: { params: CommentParams, body: formBody(CommentEditForm) } }, async (request, reply) => {
    const actor = signedInActor(request);
    const { process, proposal, comment } = await ownComment(request, request.params);
    const shown = commentPath({ processId: process.id, proposalId: proposal.id, id: comment.id });
    return formAction(reply, {
      body: request.body,
      schema: CommentEditForm,
      back: shown,
      invalid: (form) => renderCommentForm(request, reply, request.params, form, comment.id),
      run: async (value) => {
        await service.editComment(actor, proposal.id, comment.id, value.body);
        return { redirect: shown, flash: { key: 'common.saved' } };
      },
    });
  });
};
