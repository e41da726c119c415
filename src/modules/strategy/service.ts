import type { Kysely } from 'kysely';
import { type Actor, actorUserId } from '../../platform/access/actor.ts';
import { writeAudit } from '../../platform/audit/audit.ts';
import type { Database } from '../../platform/db/schema.ts';
import type { MeasureStatus } from './tables.ts';
import type { UploadedFile } from '../../platform/files/store.ts';
import { AppError, type FieldErrors, ValidationError } from '../../platform/http/errors.ts';
import { checkMethodIds, methodLinks } from '../../platform/method-links.ts';
import type { AppServices } from '../../platform/module.ts';
import { districtOptions } from '../municipalities/index.ts';
import { belongsToTown, can, isAdopted, ownRecord } from './policy.ts';
import { strategyRepository } from './repository.ts';

/** The town a change is for: the scope of the route, already checked to be managed by the caller. */
export interface Town {
  id: number;
}

export const DOCUMENT_MAX_BYTES = 10 * 1024 * 1024;

export interface VersionInput {
  title: string;
  versionLabel: string;
  adoptedOn?: string;
  summary?: string;
}

export interface FieldInput {
  name: string;
  description?: string;
  position?: number;
}

export interface GoalInput {
  title: string;
  description?: string;
  position?: number;
}

export interface MeasureInput {
  title: string;
  description?: string;
  fieldId: number;
  goalId?: number;
  districtId?: number;
  responsibleOrg?: string;
  startsOn?: string;
  endsOn?: string;
  status: MeasureStatus;
  progress: number;
  /** The toolkit's method cards the measure used (published ones); left out, the named cards stay as they are. */
  methodIds?: number[];
}

export interface UpdateInput {
  text: string;
  status: MeasureStatus;
  progress: number;
}

/**
 * Strategy, fields of action, goals, measures and their updates of one town. Every change is
 * audited in its transaction. Each function takes the town of the route's scope and checks, through
 * the policy, that every record named by the URL (404 otherwise) or the form (a field error) belongs
 * to that town.
 */
