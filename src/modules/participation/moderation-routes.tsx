import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { ReportReason } from './tables.ts';
import { AppError } from '../../platform/http/errors.ts';
import { parseId } from '../../platform/http/params.ts';
import { FormText, formBodySchema, parseForm, typedValues } from '../../platform/http/forms.ts';
import { requireUser } from '../../platform/http/guards.ts';
import type { AppServices } from '../../platform/module.ts';
import { EMPTY_FORM, type FormState } from '../../platform/views/forms.tsx';
import { moderationService, REPORT_REASONS } from './moderation.ts';
import { type ContentType, moderationRepository } from './moderation-repository.ts';
import { can } from './policy.ts';
import { managedTown } from './town-access.ts';
import { participationRepository } from './repository.ts';
import { ModerationPage, WordsPage } from './views/moderation-pages.tsx';
import { ReportPage } from './views/proposal-pages.tsx';

const Id = Type.String({ maxLength: 12 });
const Reason = Type.Union(REPORT_REASONS.map((r) => Type.Literal(r)));
const ReportForm = Type.Object({ reason: Reason, note: Type.Optional(FormText({ max: 2000 })) });
const DecisionForm = Type.Object({ reason: Type.Optional(Reason) });
const AgsParams = Type.Object({ ags: Type.String({ maxLength: 20 }) });
const DecisionParams = Type.Object({ ags: Type.String({ maxLength: 20 }), type: Type.String({ maxLength: 20 }), id: Id, action: Type.String({ maxLength: 20 }) });
const UserParams = Type.Object({ ags: Type.String({ maxLength: 20 }), userId: Id, action: Type.String({ maxLength: 20 }) });
const TYPES: Record<string, ContentType> = { vorschlag: 'proposal', kommentar: 'comment' };

