import type { Actor } from '../../platform/access/actor.ts';
import { actorUserId } from '../../platform/access/actor.ts';
import { writeAudit } from '../../platform/audit/audit.ts';
import type { UploadedFile } from '../../platform/files/store.ts';
import { AppError, type FieldErrors, ValidationError } from '../../platform/http/errors.ts';
import type { AppServices } from '../../platform/module.ts';
import { measureOptions } from '../strategy/index.ts';
import { withoutMetadata } from './images.ts';
import { commentPath, proposalPath } from './links.ts';
import { containsListedWord } from './moderation.ts';
import { moderationRepository } from './moderation-repository.ts';
import { notificationRepository, notifyFollowers } from './notifications.ts';
import { activePhase, type ParticipationStep, phaseAllows } from './phases.ts';
import { can, isAuthor, ofTown } from './policy.ts';
import { checkProposalInput, IMAGE_MAX_BYTES, type ProposalInput, proposalColumns } from './proposal-input.ts';
import { participationRepository } from './repository.ts';
import { withFieldNames } from './strategy-links.ts';
import type { ProposalStatus } from './tables.ts';

export { PROCESS_LANGUAGES } from './process-service.ts';
export type { ProposalInput } from './proposal-input.ts';

export const COMMENT_EDIT_MINUTES = 15;
export const MAX_PROPOSAL_IMAGES = 3;

export interface ProposalImage {
  file: UploadedFile;
  alt: string;
}

export interface AnswerInput {
  status: Exclude<ProposalStatus, 'open'>;
  text: string;
  measureIds: number[];
  mergedIntoId?: number;
}

/**
 * Proposals, supports, comments and official answers; the phase decides what is open. A process is
 * found only if the actor may see it (published, or managed by them), a proposal only within its
 * process and a comment only within its proposal: anything else is not there (404).
 */