export function strategyService(services: Pick<AppServices, 'db' | 'files' | 'modules'>) {
  const { db, files } = services;
  const methods = methodLinks(services);

  function authorize(actor: Actor, town: Town): void {
    if (!can(actor, 'manage', { municipalityId: town.id })) throw AppError.forbidden();
  }

  /** Rules that need the database: field, goal and district belong to the town, the goal to the chosen field. */
  async function checkMeasure(trx: Kysely<Database>, town: Town, input: MeasureInput): Promise<void> {
    const errors: FieldErrors = {};
    const repo = strategyRepository(trx);
    if (input.startsOn && input.endsOn && input.endsOn < input.startsOn) errors.endsOn = { key: 'validation.end_before_start' };
    if (!belongsToTown(await repo.field(input.fieldId), town)) errors.fieldId = { key: 'validation.choice' };
    if (input.goalId) {
      const goal = await repo.goal(input.goalId);
      if (!belongsToTown(goal, town)) errors.goalId = { key: 'validation.choice' };
      else if (goal.field_id !== input.fieldId) errors.goalId = { key: 'strategy.measure.goal_other_field' };
    }
    if (input.districtId) {
      const districts = await districtOptions(trx, town.id);
      if (!districts.some((d) => d.id === input.districtId)) errors.districtId = { key: 'validation.choice' };
    }
    Object.assign(errors, await checkMethodIds(methods, trx, input.methodIds ?? []));
    if (Object.keys(errors).length) throw new ValidationError(errors);
  }

  /** The cards the measure names, in its transaction (platform/method-links.ts); a town's measures are all public. */
  async function nameMethods(trx: Kysely<Database>, town: Town, measureId: number, input: MeasureInput): Promise<void> {
    if (methods && input.methodIds) await methods.replace(trx, { kind: 'measure', objectId: measureId, municipalityId: town.id, isPublic: true }, input.methodIds);
  }

  function measureValues(input: MeasureInput) {
    return {
      title: input.title,
      description: input.description ?? '',
      field_id: input.fieldId,
      goal_id: input.goalId ?? null,
      district_id: input.districtId ?? null,
      responsible_org: input.responsibleOrg ?? '',
      starts_on: input.startsOn ?? null,
      ends_on: input.endsOn ?? null,
      status: input.status,
      progress: input.progress,
    };
  }

  const reads = strategyRepository(db);

  return {
    /** The records of the URL, for pages: each one of the town, or 404. */
    async version(town: Town, id: number) {
      return ownRecord(await reads.version(id), town);
    },
    async field(town: Town, id: number) {
      return ownRecord(await reads.field(id), town);
    },
    async goal(town: Town, id: number) {
      return ownRecord(await reads.goal(id), town);
    },
    async measure(town: Town, id: number) {
      return ownRecord(await reads.measure(id), town);
    },

    /**
     * A version's document: an adopted version's for everyone, a draft's only for those who manage
     * the town; everyone else gets 404, as if the draft had no document.
     */
    async document(actor: Actor, town: Town, id: number) {
      const version = await reads.version(id);
      if (!belongsToTown(version, town) || !version?.document_file_id) throw AppError.notFound();
      if (!can(actor, 'read_document', { municipalityId: town.id, adopted: isAdopted(version) })) throw AppError.notFound();
      const file = await files.read(db, version.document_file_id);
      if (!file) throw AppError.notFound();
      return { file, adopted: isAdopted(version) };
    },

    async addVersion(actor: Actor, town: Town, input: VersionInput, document: UploadedFile | null): Promise<number> {
      authorize(actor, town);
      return db.transaction().execute(async (trx) => {
        const fileId = document ? await files.save(trx, 'document', document, { allowed: ['application/pdf'], maxBytes: DOCUMENT_MAX_BYTES, userId: actorUserId(actor) }) : null;
        const { id } = await strategyRepository(trx).insertVersion({
          municipality_id: town.id,
          title: input.title,
          version_label: input.versionLabel,
          adopted_on: input.adoptedOn ?? null,
          summary: input.summary ?? '',
          document_file_id: fileId,
        });
        await writeAudit(trx, actor, { action: 'strategy_version.created', entityType: 'strategy_version', entityId: id, municipalityId: town.id, after: { ...input, documentFileId: fileId } });
        return id;
      });
    },

    async updateVersion(actor: Actor, town: Town, id: number, input: VersionInput, document: UploadedFile | null): Promise<void> {
      authorize(actor, town);
      await db.transaction().execute(async (trx) => {
        const repo = strategyRepository(trx);
        const before = ownRecord(await repo.version(id), town);
        const fileId = document ? await files.save(trx, 'document', document, { allowed: ['application/pdf'], maxBytes: DOCUMENT_MAX_BYTES, userId: actorUserId(actor) }) : before.document_file_id;
        const after = { title: input.title, version_label: input.versionLabel, adopted_on: input.adoptedOn ?? null, summary: input.summary ?? '', document_file_id: fileId };
        await repo.updateVersion(town.id, id, after);
        await writeAudit(trx, actor, { action: 'strategy_version.updated', entityType: 'strategy_version', entityId: id, municipalityId: town.id, before, after });
      });
    },

    async deleteVersion(actor: Actor, town: Town, id: number): Promise<void> {
      authorize(actor, town);
      await db.transaction().execute(async (trx) => {
        const repo = strategyRepository(trx);
        const before = ownRecord(await repo.version(id), town);
        await repo.deleteVersion(town.id, id);
        await writeAudit(trx, actor, { action: 'strategy_version.deleted', entityType: 'strategy_version', entityId: id, municipalityId: town.id, before });
      });
    },

    async addField(actor: Actor, town: Town, input: FieldInput): Promise<number> {
      authorize(actor, town);
      return db.transaction().execute(async (trx) => {
        const { id } = await strategyRepository(trx).insertField({ municipality_id: town.id, name: input.name, description: input.description ?? '', position: input.position ?? 0 });
        await writeAudit(trx, actor, { action: 'field.created', entityType: 'field_of_action', entityId: id, municipalityId: town.id, after: input });
        return id;
      });
    },

    async updateField(actor: Actor, town: Town, id: number, input: FieldInput): Promise<void> {
      authorize(actor, town);
      await db.transaction().execute(async (trx) => {
        const repo = strategyRepository(trx);
        const before = ownRecord(await repo.field(id), town);
        const after = { name: input.name, description: input.description ?? '', position: input.position ?? before.position };
        await repo.updateField(town.id, id, after);
        await writeAudit(trx, actor, { action: 'field.updated', entityType: 'field_of_action', entityId: id, municipalityId: town.id, before, after });
      });
    },

    /** A field with measures stays: deleting it would take the measures' context away. */
    async deleteField(actor: Actor, town: Town, id: number): Promise<void> {
      authorize(actor, town);
      await db.transaction().execute(async (trx) => {
        const repo = strategyRepository(trx);
        const before = ownRecord(await repo.field(id), town);
        const measures = await repo.countMeasuresOfField(id);
        if (measures > 0) throw AppError.conflict('strategy.field.delete_has_measures', { count: measures });
        await repo.deleteField(town.id, id);
        await writeAudit(trx, actor, { action: 'field.deleted', entityType: 'field_of_action', entityId: id, municipalityId: town.id, before });
      });
    },

    async addGoal(actor: Actor, town: Town, fieldId: number, input: GoalInput): Promise<number> {
      authorize(actor, town);
      return db.transaction().execute(async (trx) => {
        const repo = strategyRepository(trx);
        ownRecord(await repo.field(fieldId), town);
        const { id } = await repo.insertGoal({ field_id: fieldId, title: input.title, description: input.description ?? '', position: input.position ?? 0 });
        await writeAudit(trx, actor, { action: 'goal.created', entityType: 'goal', entityId: id, municipalityId: town.id, after: { ...input, fieldId } });
        return id;
      });
    },

    async updateGoal(actor: Actor, town: Town, id: number, input: GoalInput): Promise<number> {
      authorize(actor, town);
      return db.transaction().execute(async (trx) => {
        const repo = strategyRepository(trx);
        const before = ownRecord(await repo.goal(id), town);
        const after = { title: input.title, description: input.description ?? '', position: input.position ?? before.position };
        await repo.updateGoal(id, after);
        await writeAudit(trx, actor, { action: 'goal.updated', entityType: 'goal', entityId: id, municipalityId: town.id, before, after });
        return before.field_id;
      });
    },

    async deleteGoal(actor: Actor, town: Town, id: number): Promise<number> {
      authorize(actor, town);
      return db.transaction().execute(async (trx) => {
        const repo = strategyRepository(trx);
        const before = ownRecord(await repo.goal(id), town);
        await repo.deleteGoal(id);
        await writeAudit(trx, actor, { action: 'goal.deleted', entityType: 'goal', entityId: id, municipalityId: town.id, before });
        return before.field_id;
      });
    },

    async addMeasure(actor: Actor, town: Town, input: MeasureInput): Promise<number> {
      authorize(actor, town);
      return db.transaction().execute(async (trx) => {
        await checkMeasure(trx, town, input);
        const { id } = await strategyRepository(trx).insertMeasure({ municipality_id: town.id, ...measureValues(input) });
        await nameMethods(trx, town, id, input);
        await writeAudit(trx, actor, { action: 'measure.created', entityType: 'measure', entityId: id, municipalityId: town.id, after: input });
        return id;
      });
    },

    async updateMeasure(actor: Actor, town: Town, id: number, input: MeasureInput): Promise<void> {
      authorize(actor, town);
      await db.transaction().execute(async (trx) => {
        const repo = strategyRepository(trx);
        const before = ownRecord(await repo.measure(id), town);
        await checkMeasure(trx, town, input);
        const after = { ...measureValues(input), updated_at: new Date() };
        await repo.updateMeasure(town.id, id, after);
        const methodsBefore = methods && input.methodIds ? await methods.named(trx, 'measure', id) : undefined;
        await nameMethods(trx, town, id, input);
        await writeAudit(trx, actor, {
          action: 'measure.updated',
          entityType: 'measure',
          entityId: id,
          municipalityId: town.id,
          before: { ...before, methodIds: methodsBefore },
          after: { ...after, methodIds: input.methodIds },
        });
      });
    },

    async deleteMeasure(actor: Actor, town: Town, id: number): Promise<void> {
      authorize(actor, town);
      await db.transaction().execute(async (trx) => {
        const repo = strategyRepository(trx);
        const before = ownRecord(await repo.measure(id), town);
        await repo.deleteMeasure(town.id, id);
        await methods?.forget(trx, 'measure', id);
        await writeAudit(trx, actor, { action: 'measure.deleted', entityType: 'measure', entityId: id, municipalityId: town.id, before });
      });
    },

    /** An update sets the measure's status and progress and enters its history, in one transaction. */
    async postUpdate(actor: Actor, town: Town, measureId: number, input: UpdateInput): Promise<void> {
      authorize(actor, town);
      await db.transaction().execute(async (trx) => {
        const repo = strategyRepository(trx);
        const before = ownRecord(await repo.lockMeasure(measureId), town);
        const update = await repo.insertUpdate({ measure_id: measureId, author_user_id: actorUserId(actor), text: input.text, status: input.status, progress: input.progress });
        await repo.updateMeasure(town.id, measureId, { status: input.status, progress: input.progress, updated_at: new Date() });
        await writeAudit(trx, actor, {
          action: 'measure.progress_reported',
          entityType: 'measure',
          entityId: measureId,
          municipalityId: town.id,
          before: { status: before.status, progress: before.progress },
          after: { status: input.status, progress: input.progress, updateId: update.id, text: input.text },
        });
      });
    },
  };
}

export type StrategyService = ReturnType<typeof strategyService>;
