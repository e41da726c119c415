import type { Kysely } from 'kysely';
import { type Actor, actorUserId } from '../../platform/access/actor.ts';
import { writeAudit } from '../../platform/audit/audit.ts';
import type { Database } from '../../platform/db/schema.ts';
import { AppError, ValidationError } from '../../platform/http/errors.ts';
import { type DecisionInput, type MethodInput, type MethodLists, stepList, type TranslationInput, tagList } from './forms.ts';
import { can, decisionFits, ownRecord } from './policy.ts';
import { toolkitRepository } from './repository.ts';
import { type Field, isOneOf, type Status, type TargetGroup, TRANSLATION_LOCALES, type TranslationLocale } from './tables.ts';

/** The town of the route's scope, already checked to be managed by the caller. */
export interface Town {
  id: number;
}

type MethodRow = NonNullable<Awaited<ReturnType<ReturnType<typeof toolkitRepository>['method']>>>;

/** What a version keeps of a card: its content as it was after the change. */
function content(m: MethodRow): Record<string, unknown> {
  const { search: _search, attachment_text: _text, created_at: _created, updated_at: _updated, ...kept } = m;
  return kept;
}

const DECISION_STATUS: Record<DecisionInput['decision'], Status> = { publish: 'published', changes: 'changes_requested', withdraw: 'withdrawn' };
const DECISION_AUDIT = { publish: 'toolkit.method_published', changes: 'toolkit.method_changes_requested', withdraw: 'toolkit.method_withdrawn' } as const;

/**
 * Method cards: a town's coordinators write and submit them, the programme office reviews,
 * publishes, asks for changes or withdraws. Every change writes a version and an audit entry in
 * its transaction and rewrites the search vector.
 */
