import type { Actor } from '../../platform/access/actor.ts';
import { actorUserId } from '../../platform/access/actor.ts';
import { writeAudit } from '../../platform/audit/audit.ts';
import type { PhaseKind, ProposalStatus } from './tables.ts';
import { AppError, type FieldErrors, ValidationError } from '../../platform/http/errors.ts';
import type { UploadedFile } from '../../platform/files/store.ts';
import type { AppServices } from '../../platform/module.ts';
import { districtOptions } from '../municipalities/index.ts';
import { measureOptions } from '../strategy/index.ts';
import { activePhase, type ParticipationStep, phaseAllows } from './phases.ts';
import { containsListedWord } from './moderation.ts';
import { moderationRepository } from './moderation-repository.ts';
import { notificationRepository, notifyFollowers } from './notifications.ts';
import { can } from './policy.ts';
import { participationRepository } from './repository.ts';

export const COMMENT_EDIT_MINUTES = 15;

export const PROCESS_LANGUAGES = ['de', 'de-x-leicht', 'en', 'tr', 'ar', 'uk', 'ru', 'fa'] as const;

export interface ProcessInput {
  title: string;
  description?: string;
  fieldId?: number;
  languages?: string[];
  districtIds?: number[];
  /** Places people can pick for a proposal (a square, a school, a park), one name each. */
  places?: string[];
  phases: Array<{ kind: PhaseKind; starts_on: string; ends_on: string }>;
}

export interface ProposalInput {
  title: string;
  body: string;
  fieldId?: number;
  districtId?: number;
  /** One of the process's places, or empty. */
  place?: string;
  /** A point inside the town, chosen on its map. */
  point?: { latitude: number; longitude: number } | null;
}

export interface ProposalImage {
  file: UploadedFile;
  alt: string;
}

/** What a proposal's author writes, as columns: the same for a new proposal and an edited one. */
function proposalColumns(input: ProposalInput) {
  return {
    title: input.title,
    body: input.body,
    field_id: input.fieldId ?? null,
    district_id: input.districtId ?? null,
    place: input.place ?? '',
    latitude: input.point?.latitude ?? null,
    longitude: input.point?.longitude ?? null,
  };
}

export const MAX_PROPOSAL_IMAGES = 3;
const IMAGE_MAX_BYTES = 5 * 1024 * 1024;

export interface AnswerInput {
  status: Exclude<ProposalStatus, 'open'>;
  text: string;
  measureIds: number[];
  mergedIntoId?: number;
}

