import type { Kysely } from 'kysely';
import type { Database } from '../../../src/platform/db/schema.ts';
import { todayInBerlin } from '../../../src/platform/i18n/catalog.ts';

/** A date `offset` days from today in Berlin, as the forms send it. */
export function day(offset: number): string {
  return new Date(new Date(`${todayInBerlin()}T12:00:00Z`).getTime() + offset * 86_400_000).toISOString().slice(0, 10);
}

/** A published process of the town whose ideas phase is open now. */
export async function createProcess(db: Kysely<Database>, municipalityId: number, values: { title?: string; published?: boolean; fieldId?: number | null } = {}): Promise<number> {
  const { id } = await db
    .insertInto('participation_processes')
    .values({ municipality_id: municipalityId, title: values.title ?? 'Ideen für die Stadt', description: '', field_id: values.fieldId ?? null, published: values.published ?? true })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('process_phases')
    .values({ process_id: id, kind: 'ideas', starts_on: day(-1), ends_on: day(30) })
    .execute();
  return id;
}

/** A proposal in the process (and its town), by the given author; hidden or held when asked. */
export async function createProposal(
  db: Kysely<Database>,
  processId: number,
  authorUserId: number | null,
  values: { title?: string; body?: string; hidden?: boolean; held?: boolean } = {},
): Promise<number> {
  const process = await db.selectFrom('participation_processes').select('municipality_id').where('id', '=', processId).executeTakeFirstOrThrow();
  const { id } = await db
    .insertInto('proposals')
    .values({
      process_id: processId,
      municipality_id: process.municipality_id,
      author_user_id: authorUserId,
      title: values.title ?? 'Ein Vorschlag für alle',
      body: values.body ?? 'Ein ausführlicher Text zum Vorschlag.',
      field_id: null,
      district_id: null,
      merged_into_id: null,
      answered_at: null,
      held: values.held ?? false,
      hidden_at: values.hidden ? new Date() : null,
      hidden_reason: values.hidden ? 'insult' : '',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** A top-level comment on the proposal; hidden or held when asked. */
export async function createComment(db: Kysely<Database>, proposalId: number, authorUserId: number | null, values: { body?: string; hidden?: boolean; held?: boolean } = {}): Promise<number> {
  const { id } = await db
    .insertInto('proposal_comments')
    .values({
      proposal_id: proposalId,
      parent_id: null,
      depth: 0,
      author_user_id: authorUserId,
      body: values.body ?? 'Ein Kommentar dazu.',
      edited_at: null,
      held: values.held ?? false,
      hidden_at: values.hidden ? new Date() : null,
      hidden_reason: values.hidden ? 'insult' : '',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .updateTable('proposals')
    .set((eb) => ({ comment_count: eb('comment_count', '+', 1) }))
    .where('id', '=', proposalId)
    .execute();
  return id;
}

/** A field of action of the town. */
export async function createField(db: Kysely<Database>, municipalityId: number, name = 'Zusammenleben'): Promise<number> {
  const { id } = await db.insertInto('fields_of_action').values({ municipality_id: municipalityId, name, description: '', position: 1 }).returning('id').executeTakeFirstOrThrow();
  return id;
}