export const moderationRoutes: FastifyPluginAsync<{ services: AppServices }> = async (app, { services }) => {
  const { db } = services;
  const repo = participationRepository(db);
  const moderation = moderationService(services);

  /** The contribution behind the URL, if the person may see it; reports are for signed-in people. */
  async function reported(request: FastifyRequest) {
    requireUser(request);
    const params = request.params as { id: string; pid: string; cid?: string };
    const process = await repo.process(parseId(params.id));
    if (!process || !can(request.actor, 'view', { municipalityId: process.municipality_id, published: process.published })) throw AppError.notFound();
    const proposal = await repo.proposal(parseId(params.pid));
    if (!proposal || proposal.process_id !== process.id) throw AppError.notFound();
    if (params.cid !== undefined) {
      const comment = await repo.comment(proposal.id, parseId(params.cid));
      if (!comment) throw AppError.notFound();
      return { type: 'comment' as const, id: comment.id, back: `/beteiligung/${process.id}/vorschlaege/${proposal.id}`, name: proposal.title };
    }
    return { type: 'proposal' as const, id: proposal.id, back: `/beteiligung/${process.id}/vorschlaege/${proposal.id}`, name: proposal.title };
  }

  async function renderReport(request: FastifyRequest, reply: FastifyReply, form: FormState) {
    const target = await reported(request);
    const title = request.t(target.type === 'comment' ? 'participation.report.title_comment' : 'participation.report.title_proposal');
    return reply.render(<ReportPage title={title} action={`${new URL(request.url, 'http://x').pathname}`} cancel={target.back} form={form} />, {
      title,
      breadcrumbs: [{ href: target.back, label: target.name }, { label: title }],
      status: Object.keys(form.errors).length ? 422 : 200,
    });
  }

  async function submitReport(request: FastifyRequest, reply: FastifyReply) {
    const actor = requireUser(request);
    const target = await reported(request);
    const parsed = parseForm(ReportForm, request.body);
    if (!parsed.ok) return renderReport(request, reply, { values: typedValues(request.body), errors: parsed.errors });
    await moderation.report(actor, target.type, target.id, parsed.value.reason as ReportReason, parsed.value.note ?? '');
    return reply.flash('success', 'participation.report.thanks').redirect(target.back, 303);
  }

  const ProposalParams = Type.Object({ id: Id, pid: Id });
  const CommentParams = Type.Object({ id: Id, pid: Id, cid: Id });
  app.get('/beteiligung/:id/vorschlaege/:pid/melden', { schema: { params: ProposalParams } }, (request, reply) => renderReport(request, reply, EMPTY_FORM));
  app.post('/beteiligung/:id/vorschlaege/:pid/melden', { schema: { params: ProposalParams, body: formBodySchema(['reason', 'note']) } }, submitReport);
  app.get('/beteiligung/:id/vorschlaege/:pid/kommentare/:cid/melden', { schema: { params: CommentParams } }, (request, reply) => renderReport(request, reply, EMPTY_FORM));
  app.post('/beteiligung/:id/vorschlaege/:pid/kommentare/:cid/melden', { schema: { params: CommentParams, body: formBodySchema(['reason', 'note']) } }, submitReport);

  app.get('/verwaltung/:ags/moderation', { schema: { params: AgsParams } }, async (request, reply) => {
    const { municipality } = await managedTown(db, request);
    const modRepo = moderationRepository(db);
    const [queue, blocked] = await Promise.all([modRepo.queue(municipality.id), modRepo.blocked(municipality.id)]);
    const title = request.t('participation.moderation.title', { name: municipality.name });
    return reply.render(<ModerationPage ags={municipality.ags} reported={queue.reported} held={queue.held} blocked={blocked} />, {
      title,
      breadcrumbs: [{ href: `/verwaltung/${municipality.ags}`, label: municipality.name }, { label: request.t('participation.moderation.crumb') }],
    });
  });

  app.post('/verwaltung/:ags/moderation/:type/:id/:action', { schema: { params: DecisionParams, body: formBodySchema(['reason']) } }, async (request, reply) => {
    const { actor, municipality } = await managedTown(db, request);
    const params = request.params as { type: string; id: string; action: string };
    const type = TYPES[params.type];
    if (!type) throw AppError.notFound();
    const id = parseId(params.id);
    const parsed = parseForm(DecisionForm, request.body);
    const back = `/verwaltung/${municipality.ags}/moderation`;
    if (params.action === 'ausblenden') await moderation.hide(actor, municipality.id, type, id, (parsed.ok ? parsed.value.reason : undefined) ?? 'other');
    else if (params.action === 'freigeben') await moderation.release(actor, municipality.id, type, id);
    else if (params.action === 'abweisen') await moderation.dismiss(actor, municipality.id, type, id);
    else throw AppError.notFound();
    return reply.flash('success', `participation.moderation.done_${params.action}`).redirect(back, 303);
  });

  app.post('/verwaltung/:ags/moderation/person/:userId/:action', { schema: { params: UserParams, body: formBodySchema(['reason']) } }, async (request, reply) => {
    const { actor, municipality } = await managedTown(db, request);
    const params = request.params as { userId: string; action: string };
    const userId = parseId(params.userId);
    const exists = await db.selectFrom('users').select('id').where('id', '=', userId).executeTakeFirst();
    if (!exists) throw AppError.notFound();
    if (params.action === 'sperren') await moderation.block(actor, municipality.id, userId, typedValues(request.body).reason ?? '');
    else if (params.action === 'entsperren') await moderation.unblock(actor, municipality.id, userId);
    else throw AppError.notFound();
    return reply.flash('success', `participation.moderation.done_${params.action}`).redirect(`/verwaltung/${municipality.ags}/moderation`, 303);
  });

  async function renderWords(request: FastifyRequest, reply: FastifyReply, form?: FormState) {
    const { municipality } = await managedTown(db, request);
    const words = await moderationRepository(db).words(municipality.id);
    const title = request.t('participation.moderation.words_title');
    return reply.render(<WordsPage ags={municipality.ags} form={form ?? { values: { words: words.join('\n') }, errors: {} }} />, {
      title,
      breadcrumbs: [{ href: `/verwaltung/${municipality.ags}/moderation`, label: request.t('participation.moderation.crumb') }, { label: title }],
      status: form && Object.keys(form.errors).length ? 422 : 200,
    });
  }

  app.get('/verwaltung/:ags/moderation/woerter', { schema: { params: AgsParams } }, (request, reply) => renderWords(request, reply));

  app.post('/verwaltung/:ags/moderation/woerter', { schema: { params: AgsParams, body: formBodySchema(['words']) } }, async (request, reply) => {
    const { actor, municipality } = await managedTown(db, request);
    const raw = typedValues(request.body).words ?? '';
    const words = [
      ...new Set(
        raw
          .split(/\r?\n/)
          .map((w) => w.trim().toLocaleLowerCase('de'))
          .filter(Boolean),
      ),
    ];
    if (words.some((w) => w.length > 60) || words.length > 500) return renderWords(request, reply, { values: { words: raw }, errors: { words: { key: 'participation.moderation.words_invalid' } } });
    await moderation.setWords(actor, municipality.id, words);
    return reply.flash('success', 'common.saved').redirect(`/verwaltung/${municipality.ags}/moderation/woerter`, 303);
  });
};
