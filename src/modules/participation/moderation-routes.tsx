import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { signedInActor } from '../../platform/http/access.ts';
import { AppError, ValidationError } from '../../platform/http/errors.ts';
import { formAction } from '../../platform/http/form-action.ts';
import { FormText, formBody, formBodySchema, parseForm } from '../../platform/http/forms.ts';
import { withQuery } from '../../platform/http/pagination.ts';
import { parseId } from '../../platform/http/params.ts';
import { Ags, AgsParams, Id } from '../../platform/http/schemas.ts';
import type { ModulePlugin } from '../../platform/module.ts';
import { EMPTY_FORM, type FormState } from '../../platform/views/forms.tsx';
import { managedTown } from '../municipalities/index.ts';
import { commentPath, proposalPath } from './links.ts';
import { moderationService } from './moderation.ts';
import { moderationRepository } from './moderation-repository.ts';
import { participationRepository } from './repository.ts';
import { CommentParams, ProposalParams, shownTitle } from './route-support.ts';
import { participationService } from './service.ts';
import { type ContentType, REPORT_REASONS } from './tables.ts';
import { ReportPage } from './views/form-pages.tsx';
import { ModerationPage, QUEUE_LISTS, type QueueList, queuePageQuery, WordsPage } from './views/moderation-pages.tsx';

const SIGNED_IN = { access: 'signedIn' } as const;
const TOWN = { access: { scope: 'town' } } as const;
const Reason = Type.Union(REPORT_REASONS.map((r) => Type.Literal(r)));
const ReportForm = Type.Object({ reason: Reason, note: Type.Optional(FormText({ max: 2000 })) });
const DecisionForm = Type.Object({ reason: Type.Optional(Reason) });
const WordsForm = Type.Object({ words: Type.Optional(FormText({ max: 20000 })) });
const DecisionParams = Type.Object({ ags: Ags, type: Type.String({ maxLength: 20 }), id: Id, action: Type.String({ maxLength: 20 }) });
const UserParams = Type.Object({ ags: Ags, userId: Id, action: Type.String({ maxLength: 20 }) });
const TYPES: Record<string, ContentType> = { vorschlag: 'proposal', kommentar: 'comment' };
/** The queue's page numbers in the URL (`seite` for the reports, `gehalten` for the held contributions, `gesperrt` for the blocked people). */
const QueueQuery = Type.Object({
  seite: Type.Optional(Type.String({ maxLength: 20 })),
  gehalten: Type.Optional(Type.String({ maxLength: 20 })),
  gesperrt: Type.Optional(Type.String({ maxLength: 20 })),
});
/** Hidden fields of every decision form: the pages the queue showed, and the list the decision was taken in. */
const QUEUE_FIELDS = ['seite', 'gehalten', 'gesperrt', 'liste'];
const LAST_PAGE = 99_999;

/** A page number of the queue: digits only, else the first page; a huge one is the last page (the statement clamps it). */
function queuePageNumber(raw: string | undefined): number {
  const text = raw?.trim() ?? '';
  if (!/^\d{1,20}$/.test(text)) return 1;
  return Math.min(Math.max(Number(text), 1), LAST_PAGE);
}

function queuePages(values: { seite?: string; gehalten?: string; gesperrt?: string }) {
  return { reported: queuePageNumber(values.seite), held: queuePageNumber(values.gehalten), blocked: queuePageNumber(values.gesperrt) };
}

/** Back to the queue after a decision: the same pages of the lists, at the list the decision was taken in. */
function queueHref(ags: string, values: { seite?: string; gehalten?: string; gesperrt?: string; liste?: string }): string {
  const pages = queuePages(values);
  const list = values.liste && Object.hasOwn(QUEUE_LISTS, values.liste) ? QUEUE_LISTS[values.liste as QueueList] : undefined;
  const href = withQuery(`/verwaltung/${ags}/moderation`, {}, queuePageQuery(pages));
  return list ? `${href}#${list}` : href;
}

