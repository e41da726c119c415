import type { Kysely } from 'kysely';
import { type Actor, actorUserId } from '../../platform/access/actor.ts';
import { writeAudit } from '../../platform/audit/audit.ts';
import type { Database } from '../../platform/db/schema.ts';
import type { MeasureStatus } from './tables.ts';
import type { UploadedFile } from '../../platform/files/store.ts';
import { AppError, type FieldErrors, ValidationError } from '../../platform/http/errors.ts';
import type { AppServices } from '../../platform/module.ts';
import { districtOptions } from '../municipalities/index.ts';
import { can } from './policy.ts';
import { strategyRepository } from './repository.ts';

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
}

export interface UpdateInput {
  text: string;
  status: MeasureStatus;
  progress: number;
}

/** Strategy, fields of action, goals, measures and their updates of one municipality. Every change is audited in its transaction. */
export function strategyService(services: Pick<AppServices, 'db' | 'files'>) {
  const { db, files } = services;

  function authorize(actor: Actor, municipalityId: number): void {
    if (!can(actor, 'manage', { municipalityId })) throw AppError.forbidden();
  }

  /** Rules that need the database: the goal belongs to the chosen field, the district to the town. */
  async function checkMeasure(trx: Kysely<Database>, municipalityId: number, input: MeasureInput): Promise<void> {
    const errors: FieldErrors = {};
    const repo = strategyRepository(trx);
    if (input.startsOn && input.endsOn && input.endsOn < input.startsOn) errors.endsOn = { key: 'validation.end_before_start' };
    if (!(await repo.field(municipalityId, input.fieldId))) errors.fieldId = { key: 'validation.choice' };
    if (input.goalId) {
      const goal = await repo.goal(municipalityId, input.goalId);
      if (!goal) errors.goalId = { key: 'validation.choice' };
      else if (goal.field_id !== input.fieldId) errors.goalId = { key: 'strategy.measure.goal_other_field' };
    }
    if (input.districtId) {
      const districts = await districtOptions(trx, municipalityId);
      if (!districts.some((d) => d.id === input.districtId)) errors.districtId = { key: 'validation.choice' };
    }
    if (Object.keys(errors).length) throw new ValidationError(errors);
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

  return {
    async addVersion(actor: Actor, municipalityId: number, input: VersionInput, document: UploadedFile | null): Promise<number> {
      authorize(actor, municipalityId);
      return db.transaction().execute(async (trx) => {
        const fileId = document ? await files.save(trx, 'document', document, { allowed: ['application/pdf'], maxBytes: DOCUMENT_MAX_BYTES, userId: actorUserId(actor) }) : null;
        const { id } = await strategyRepository(trx).insertVersion({
          municipality_id: municipalityId,
          title: input.title,
          version_label: input.versionLabel,
          adopted_on: input.adoptedOn ?? null,
          summary: input.summary ?? '',
          document_file_id: fileId,
        });
        await writeAudit(trx, actor, { action: 'strategy_version.created', entityType: 'strategy_version', entityId: id, municipalityId, after: { ...input, documentFileId: fileId } });
        return id;
      });
    },

    async updateVersion(actor: Actor, municipalityId: number, id: number, input: VersionInput, document: UploadedFile | null): Promise<void> {
      authorize(actor, municipalityId);
      await db.transaction().execute(async (trx) => {
        const repo = strategyRepository(trx);
        const before = await repo.version(municipalityId, id);
        if (!before) throw AppError.notFound();
        const fileId = document ? await files.save(trx, 'document', document, { allowed: ['application/pdf'], maxBytes: DOCUMENT_MAX_BYTES, userId: actorUserId(actor) }) : before.document_file_id;
        const after = { title: input.title, version_label: input.versionLabel, adopted_on: input.adoptedOn ?? null, summary: input.summary ?? '', document_file_id: fileId };
        await repo.updateVersion(municipalityId, id, after);
        await writeAudit(trx, actor, { action: 'strategy_version.updated', entityType: 'strategy_version', entityId: id, municipalityId, before, after });
      });
    },

    async deleteVersion(actor: Actor, municipalityId: number, id: number): Promise<void> {
      authorize(actor, municipalityId);
      await db.transaction().execute(async (trx) => {
        const repo = strategyRepository(trx);
        const before = await repo.version(municipalityId, id);
        if (!before) throw AppError.notFound();
        await repo.deleteVersion(municipalityId, id);
        await writeAudit(trx, actor, { action: 'strategy_version.deleted', entityType: 'strategy_version', entityId: id, municipalityId, before });
      });
    },

    async addField(actor: Actor, municipalityId: number, input: FieldInput): Promise<number> {
      authorize(actor, municipalityId);
      return db.transaction().execute(async (trx) => {
        const { id } = await strategyRepository(trx).insertField({ municipality_id: municipalityId, name: input.name, description: input.description ?? '', position: input.position ?? 0 });
        await writeAudit(trx, actor, { action: 'field.created', entityType: 'field_of_action', entityId: id, municipalityId, after: input });
        return id;
      });
    },

    async updateField(actor: Actor, municipalityId: number, id: number, input: FieldInput): Promise<void> {
      authorize(actor, municipalityId);
      await db.transaction().execute(async (trx) => {
        const repo = strategyRepository(trx);
        const before = await repo.field(municipalityId, id);
        if (!before) throw AppError.notFound();
        const after = { name: input.name, description: input.description ?? '', position: input.position ?? before.position };
        await repo.updateField(municipalityId, id, after);
        await writeAudit(trx, actor, { action: 'field.updated', entityType: 'field_of_action', entityId: id, municipalityId, before, after });
      });
    },

    /** A field with measures stays: deleting it would take the measures' context away. */
    async deleteField(actor: Actor, municipalityId: number, id: number): Promise<void> {
      authorize(actor, municipalityId);
      await db.transaction().execute(async (trx) => {
        const repo = strategyRepository(trx);
        const before = await repo.field(municipalityId, id);
        if (!before) throw AppError.notFound();
        const measures = await repo.countMeasuresOfField(id);
        if (measures > 0) throw AppError.conflict('strategy.field.delete_has_measures', { count: measures });
        await repo.deleteField(municipalityId, id);
        await writeAudit(trx, actor, { action: 'field.deleted', entityType: 'field_of_action', entityId: id, municipalityId, before });
      });
    },

    async addGoal(actor: Actor, municipalityId: number, fieldId: number, input: GoalInput): Promise<number> {
      authorize(actor, municipalityId);
      return db.transaction().execute(async (trx) => {
        const repo = strategyRepository(trx);
        if (!(await repo.field(municipalityId, fieldId))) throw AppError.notFound();
        const { id } = await repo.insertGoal({ field_id: fieldId, title: input.title, description: input.description ?? '', position: input.position ?? 0 });
        await writeAudit(trx, actor, { action: 'goal.created', entityType: 'goal', entityId: id, municipalityId, after: { ...input, fieldId } });
        return id;
      });
    },

    async updateGoal(actor: Actor, municipalityId: number, id: number, input: GoalInput): Promise<number> {
      authorize(actor, municipalityId);
      return db.transaction().execute(async (trx) => {
        const repo = strategyRepository(trx);
        const before = await repo.goal(municipalityId, id);
        if (!before) throw AppError.notFound();
        const after = { title: input.title, description: input.description ?? '', position: input.position ?? before.position };
        await repo.updateGoal(id, after);
        await writeAudit(trx, actor, { action: 'goal.updated', entityType: 'goal', entityId: id, municipalityId, before, after });
        return before.field_id;
      });
    },

    async deleteGoal(actor: Actor, municipalityId: number, id: number): Promise<number> {
      authorize(actor, municipalityId);
      return db.transaction().execute(async (trx) => {
        const repo = strategyRepository(trx);
        const before = await repo.goal(municipalityId, id);
        if (!before) throw AppError.notFound();
        await repo.deleteGoal(id);
        await writeAudit(trx, actor, { action: 'goal.deleted', entityType: 'goal', entityId: id, municipalityId, before });
        return before.field_id;
      });
    },

    async addMeasure(actor: Actor, municipalityId: number, input: MeasureInput): Promise<number> {
      authorize(actor, municipalityId);
      return db.transaction().execute(async (trx) => {
        await checkMeasure(trx, municipalityId, input);
        const { id } = await strategyRepository(trx).insertMeasure({ municipality_id: municipalityId, ...measureValues(input) });
        await writeAudit(trx, actor, { action: 'measure.created', entityType: 'measure', entityId: id, municipalityId, after: input });
        return id;
      });
    },

    async updateMeasure(actor: Actor, municipalityId: number, id: number, input: MeasureInput): Promise<void> {
      authorize(actor, municipalityId);
      await db.transaction().execute(async (trx) => {
        const repo = strategyRepository(trx);
        const before = await repo.measure(municipalityId, id);
        if (!before) throw AppError.notFound();
        await checkMeasure(trx, municipalityId, input);
        const after = { ...measureValues(input), updated_at: new Date() };
        await repo.updateMeasure(municipalityId, id, after);
        await writeAudit(trx, actor, { action: 'measure.updated', entityType: 'measure', entityId: id, municipalityId, before, after });
      });
    },

    async deleteMeasure(actor: Actor, municipalityId: number, id: number): Promise<void> {
      authorize(actor, municipalityId);
      await db.transaction().execute(async (trx) => {
        const repo = strategyRepository(trx);
        const before = await repo.measure(municipalityId, id);
        if (!before) throw AppError.notFound();
        await repo.deleteMeasure(municipalityId, id);
        await writeAudit(trx, actor, { action: 'measure.deleted', entityType: 'measure', entityId: id, municipalityId, before });
      });
    },

    /** An update sets the measure's status and progress and enters its history, in one transaction. */
    async postUpdate(actor: Actor, municipalityId: number, measureId: number, input: UpdateInput): Promise<void> {
      authorize(actor, municipalityId);
      await db.transaction().execute(async (trx) => {
        const repo = strategyRepository(trx);
        const before = await repo.lockMeasure(municipalityId, measureId);
        if (!before) throw AppError.notFound();
        const update = await repo.insertUpdate({ measure_id: measureId, author_user_id: actorUserId(actor), text: input.text, status: input.status, progress: input.progress });
        await repo.updateMeasure(municipalityId, measureId, { status: input.status, progress: input.progress, updated_at: new Date() });
        await writeAudit(trx, actor, {
          action: 'measure.progress_reported',
          entityType: 'measure',
          entityId: measureId,
          municipalityId,
          before: { status: before.status, progress: before.progress },
          after: { status: input.status, progress: input.progress, updateId: update.id, text: input.text },
        });
      });
    },
  };
}

export type StrategyService = ReturnType<typeof strategyService>;