export function toolkitService(db: Kysely<Database>) {
  const reads = toolkitRepository(db);

  function values(input: MethodInput, lists: MethodLists) {
    return {
      title: input.title,
      summary: input.summary,
      goal: input.goal ?? '',
      steps: stepList(input.steps),
      duration: input.duration,
      group_size: input.groupSize,
      format: input.format,
      materials: input.materials ?? '',
      contact: input.contact ?? '',
      languages: tagList(input.languages),
      licence: input.licence ?? 'CC-BY-4.0',
      easy_summary: input.easySummary ?? '',
      target_groups: lists.targetGroups as TargetGroup[],
      fields_of_action: lists.fieldsOfAction as Field[],
    };
  }

  async function keepVersion(trx: Kysely<Database>, actor: Actor, id: number) {
    const repo = toolkitRepository(trx);
    const after = await repo.method(id);
    if (!after) throw AppError.notFound();
    await repo.refreshSearch(id);
    await repo.insertVersion({ method_id: id, version: after.version, status: after.status, content: JSON.stringify(content(after)), actor_user_id: actorUserId(actor) });
    return after;
  }

  return {
    /** A card of the town, for the workspace pages: 404 for another town's. */
    async townMethod(town: Town, id: number) {
      return ownRecord(await reads.method(id), town);
    },
    /** Any card, for the office's review page. */
    async anyMethod(id: number) {
      const method = await reads.method(id);
      if (!method) throw AppError.notFound();
      return method;
    },

    async proposeMethod(actor: Actor, town: Town, input: MethodInput, lists: MethodLists): Promise<number> {
      if (!can(actor, 'view', { municipalityId: town.id, status: 'draft' })) throw AppError.forbidden();
      return db.transaction().execute(async (trx) => {
        const row = values(input, lists);
        const { id } = await toolkitRepository(trx).insertMethod({ municipality_id: town.id, ...row, created_by: actorUserId(actor) });
        await keepVersion(trx, actor, id);
        await writeAudit(trx, actor, { action: 'toolkit.method_created', entityType: 'toolkit_method', entityId: id, municipalityId: town.id, after: row });
        return id;
      });
    },

    /** A change by the town while it has the card, or by the office at any time; each is a new version. */
    async updateMethod(actor: Actor, town: Town, id: number, input: MethodInput, lists: MethodLists): Promise<void> {
      await db.transaction().execute(async (trx) => {
        const repo = toolkitRepository(trx);
        const before = ownRecord(await repo.method(id), town);
        if (!can(actor, 'edit', { municipalityId: town.id, status: before.status })) throw AppError.refused('toolkit.workspace.locked', {}, 'forbidden');
        const row = values(input, lists);
        await repo.updateMethod(id, { ...row, version: before.version + 1, updated_at: new Date() });
        await keepVersion(trx, actor, id);
        await writeAudit(trx, actor, { action: 'toolkit.method_updated', entityType: 'toolkit_method', entityId: id, municipalityId: town.id, before: content(before), after: row });
      });
    },

    async submitMethod(actor: Actor, town: Town, id: number): Promise<void> {
      await db.transaction().execute(async (trx) => {
        const repo = toolkitRepository(trx);
        const before = ownRecord(await repo.method(id), town);
        if (!can(actor, 'submit', { municipalityId: town.id, status: before.status })) throw AppError.refused('toolkit.workspace.locked', {}, 'forbidden');
        await repo.updateMethod(id, { status: 'submitted', version: before.version + 1, updated_at: new Date() });
        await keepVersion(trx, actor, id);
        await writeAudit(trx, actor, { action: 'toolkit.method_submitted', entityType: 'toolkit_method', entityId: id, municipalityId: town.id, before: { status: before.status } });
      });
    },

    /** The office's decision: publish, ask for changes (with a note the town sees), or withdraw a published card. */
    async decideMethod(actor: Actor, id: number, input: DecisionInput): Promise<Status> {
      if (!can(actor, 'review', { municipalityId: 0, status: 'submitted' })) throw AppError.forbidden();
      return db.transaction().execute(async (trx) => {
        const repo = toolkitRepository(trx);
        const before = await repo.method(id);
        if (!before) throw AppError.notFound();
        if (!decisionFits(input.decision, before.status)) throw new ValidationError({ decision: { key: 'toolkit.office.decision_unfit' } });
        if (input.decision === 'changes' && !input.note) throw new ValidationError({ note: { key: 'toolkit.office.note_required' } });
        const status = DECISION_STATUS[input.decision];
        await repo.updateMethod(id, {
          status,
          review_note: input.note ?? '',
          version: before.version + 1,
          updated_at: new Date(),
          ...(status === 'published' ? { published_at: new Date() } : {}),
        });
        await keepVersion(trx, actor, id);
        await writeAudit(trx, actor, {
          action: DECISION_AUDIT[input.decision],
          entityType: 'toolkit_method',
          entityId: id,
          municipalityId: before.municipality_id,
          before: { status: before.status },
          after: { status, note: input.note ?? '' },
        });
        return status;
      });
    },

    /** A translation of the card's texts into one language; the town or the office may write it at any time. */
    async translateMethod(actor: Actor, town: Town, id: number, locale: TranslationLocale, input: TranslationInput): Promise<void> {
      await db.transaction().execute(async (trx) => {
        const repo = toolkitRepository(trx);
        ownRecord(await repo.method(id), town);
        if (!can(actor, 'view', { municipalityId: town.id, status: 'draft' })) throw AppError.forbidden();
        const row = { method_id: id, locale, title: input.title, summary: input.summary, goal: input.goal ?? '', steps: stepList(input.steps) };
        await repo.upsertTranslation(row);
        await writeAudit(trx, actor, { action: 'toolkit.method_translated', entityType: 'toolkit_method', entityId: id, municipalityId: town.id, after: row });
      });
    },
  };
}

/**
 * A published card for a visitor: in their language where a translation exists (title, summary,
 * goal, steps), otherwise the German text with `untranslated` set so the page says so.
 */
export async function publicCard(db: Kysely<Database>, id: number, locale: string) {
  const repo = toolkitRepository(db);
  const method = await repo.methodWithTown(id, true);
  if (!method) throw AppError.notFound();
  if (locale === 'de') return { card: method, untranslated: false, translatedLang: undefined };
  const translation = isOneOf(TRANSLATION_LOCALES, locale) ? await repo.translation(id, locale) : undefined;
  if (!translation) return { card: method, untranslated: true, translatedLang: undefined };
  return {
    card: { ...method, title: translation.title, summary: translation.summary, goal: translation.goal || method.goal, steps: translation.steps.length ? translation.steps : method.steps },
    untranslated: false,
    translatedLang: locale,
  };
}