/** Processes, proposals, supports, comments and official answers; the phase decides what is open. */
export function participationService(services: Pick<AppServices, 'db' | 'config' | 'mailQueued' | 'files'>) {
  const { db } = services;
  const proposalUrl = (processId: number, proposalId: number) => `${services.config.baseUrl}/beteiligung/${processId}/vorschlaege/${proposalId}`;

  async function openProcess(actor: Actor, processId: number, step: ParticipationStep) {
    const repo = participationRepository(db);
    const process = await repo.process(processId);
    if (!process || !can(actor, 'view', { municipalityId: process.municipality_id, published: process.published })) throw AppError.notFound();
    if (!can(actor, 'contribute', { municipalityId: process.municipality_id })) throw AppError.forbidden('participation.errors.verified_required');
    const phase = activePhase(await repo.phases(processId));
    if (!phaseAllows(phase, step)) throw AppError.conflict(`participation.errors.phase_closed_${step}`);
    const userId = actorUserId(actor);
    if (userId !== null && (await moderationRepository(db).isBlocked(process.municipality_id, userId))) throw AppError.forbidden('participation.errors.blocked');
    return process;
  }

  /** Districts must be the town's own; languages from the list the platform offers. */
  async function checkPlaces(municipalityId: number, input: ProcessInput): Promise<void> {
    const errors: FieldErrors = {};
    if ((input.languages ?? []).some((l) => !(PROCESS_LANGUAGES as readonly string[]).includes(l))) errors.languages = { key: 'validation.choice' };
    if (input.districtIds?.length) {
      const own = new Set((await districtOptions(db, municipalityId)).map((d) => d.id));
      if (input.districtIds.some((id) => !own.has(id))) errors.districtIds = { key: 'validation.choice' };
    }
    if (Object.keys(errors).length) throw new ValidationError(errors);
  }

  async function checkProposalInput(municipalityId: number, input: ProposalInput, places: string[]): Promise<void> {
    if (input.place && !places.includes(input.place)) throw new ValidationError({ place: { key: 'validation.choice' } });
    if (input.districtId) {
      const districts = await districtOptions(db, municipalityId);
      if (!districts.some((d) => d.id === input.districtId)) throw new ValidationError({ districtId: { key: 'validation.choice' } });
    }
  }

  return {
    async createProcess(actor: Actor, municipalityId: number, input: ProcessInput): Promise<number> {
      if (!can(actor, 'manage', { municipalityId })) throw AppError.forbidden();
      await checkPlaces(municipalityId, input);
      return db.transaction().execute(async (trx) => {
        const repo = participationRepository(trx);
        const { id } = await repo.insertProcess({
          municipality_id: municipalityId,
          title: input.title,
          description: input.description ?? '',
          field_id: input.fieldId ?? null,
          languages: input.languages?.length ? input.languages : ['de'],
          district_ids: input.districtIds ?? [],
          places: input.places ?? [],
        });
        await repo.replacePhases(id, input.phases);
        await writeAudit(trx, actor, { action: 'process.created', entityType: 'participation_process', entityId: id, municipalityId, after: input });
        return id;
      });
    },

    async setProcessImage(actor: Actor, processId: number, file: UploadedFile, alt: string): Promise<void> {
      const process = await participationRepository(db).process(processId);
      if (!process || !can(actor, 'manage', { municipalityId: process.municipality_id })) throw AppError.notFound();
      await db.transaction().execute(async (trx) => {
        const fileId = await services.files.save(trx, 'image', file, { allowed: ['image/png', 'image/jpeg'], maxBytes: IMAGE_MAX_BYTES, userId: actorUserId(actor) });
        await participationRepository(trx).updateProcess(processId, { image_file_id: fileId, image_alt: alt, updated_at: new Date() });
        await writeAudit(trx, actor, { action: 'process.image_set', entityType: 'participation_process', entityId: processId, municipalityId: process.municipality_id, after: { fileId, alt } });
      });
    },

    async updateProcess(actor: Actor, processId: number, input: ProcessInput & { published: boolean }): Promise<void> {
      const before = await participationRepository(db).process(processId);
      if (!before || !can(actor, 'manage', { municipalityId: before.municipality_id })) throw AppError.notFound();
      // Checked before the transaction: on PGlite a query outside a running transaction would wait for it.
      await checkPlaces(before.municipality_id, input);
      await db.transaction().execute(async (trx) => {
        const repo = participationRepository(trx);
        await repo.updateProcess(processId, {
          title: input.title,
          description: input.description ?? '',
          field_id: input.fieldId ?? null,
          published: input.published,
          languages: input.languages?.length ? input.languages : ['de'],
          district_ids: input.districtIds ?? [],
          places: input.places ?? [],
          updated_at: new Date(),
        });
        await repo.replacePhases(processId, input.phases);
        await writeAudit(trx, actor, { action: 'process.updated', entityType: 'participation_process', entityId: processId, municipalityId: before.municipality_id, before, after: input });
      });
    },

    async propose(actor: Actor, processId: number, input: ProposalInput, images: ProposalImage[] = []): Promise<number> {
      const process = await openProcess(actor, processId, 'propose');
      await checkProposalInput(process.municipality_id, input, process.places);
      const held = containsListedWord(await moderationRepository(db).words(process.municipality_id), `${input.title} ${input.body}`);
      return db.transaction().execute(async (trx) => {
        const { id } = await participationRepository(trx).insertProposal({
          held,
          process_id: processId,
          municipality_id: process.municipality_id,
          author_user_id: actorUserId(actor),
          ...proposalColumns(input),
          merged_into_id: null,
          answered_at: null,
        });
        for (const [index, image] of images.slice(0, MAX_PROPOSAL_IMAGES).entries()) {
          const fileId = await services.files.save(trx, `image${index + 1}`, image.file, { allowed: ['image/png', 'image/jpeg'], maxBytes: IMAGE_MAX_BYTES, userId: actorUserId(actor) });
          await trx
            .insertInto('proposal_images')
            .values({ proposal_id: id, file_id: fileId, alt_text: image.alt, position: index + 1 })
            .execute();
        }
        await writeAudit(trx, actor, { action: 'proposal.created', entityType: 'proposal', entityId: id, municipalityId: process.municipality_id });
        const authorId = actorUserId(actor);
        if (authorId !== null) await notificationRepository(trx).followProposal(authorId, id);
        return id;
      });
    },

    /** A contribution from a paper form or a workshop counts like one made online; it is marked as such. */
    async addOffline(actor: Actor, processId: number, input: ProposalInput & { source: string }): Promise<number> {
      const repo = participationRepository(db);
      const process = await repo.process(processId);
      if (!process || !can(actor, 'manage', { municipalityId: process.municipality_id })) throw AppError.notFound();
      await checkProposalInput(process.municipality_id, input, process.places);
      return db.transaction().execute(async (trx) => {
        const { id } = await participationRepository(trx).insertProposal({
          process_id: processId,
          municipality_id: process.municipality_id,
          author_user_id: null,
          ...proposalColumns(input),
          offline: true,
          offline_source: input.source,
          merged_into_id: null,
          answered_at: null,
        });
        await writeAudit(trx, actor, { action: 'proposal.offline_entered', entityType: 'proposal', entityId: id, municipalityId: process.municipality_id, after: { source: input.source } });
        return id;
      });
    },

    /** The author may change the proposal until the first support or comment: after that others rely on its words. */
    async editProposal(actor: Actor, proposalId: number, input: ProposalInput): Promise<void> {
      // Checked before the transaction: on PGlite a query outside a running transaction would wait for it.
      const current = await participationRepository(db).proposal(proposalId);
      if (!current) throw AppError.notFound();
      await checkProposalInput(current.municipality_id, input, (await participationRepository(db).process(current.process_id))?.places ?? []);
      await db.transaction().execute(async (trx) => {
        const repo = participationRepository(trx);
        const proposal = await repo.lockProposal(proposalId);
        if (!proposal) throw AppError.notFound();
        if (proposal.author_user_id === null || proposal.author_user_id !== actorUserId(actor)) throw AppError.forbidden();
        if (proposal.support_count > 0 || proposal.comment_count > 0) throw AppError.conflict('participation.errors.edit_locked');
        await repo.updateProposal(proposalId, { ...proposalColumns(input), updated_at: new Date() });
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

    async comment(actor: Actor, proposalId: number, body: string, parentId?: number): Promise<number> {
      const proposal = await participationRepository(db).proposal(proposalId);
      if (!proposal) throw AppError.notFound();
      await openProcess(actor, proposal.process_id, 'comment');
      const held = containsListedWord(await moderationRepository(db).words(proposal.municipality_id), body);
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
              url: proposalUrl(proposal.process_id, proposalId),
            });
        return { id, queued };
      });
      if (created.queued) services.mailQueued();
      return created.id;
    },

    async editComment(actor: Actor, proposalId: number, commentId: number, body: string): Promise<void> {
      const repo = participationRepository(db);
      const comment = await repo.comment(proposalId, commentId);
      if (!comment) throw AppError.notFound();
      if (comment.author_user_id === null || comment.author_user_id !== actorUserId(actor)) throw AppError.forbidden();
      if (Date.now() - new Date(comment.created_at).getTime() > COMMENT_EDIT_MINUTES * 60_000) throw AppError.conflict('participation.errors.comment_edit_expired', { minutes: COMMENT_EDIT_MINUTES });
      await repo.updateComment(commentId, body);
    },

    /** The official answer: accepted links measures, rejected needs a reason, merged names the proposal it joins. */
    async answer(actor: Actor, proposalId: number, input: AnswerInput): Promise<void> {
      const repo = participationRepository(db);
      const proposal = await repo.proposal(proposalId);
      if (!proposal || !can(actor, 'manage', { municipalityId: proposal.municipality_id })) throw AppError.forbidden();
      const errors: FieldErrors = {};
      if (input.status === 'rejected' && input.text.trim() === '') errors.text = { key: 'participation.answer.reason_required' };
      if (input.status === 'merged') {
        const target = input.mergedIntoId ? await repo.proposal(input.mergedIntoId) : undefined;
        if (!target || target.process_id !== proposal.process_id || target.id === proposal.id) errors.mergedIntoId = { key: 'participation.answer.merge_target' };
      }
      const allowedMeasures = new Set((await measureOptions(db, proposal.municipality_id)).map((m) => m.id));
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
          municipalityId: proposal.municipality_id,
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