/** Reports by anyone signed in; the town's moderation queue, decisions, blocks and word list. */
export const moderationRoutes: ModulePlugin = async (app, { services }) => {
  const { db } = services;
  const repo = participationRepository(db);
  const service = participationService(services);
  const moderation = moderationService(services);

  /** The contribution behind the URL, if the person may see its process; a comment only within its proposal. */
  async function reported(request: FastifyRequest, params: { id: string; pid: string; cid?: string }) {
    const { process, proposal } = await service.visibleProposal(request.actor, parseId(params.id), parseId(params.pid));
    const proposalHref = proposalPath(process.id, proposal.id);
    const name = shownTitle(request.t, request.actor, proposal);
    if (params.cid !== undefined) {
      const comment = await repo.comment(proposal.id, parseId(params.cid));
      if (!comment) throw AppError.notFound();
      // Back to the comment itself, on the page of comments that holds it.
      return { type: 'comment' as const, id: comment.id, back: commentPath({ processId: process.id, proposalId: proposal.id, id: comment.id }), proposalHref, name };
    }
    return { type: 'proposal' as const, id: proposal.id, back: proposalHref, proposalHref, name };
  }

  async function renderReport(request: FastifyRequest, reply: FastifyReply, params: { id: string; pid: string; cid?: string }, form: FormState) {
    const target = await reported(request, params);
    const title = request.t(target.type === 'comment' ? 'participation.report.title_comment' : 'participation.report.title_proposal');
    return reply.render(<ReportPage title={title} action={new URL(request.url, 'http://x').pathname} cancel={target.back} form={form} />, {
      title,
      breadcrumbs: [{ href: target.proposalHref, label: target.name }, { label: title }],
      status: Object.keys(form.errors).length ? 422 : 200,
    });
  }

  async function submitReport(request: FastifyRequest, reply: FastifyReply, params: { id: string; pid: string; cid?: string }, body: unknown) {
    const target = await reported(request, params);
    return formAction(reply, {
      body,
      schema: ReportForm,
      invalid: (form) => renderReport(request, reply, params, form),
      run: async (value) => {
        await moderation.report(signedInActor(request), target.type, target.id, value.reason, value.note ?? '');
        return { redirect: target.back, flash: { key: 'participation.report.thanks' } };
      },
    });
  }

  app.get('/beteiligung/:id/vorschlaege/:pid/melden', { config: SIGNED_IN, schema: { params: ProposalParams } }, (request, reply) => renderReport(request, reply, request.params, EMPTY_FORM));
  app.post('/beteiligung/:id/vorschlaege/:pid/melden', { config: SIGNED_IN, schema: { params: ProposalParams, body: formBody(ReportForm) } }, (request, reply) =>
    submitReport(request, reply, request.params, request.body),
  );
  app.get('/beteiligung/:id/vorschlaege/:pid/kommentare/:cid/melden', { config: SIGNED_IN, schema: { params: CommentParams } }, (request, reply) =>
    renderReport(request, reply, request.params, EMPTY_FORM),
  );
  app.post('/beteiligung/:id/vorschlaege/:pid/kommentare/:cid/melden', { config: SIGNED_IN, schema: { params: CommentParams, body: formBody(ReportForm) } }, (request, reply) =>
    submitReport(request, reply, request.params, request.body),
  );

  app.get('/verwaltung/:ags/moderation', { config: TOWN, schema: { params: AgsParams, querystring: QueueQuery } }, async (request, reply) => {
    const municipality = managedTown(request);
    const modRepo = moderationRepository(db);
    const pages = queuePages(request.query);
    const [queue, blocked] = await Promise.all([modRepo.queuePages(municipality.id, pages), modRepo.blocked(municipality.id, pages.blocked)]);
    const title = request.t('participation.moderation.title', { name: municipality.name });
    return reply.render(<ModerationPage ags={municipality.ags} reported={queue.reported} held={queue.held} blocked={blocked} />, {
      title,
      breadcrumbs: [{ href: `/verwaltung/${municipality.ags}`, label: municipality.name }, { label: request.t('participation.moderation.crumb') }],
    });
  });

  app.post('/verwaltung/:ags/moderation/:type/:id/:action', { config: TOWN, schema: { params: DecisionParams, body: formBody(DecisionForm, QUEUE_FIELDS) } }, async (request, reply) => {
    const actor = signedInActor(request);
    const municipality = managedTown(request);
    const { action } = request.params;
    const type = Object.hasOwn(TYPES, request.params.type) ? TYPES[request.params.type] : undefined;
    if (!type) throw AppError.notFound();
    const id = parseId(request.params.id);
    const parsed = parseForm(DecisionForm, request.body);
    if (action === 'ausblenden') await moderation.hide(actor, municipality.id, type, id, (parsed.ok ? parsed.value.reason : undefined) ?? 'other');
    else if (action === 'freigeben') await moderation.release(actor, municipality.id, type, id);
    else if (action === 'abweisen') await moderation.dismiss(actor, municipality.id, type, id);
    else throw AppError.notFound();
    return reply.flash('success', `participation.moderation.done_${action}`).redirect(queueHref(municipality.ags, request.body), 303);
  });

  app.post('/verwaltung/:ags/moderation/person/:userId/:action', { config: TOWN, schema: { params: UserParams, body: formBodySchema(['reason', ...QUEUE_FIELDS]) } }, async (request, reply) => {
    const actor = signedInActor(request);
    const municipality = managedTown(request);
    const userId = parseId(request.params.userId);
    const { action } = request.params;
    if (action === 'sperren') await moderation.block(actor, municipality.id, userId, request.body.reason ?? '');
    else if (action === 'entsperren') await moderation.unblock(actor, municipality.id, userId);
    else throw AppError.notFound();
    return reply.flash('success', `participation.moderation.done_${action}`).redirect(queueHref(municipality.ags, request.body), 303);
  });

  async function renderWords(request: FastifyRequest, reply: FastifyReply, form?: FormState) {
    const municipality = managedTown(request);
    const words = await moderationRepository(db).words(municipality.id);
    const title = request.t('participation.moderation.words_title');
    return reply.render(<WordsPage ags={municipality.ags} form={form ?? { values: { words: words.join('\n') }, errors: {} }} />, {
      title,
      breadcrumbs: [{ href: `/verwaltung/${municipality.ags}/moderation`, label: request.t('participation.moderation.crumb') }, { label: title }],
      status: form && Object.keys(form.errors).length ? 422 : 200,
    });
  }

  app.get('/verwaltung/:ags/moderation/woerter', { config: TOWN, schema: { params: AgsParams } }, (request, reply) => renderWords(request, reply));

  app.post('/verwaltung/:ags/moderation/woerter', { config: TOWN, schema: { params: AgsParams, body: formBody(WordsForm) } }, async (request, reply) => {
    const municipality = managedTown(request);
    const raw = request.body.words ?? '';
    return formAction(reply, {
      body: request.body,
      invalid: () => renderWords(request, reply, { values: { words: raw }, errors: { words: { key: 'participation.moderation.words_invalid' } } }),
      run: async () => {
        const words = [
          ...new Set(
            raw
              .split(/\r?\n/)
              .map((w) => w.trim().toLocaleLowerCase('de'))
              .filter(Boolean),
          ),
        ];
        if (words.some((w) => w.length > 60) || words.length > 500) throw new ValidationError({ words: { key: 'participation.moderation.words_invalid' } });
        await moderation.setWords(signedInActor(request), municipality.id, words);
        return { redirect: `/verwaltung/${municipality.ags}/moderation/woerter`, flash: { key: 'common.saved' } };
      },
    });
  });
};