export function participationService(services: Pick<AppServices, 'db' | 'config' | 'mailQueued' | 'files'>) {
  const { db } = services;
  const proposalUrl = (processId: number, proposalId: number) => `${services.config.baseUrl}${proposalPath(processId, proposalId)}`;

  async function visibleProcess(actor: Actor, processId: number) {
    const process = await participationRepository(db).process(processId);
    if (!process || !can(actor, 'view', { municipalityId: process.municipality_id, published: process.published })) throw AppError.notFound();
    return process;
  }

  async function visibleProposal(actor: Actor, processId: number, proposalId: number) {
    const process = await visibleProcess(actor, processId);
    const found = await participationRepository(db).proposal(proposalId);
    if (!found || found.process_id !== process.id) throw AppError.notFound();
    const [proposal] = await withFieldNames(db, [found]);
    return { process, proposal: proposal as typeof found & { field_name: string | null } };
  }

  /** A person blocked in the town writes nothing there: no new text and no changed one. */
  async function refuseBlocked(actor: Actor, municipalityId: number) {
    const userId = actorUserId(actor);
    if (userId !== null && (await moderationRepository(db).isBlocked(municipalityId, userId))) throw AppError.refused('participation.errors.blocked', undefined, 'forbidden');
  }

  async function openProcess(actor: Actor, processId: number, step: ParticipationStep) {
    const process = await visibleProcess(actor, processId);
    if (!can(actor, 'contribute', { municipalityId: process.municipality_id })) throw AppError.refused('participation.errors.verified_required', undefined, 'forbidden');
    const phase = activePhase(await participationRepository(db).phases(processId));
    if (!phaseAllows(phase, step)) throw AppError.conflict(`participation.errors.phase_closed_${step}`);
    await refuseBlocked(actor, process.municipality_id);
    return process;
  }

  /** Whether a text must wait for a moderator: the town's word list, checked on every new and every changed text. */
  async function mustHold(municipalityId: number, text: string) {
    return containsListedWord(await moderationRepository(db).words(municipalityId), text);
  }

  return {
    visibleProcess,
    visibleProposal,

    async comment(actor: Actor, proposalId: number, body: string, parentId?: number): Promise<number> {
      const proposal = await participationRepository(db).proposal(proposalId);
      if (!proposal) throw AppError.notFound();
      await openProcess(actor, proposal.process_id, 'comment');
      const held = await mustHold(proposal.municipality_id, body);
      const created = await db.transaction().execute(async (trx) => {
        const repo = participationRepository(trx);
        let depth = 0;
        if (parentId) {
          const parent = await repo.comment(proposalId, parentId);
          if (!parent) throw new ValidationError({ body: { key: 'participation.errors.parent_missing' } });
          // Threads go three levels deep; a reply to the deepest level joins its thread there.
          depth = Math.min(parent.depth + 1, 2);
          if (parent.depth === 2) parentId = parent.parent_id ?? parentId;
        }
        const { id } = await repo.insertComment({ proposal_id: proposalId, parent_id: parentId ?? null, depth, author_user_id: actorUserId(actor), body, edited_at: null, held });
        await repo.incrementCommentCount(proposalId);
        const queued = held
          ? 0
          : await notifyFollowers(trx, {
              proposalId,
              processId: proposal.process_id,
              exceptUserId: actorUserId(actor),
              key: 'comment',
              params: { title: proposal.title },
              url: `${services.config.baseUrl}${commentPath({ processId: proposal.process_id, proposalId, id })}`,
            });
        return { id, queued };
      });
      if (created.queued) services.mailQueued();
      return created.id;
    },

    /** Only the author, only for a while, not while blocked; a changed text meets the word list like a new one. */
    async editComment(actor: Actor, proposalId: number, commentId: number, body: string): Promise<void> {
      const repo = participationRepository(db);
      const proposal = await repo.proposal(proposalId);
      const comment = await repo.comment(proposalId, commentId);
      if (!proposal || !comment) throw AppError.notFound();
      if (!isAuthor(actor, comment)) throw AppError.forbidden();
      if (Date.now() - new Date(comment.created_at).getTime() > COMMENT_EDIT_MINUTES * 60_000) throw AppError.conflict('participation.errors.comment_edit_expired', { minutes: COMMENT_EDIT_MINUTES });
      await refuseBlocked(actor, proposal.municipality_id);
      const held = comment.held || (await mustHold(proposal.municipality_id, body));
      await repo.updateComment(commentId, body, held);
    },

    async propose(actor: Actor, processId: number, input: ProposalInput, images: ProposalImage[] = []): Promise<number> {
      const process = await openProcess(actor, processId, 'propose');
      await checkProposalInput(db, process.municipality_id, input, process.places);
      const held = await mustHold(process.municipality_id, `${input.title} ${input.body}`);
      const clean: ProposalImage[] = [];
      for (const [index, image] of images.slice(0, MAX_PROPOSAL_IMAGES).entries()) clean.push({ alt: image.alt, file: await withoutMetadata(`image${index + 1}`, image.file) });
      return db.transaction().execute(async (trx) => {
        const repo = participationRepository(trx);
        const { id } = await repo.insertProposal({
          held,
          process_id: processId,
          municipality_id: process.municipality_id,
          author_user_id: actorUserId(actor),
          ...proposalColumns(input),
          merged_into_id: null,
          answered_at: null,
        });
        for (const [index, image] of clean.entries()) {
          const fileId = await services.files.save(trx, `image${index + 1}`, image.file, { allowed: ['image/png', 'image/jpeg'], maxBytes: IMAGE_MAX_BYTES, userId: actorUserId(actor) });
          await repo.insertImage({ proposal_id: id, file_id: fileId, alt_text: image.alt, position: index + 1 });
        }
        await writeAudit(trx, actor, { action: 'proposal.created', entityType: 'proposal', entityId: id, municipalityId: process.municipality_id });
        const authorId = actorUserId(actor);
        if (authorId !== null) await notificationRepository(trx).followProposal(authorId, id);
        return id;
      });
    },

    /**
     * The author may change the proposal until the first support or comment: after that others rely
     * on its words. Not while blocked; the changed text meets the word list like a new one.
     */
    async editProposal(actor: Actor, proposalId: number, input: ProposalInput): Promise<void> {
      // Checked before the transaction: on PGlite a query outside a running transaction would wait for it.
      const current = await participationRepository(db).proposal(proposalId);
      if (!current) throw AppError.notFound();
      if (!isAuthor(actor, current)) throw AppError.forbidden();
      await refuseBlocked(actor, current.municipality_id);
      await checkProposalInput(db, current.municipality_id, input, (await participationRepository(db).process(current.process_id))?.places ?? []);
      const held = current.held || (await mustHold(current.municipality_id, `${input.title} ${input.body}`));
      await db.transaction().execute(async (trx) => {
        const repo = participationRepository(trx);
        const proposal = await repo.lockProposal(proposalId);
        if (!proposal) throw AppError.notFound();
        if (!isAuthor(actor, proposal)) throw AppError.forbidden();
        if (proposal.support_count > 0 || proposal.comment_count > 0) throw AppError.conflict('participation.errors.edit_locked');
        await repo.updateProposal(proposalId, { ...proposalColumns(input), held, updated_at: new Date() });
      });
    },

    /** Once per person: the primary key refuses a second support, the count moves only with a new row. */
    async support(actor: Actor, proposalId: number): Promise<boolean> {
      const proposal = await participationRepository(db).proposal(proposalId);
      if (!proposal) throw AppError.notFound();
      await openProcess(actor, proposal.process_id, 'support');
      const userId = actorUserId(actor) as number;
      return db.transaction().execute(async (trx) => {
        const repo = participationRepository(trx);
        const inserted = await repo.insertSupport(proposalId, userId);
        if (inserted) await repo.changeSupportCount(proposalId, 1);
        return Boolean(inserted);
      });
    },

    async withdrawSupport(actor: Actor, proposalId: number): Promise<void> {
      const proposal = await participationRepository(db).proposal(proposalId);
      if (!proposal) throw AppError.notFound();
      await openProcess(actor, proposal.process_id, 'support');
      const userId = actorUserId(actor) as number;
      await db.transaction().execute(async (trx) => {
        const repo = participationRepository(trx);
        if (await repo.deleteSupport(proposalId, userId)) await repo.changeSupportCount(proposalId, -1);
      });
    },

    /**
     * The official answer, for a proposal of the managed town (else 404): accepted links the town's
     * measures, rejected needs a reason, merged names another proposal of the same process.
     */
    async answer(actor: Actor, municipalityId: number, proposalId: number, input: AnswerInput): Promise<void> {
      const repo = participationRepository(db);
      if (!can(actor, 'manage', { municipalityId })) throw AppError.notFound();
      const proposal = ofTown(await repo.proposal(proposalId), { id: municipalityId });
      const errors: FieldErrors = {};
      if (input.status === 'rejected' && input.text.trim() === '') errors.text = { key: 'participation.answer.reason_required' };
      if (input.status === 'merged') {
        const target = input.mergedIntoId ? await repo.proposal(input.mergedIntoId) : undefined;
        if (!target || target.process_id !== proposal.process_id || target.id === proposal.id) errors.mergedIntoId = { key: 'participation.answer.merge_target' };
      }
      const allowedMeasures = new Set((await measureOptions(db, municipalityId)).map((m) => m.id));
      if (input.measureIds.some((id) => !allowedMeasures.has(id))) errors.measureIds = { key: 'validation.choice' };
      if (input.status === 'accepted' && input.measureIds.length === 0) errors.measureIds = { key: 'participation.answer.measure_required' };
      if (Object.keys(errors).length) throw new ValidationError(errors);
      const queued = await db.transaction().execute(async (trx) => {
        const tx = participationRepository(trx);
        await tx.updateProposal(proposalId, {
          status: input.status,
          answer_text: input.text,
          merged_into_id: input.status === 'merged' ? (input.mergedIntoId ?? null) : null,
          answered_at: new Date(),
          updated_at: new Date(),
        });
        await tx.replaceMeasureLinks(proposalId, input.status === 'accepted' ? input.measureIds : []);
        await writeAudit(trx, actor, {
          action: 'proposal.answered',
          entityType: 'proposal',
          entityId: proposalId,
          municipalityId,
          before: { status: proposal.status, answer: proposal.answer_text },
          after: input,
        });
        return notifyFollowers(trx, {
          proposalId,
          processId: proposal.process_id,
          exceptUserId: actorUserId(actor),
          key: 'answer',
          params: { title: proposal.title, status: input.status },
          url: proposalUrl(proposal.process_id, proposalId),
        });
      });
      if (queued) services.mailQueued();
    },
  };
}
