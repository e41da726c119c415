import type { Kysely } from 'kysely';
import { type Actor, actorUserId } from '../../platform/access/actor.ts';
import { writeAudit } from '../../platform/audit/audit.ts';
import type { Database } from '../../platform/db/schema.ts';
import { AppError, type FieldErrors, ValidationError } from '../../platform/http/errors.ts';
import { organisationOptions } from '../network/index.ts';
import { type AssessmentInput, type ItemTextInput, levelField, type NewItemInput } from './forms.ts';
import { FIRST_ITEMS } from './items.ts';
import { can, ownRecord } from './policy.ts';
import { diversityCheckRepository } from './repository.ts';
import { scoreAnswers } from './scoring.ts';
import { DIMENSIONS, type Dimension } from './tables.ts';

export interface Town {
  id: number;
}

/** Makes the first version of the items when there is none (reference data, idempotent). */
export async function ensureFirstVersion(db: Kysely<Database>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const repo = diversityCheckRepository(trx);
    await repo.lockItems();
    if (await repo.currentVersion()) return;
    const version = await repo.insertVersion({ number: 1, note: '', created_by: null });
    const positions: Partial<Record<Dimension, number>> = {};
    await repo.insertItems(
      FIRST_ITEMS.map((item) => {
        positions[item.dimension] = (positions[item.dimension] ?? 0) + 1;
        return { version_id: version.id, dimension: item.dimension, position: positions[item.dimension] as number, text_de: item.de, text_en: item.en };
      }),
    );
  });
}

/**
 * Assessments of a town's organisations and the office's items. An assessment is answered on the
 * current version of the items and keeps it; its scores are computed once, when it is saved.
 */
export function diversityCheckService(db: Kysely<Database>) {
  const reads = diversityCheckRepository(db);

  function authorize(actor: Actor, town: Town): void {
    if (!can(actor, 'manage', { municipalityId: town.id })) throw AppError.forbidden();
  }

  async function current() {
    const version = await reads.currentVersion();
    if (!version) throw AppError.notFound();
    return { version, items: await reads.items(version.id) };
  }

  /** A new version: the current items, with one changed or one added. */
  async function newVersion(actor: Actor, change: (items: Array<{ dimension: Dimension; position: number; text_de: string; text_en: string; id?: number }>) => void, note: string) {
    if (!can(actor, 'edit_items')) throw AppError.forbidden();
    return db.transaction().execute(async (trx) => {
      const repo = diversityCheckRepository(trx);
      await repo.lockItems();
      const version = await repo.currentVersion();
      if (!version) throw AppError.notFound();
      const items = (await repo.items(version.id)).map((i) => ({ id: i.id, dimension: i.dimension, position: i.position, text_de: i.text_de, text_en: i.text_en }));
      change(items);
      const next = await repo.insertVersion({ number: version.number + 1, note, created_by: actorUserId(actor) });
      await repo.insertItems(items.map(({ id: _id, ...item }) => ({ ...item, version_id: next.id })));
      await writeAudit(trx, actor, { action: 'diversity_check.items_changed', entityType: 'diversity_check_version', entityId: next.id, after: { number: next.number, note } });
      return next;
    });
  }

  return {
    current,

    async assessment(town: Town, id: number) {
      return ownRecord(await reads.assessment(id), town);
    },

    /** The organisations of the town the form offers. */
    organisations(town: Town) {
      return organisationOptions(db, town.id);
    },

    /** Records an assessment on the current items; the organisation must be of the town, each phase once, the follow-up after the baseline. */
    async record(actor: Actor, town: Town, input: AssessmentInput, levels: Record<string, number>): Promise<number> {
      authorize(actor, town);
      const { version, items } = await current();
      return db.transaction().execute(async (trx) => {
        const repo = diversityCheckRepository(trx);
        const errors: FieldErrors = {};
        const organisations = await organisationOptions(trx, town.id);
        if (!organisations.some((o) => o.id === input.organisationId)) errors.organisationId = { key: 'validation.choice' };
        else if (await repo.assessmentOf(input.organisationId, input.phase)) errors.phase = { key: 'diversity_check.form.phase_taken' };
        else if (input.phase === 'follow_up') {
          const baseline = await repo.assessmentOf(input.organisationId, 'baseline');
          const before = baseline ? await repo.assessment(baseline.id) : undefined;
          if (!before) errors.phase = { key: 'diversity_check.form.baseline_first' };
          else if (before.assessed_on >= input.assessedOn) errors.assessedOn = { key: 'diversity_check.form.after_baseline', params: { date: before.assessed_on } };
        }
        if (Object.keys(errors).length) throw new ValidationError(errors);
        const answers = items.map((item) => ({ item_id: item.id, dimension: item.dimension, text: item.text_de, level: levels[levelField(item.id)] ?? 0 }));
        const scored = scoreAnswers(answers);
        const { id } = await repo.insertAssessment({
          municipality_id: town.id,
          organisation_id: input.organisationId,
          version_id: version.id,
          phase: input.phase,
          assessed_on: input.assessedOn,
          index_score: scored.index,
          note: input.note ?? '',
          created_by: actorUserId(actor),
        });
        const scores = DIMENSIONS.flatMap((dimension) => {
          const score = scored.dimensions[dimension];
          return score === null ? [] : [{ dimension, score }];
        });
        await repo.saveResults(
          id,
          answers.map((a) => ({ item_id: a.item_id, level: a.level })),
          scores,
        );
        await writeAudit(trx, actor, {
          action: 'diversity_check.assessment_saved',
          entityType: 'diversity_check_assessment',
          entityId: id,
          municipalityId: town.id,
          after: { organisationId: input.organisationId, phase: input.phase, assessedOn: input.assessedOn, version: version.number, index: scored.index },
        });
        return id;
      });
    },

    async remove(actor: Actor, town: Town, id: number): Promise<void> {
      authorize(actor, town);
      await db.transaction().execute(async (trx) => {
        const repo = diversityCheckRepository(trx);
        const before = ownRecord(await repo.assessment(id), town);
        await repo.deleteAssessment(town.id, id);
        await writeAudit(trx, actor, {
          action: 'diversity_check.assessment_deleted',
          entityType: 'diversity_check_assessment',
          entityId: id,
          municipalityId: town.id,
          before: { organisation: before.organisation_name, phase: before.phase, assessedOn: before.assessed_on, index: before.index_score },
        });
      });
    },

    /** An item of the current version, for its edit form (an item of an older version is history: 404). */
    async currentItem(id: number) {
      const { items } = await current();
      const item = items.find((i) => i.id === id);
      if (!item) throw AppError.notFound();
      return item;
    },

    changeItem(actor: Actor, id: number, input: ItemTextInput) {
      return newVersion(
        actor,
        (items) => {
          const item = items.find((i) => i.id === id);
          if (!item) throw AppError.notFound();
          item.text_de = input.textDe;
          item.text_en = input.textEn;
        },
        input.note ?? '',
      );
    },

    addItem(actor: Actor, input: NewItemInput) {
      return newVersion(
        actor,
        (items) => {
          const last = Math.max(0, ...items.filter((i) => i.dimension === input.dimension).map((i) => i.position));
          items.push({ dimension: input.dimension, position: last + 1, text_de: input.textDe, text_en: input.textEn });
        },
        input.note ?? '',
      );
    },
  };
}
