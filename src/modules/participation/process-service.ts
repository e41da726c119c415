import type { Actor } from '../../platform/access/actor.ts';
import { actorUserId } from '../../platform/access/actor.ts';
import { writeAudit } from '../../platform/audit/audit.ts';
import type { UploadedFile } from '../../platform/files/store.ts';
import { AppError, type FieldErrors, ValidationError } from '../../platform/http/errors.ts';
import type { AppServices } from '../../platform/module.ts';
import { districtOptions } from '../municipalities/index.ts';
import { fieldsOfTown } from '../strategy/index.ts';
import { withoutMetadata } from './images.ts';
import { can, ofTown } from './policy.ts';
import { participationRepository } from './repository.ts';
import { checkProposalInput, IMAGE_MAX_BYTES, type ProposalInput, proposalColumns } from './proposal-input.ts';
import type { PhaseKind } from './tables.ts';

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

/**
 * The town's side of a process: creating and editing it, its picture, contributions from paper.
 * Every function takes the managed town; a process of another town is not there (404).
 */
export function processService(services: Pick<AppServices, 'db' | 'files'>) {
  const { db } = services;

  /** Field of action and districts must be the town's own; languages from the list the platform offers. */
  async function checkPlaces(municipalityId: number, input: ProcessInput): Promise<void> {
    const errors: FieldErrors = {};
    if ((input.languages ?? []).some((l) => !(PROCESS_LANGUAGES as readonly string[]).includes(l))) errors.languages = { key: 'validation.choice' };
    if (input.fieldId !== undefined && !(await fieldsOfTown(db, municipalityId)).some((f) => f.id === input.fieldId)) errors.fieldId = { key: 'validation.choice' };
    if (input.districtIds?.length) {
      const own = new Set((await districtOptions(db, municipalityId)).map((d) => d.id));
      if (input.districtIds.some((id) => !own.has(id))) errors.districtIds = { key: 'validation.choice' };
    }
    if (Object.keys(errors).length) throw new ValidationError(errors);
  }

  async function ownProcess(actor: Actor, municipalityId: number, processId: number) {
    if (!can(actor, 'manage', { municipalityId })) throw AppError.notFound();
    return ofTown(await participationRepository(db).process(processId), { id: municipalityId });
  }

  return {
    ownProcess,

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

    async setProcessImage(actor: Actor, municipalityId: number, processId: number, file: UploadedFile, alt: string): Promise<void> {
      await ownProcess(actor, municipalityId, processId);
      const clean = await withoutMetadata('image', file);
      await db.transaction().execute(async (trx) => {
        const fileId = await services.files.save(trx, 'image', clean, { allowed: ['image/png', 'image/jpeg'], maxBytes: IMAGE_MAX_BYTES, userId: actorUserId(actor) });
        await participationRepository(trx).updateProcess(processId, { image_file_id: fileId, image_alt: alt, updated_at: new Date() });
        await writeAudit(trx, actor, { action: 'process.image_set', entityType: 'participation_process', entityId: processId, municipalityId, after: { fileId, alt } });
      });
    },

    async updateProcess(actor: Actor, municipalityId: number, processId: number, input: ProcessInput & { published: boolean }): Promise<void> {
      const before = await ownProcess(actor, municipalityId, processId);
      // Checked before the transaction: on PGlite a query outside a running transaction would wait for it.
      await checkPlaces(municipalityId, input);
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
        await writeAudit(trx, actor, { action: 'process.updated', entityType: 'participation_process', entityId: processId, municipalityId, before, after: input });
      });
    },

    /** A contribution from a paper form or a workshop counts like one made online; it is marked as such. */
    async addOffline(actor: Actor, municipalityId: number, processId: number, input: ProposalInput & { source: string }): Promise<number> {
      const process = await ownProcess(actor, municipalityId, processId);
      await checkProposalInput(db, process.municipality_id, input, process.places);
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
  };
}
