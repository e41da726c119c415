import type { Kysely } from 'kysely';
import { type Actor, actorUserId } from '../../platform/access/actor.ts';
import { writeAudit } from '../../platform/audit/audit.ts';
import type { Database } from '../../platform/db/schema.ts';
import { AppError, type FieldErrors, ValidationError } from '../../platform/http/errors.ts';
import { eventsByIds } from '../events/index.ts';
import { measuresOfTown } from '../strategy/index.ts';
import { type ExampleLinks, exampleValues } from './example-forms.ts';
import { exampleRepository } from './example-repository.ts';
import type { DecisionInput, ExampleInput } from './forms.ts';
import { can, decisionFits, ownRecord } from './policy.ts';
import type { Status } from './tables.ts';

interface Town {
  id: number;
}

const DECISION_STATUS: Record<DecisionInput['decision'], Status> = { publish: 'published', changes: 'changes_requested', withdraw: 'withdrawn' };
const DECISION_AUDIT = { publish: 'toolkit.example_published', changes: 'toolkit.example_changes_requested', withdraw: 'toolkit.example_withdrawn' } as const;

type ExampleRow = NonNullable<Awaited<ReturnType<ReturnType<typeof exampleRepository>['example']>>>;

function content(e: ExampleRow, links?: ExampleLinks): Record<string, unknown> {
  const { created_at: _created, updated_at: _updated, ...kept } = e;
  return links ? { ...kept, links } : kept;
}

/**
 * Every id the town named must be one it may name: a published card or its own, its own measures,
 * its own events (not training sessions). Another town's id is a message at the field (422), never a link.
 */
export async function checkExampleLinks(db: Kysely<Database>, town: Town, links: ExampleLinks): Promise<void> {
  const [methods, measures, events] = await Promise.all([exampleRepository(db).selectableMethods(town.id, links.methods), measuresOfTown(db, town.id, links.measures), eventsByIds(db, links.events)]);
  const errors: FieldErrors = {};
  if (methods.length !== links.methods.length) errors.methodIds = { key: 'validation.choice' };
  if (measures.length !== links.measures.length) errors.measureIds = { key: 'validation.choice' };
  if (events.filter((e) => e.municipality_id === town.id && e.cohort_id === null).length !== links.events.length) errors.eventIds = { key: 'validation.choice' };
  if (Object.keys(errors).length) throw new ValidationError(errors);
}

/**
 * Good-practice examples: the same editorial flow as the cards. A town's coordinators write and
 * submit, the office publishes, asks for changes or withdraws; each change is a version with what
 * the example names, and an audit entry, in one transaction.
 */
export function exampleService(db: Kysely<Database>) {
  async function keepVersion(trx: Kysely<Database>, actor: Actor, id: number) {
    const repo = exampleRepository(trx);
    const after = await repo.example(id);
    if (!after) throw AppError.notFound();
    const [methods, links] = await Promise.all([repo.exampleMethods(id, false), repo.exampleLinks(id)]);
    const named: ExampleLinks = {
      methods: methods.map((m) => m.id),
      measures: links.filter((l) => l.kind === 'measure').map((l) => l.object_id),
      events: links.filter((l) => l.kind === 'event').map((l) => l.object_id),
    };
    await repo.insertVersion({ example_id: id, version: after.version, status: after.status, content: JSON.stringify(content(after, named)), actor_user_id: actorUserId(actor) });
  }

  return {
    /** An example of the town, for the workspace: 404 for another town's. */
    async townExample(town: Town, id: number) {
      return ownRecord(await exampleRepository(db).example(id), town);
    },

    async proposeExample(actor: Actor, town: Town, input: ExampleInput, links: ExampleLinks): Promise<number> {
      if (!can(actor, 'view', { municipalityId: town.id, status: 'draft' })) throw AppError.forbidden();
      await checkExampleLinks(db, town, links);
      return db.transaction().execute(async (trx) => {
        const repo = exampleRepository(trx);
        const row = exampleValues(input);
        const { id } = await repo.insertExample({ municipality_id: town.id, ...row, created_by: actorUserId(actor) });
        await repo.replaceLinks(id, links);
        await keepVersion(trx, actor, id);
        await writeAudit(trx, actor, { action: 'toolkit.example_created', entityType: 'toolkit_example', entityId: id, municipalityId: town.id, after: { ...row, links } });
        return id;
      });
    },

    async updateExample(actor: Actor, town: Town, id: number, input: ExampleInput, links: ExampleLinks): Promise<void> {
      await checkExampleLinks(db, town, links);
      await db.transaction().execute(async (trx) => {
        const repo = exampleRepository(trx);
        const before = ownRecord(await repo.example(id), town);
        if (!can(actor, 'edit', { municipalityId: town.id, status: before.status })) throw AppError.refused('toolkit.workspace.locked', {}, 'forbidden');
        const row = exampleValues(input);
        await repo.updateExample(id, { ...row, version: before.version + 1, updated_at: new Date() });
        await repo.replaceLinks(id, links);
        await keepVersion(trx, actor, id);
        await writeAudit(trx, actor, { action: 'toolkit.example_updated', entityType: 'toolkit_example', entityId: id, municipalityId: town.id, before: content(before), after: { ...row, links } });
      });
    },

    async submitExample(actor: Actor, town: Town, id: number): Promise<void> {
      await db.transaction().execute(async (trx) => {
        const repo = exampleRepository(trx);
        const before = ownRecord(await repo.example(id), town);
        if (!can(actor, 'submit', { municipalityId: town.id, status: before.status })) throw AppError.refused('toolkit.workspace.locked', {}, 'forbidden');
        await repo.updateExample(id, { status: 'submitted', version: before.version + 1, updated_at: new Date() });
        await keepVersion(trx, actor, id);
        await writeAudit(trx, actor, { action: 'toolkit.example_submitted', entityType: 'toolkit_example', entityId: id, municipalityId: town.id, before: { status: before.status } });
      });
    },

    /** The office's decision: publish, ask for changes (with a note the town sees), or withdraw a published example. */
    async decideExample(actor: Actor, id: number, input: DecisionInput): Promise<Status> {
      if (!can(actor, 'review', { municipalityId: 0, status: 'submitted' })) throw AppError.forbidden();
      return db.transaction().execute(async (trx) => {
        const repo = exampleRepository(trx);
        const before = await repo.example(id);
        if (!before) throw AppError.notFound();
        if (!decisionFits(input.decision, before.status)) throw new ValidationError({ decision: { key: 'toolkit.office.decision_unfit' } });
        if (input.decision === 'changes' && !input.note) throw new ValidationError({ note: { key: 'toolkit.office.note_required' } });
        const status = DECISION_STATUS[input.decision];
        await repo.updateExample(id, {
          status,
          review_note: input.note ?? '',
          version: before.version + 1,
          updated_at: new Date(),
          ...(status === 'published' ? { published_at: new Date() } : {}),
        });
        await keepVersion(trx, actor, id);
        await writeAudit(trx, actor, {
          action: DECISION_AUDIT[input.decision],
          entityType: 'toolkit_example',
          entityId: id,
          municipalityId: before.municipality_id,
          before: { status: before.status },
          after: { status, note: input.note ?? '' },
        });
        return status;
      });
    },
  };
}
