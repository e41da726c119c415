import { type Kysely, sql } from 'kysely';
import { hashPassword } from '../src/platform/auth/passwords.ts';
import type { Database } from '../src/platform/db/schema.ts';

export const WRITER_PASSWORD = 'Cluster-Bench-2026!';

export interface ClusterData {
  /** A published event with seats for everyone: the guests of the write scenarios register for it. */
  eventId: number;
  /** The process of `proposalIds`. */
  processId: number;
  /** Proposals of a process whose phase takes supports now, handed out to the writers in turn. */
  proposalIds: number[];
  /** Verified participant accounts, one per writer. */
  writers: string[];
  /** A coordinator of the demo and the town (AGS) they manage. */
  coordinator: { email: string; ags: string };
}

/**
 * On top of the demo (loaded by the first instance): an event with 100,000 seats, 400 proposals in
 * a process open for supports, and a participant account per writer. Written with SQL here, because
 * the benchmark measures writes through the app, not these.
 */
export async function prepareClusterData(db: Kysely<Database>, writers: number): Promise<ClusterData> {
  const open = await sql<{ process_id: number; municipality_id: number }>`
    select pr.id as process_id, pr.municipality_id from participation_processes pr
    join process_phases ph on ph.process_id = pr.id
    where ph.kind in ('ideas', 'discussion') and current_date between ph.starts_on and ph.ends_on
    order by pr.id limit 1`.execute(db);
  const process = open.rows[0];
  if (!process) throw new Error('the demo has no process open for supports today');
  const proposals = await sql<{ id: number }>`
    insert into proposals (process_id, municipality_id, title, body)
    select ${process.process_id}, ${process.municipality_id}, 'Vorschlag ' || g, 'Text des Vorschlags ' || g
    from generate_series(1, 400) g returning id`.execute(db);
  const startsAt = new Date(Date.now() + 21 * 86_400_000);
  const event = await db
    .insertInto('events')
    .values({
      municipality_id: process.municipality_id,
      title: 'Clusterlauf',
      format: 'dialogue',
      mode: 'in_person',
      venue: 'Halle',
      starts_at: startsAt,
      ends_at: new Date(startsAt.getTime() + 7_200_000),
      capacity: 100_000,
      published: true,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const hash = await hashPassword(WRITER_PASSWORD);
  const emails = Array.from({ length: writers }, (_, i) => `writer-${i}@cluster.invalid`);
  const users = await db
    .insertInto('users')
    .values(emails.map((email, i) => ({ email, password_hash: hash, display_name: `Schreiberin ${i}`, locale: 'de', email_verified_at: new Date() })))
    .returning('id')
    .execute();
  await db
    .insertInto('consents')
    .values(users.map((u) => ({ user_id: u.id, purpose: 'privacy_notice', version: 'bench' })))
    .execute();
  const coordinator = await sql<{ email: string; ags: string }>`
    select u.email, m.ags from role_assignments r join users u on u.id = r.user_id join municipalities m on m.id = r.municipality_id
    where r.role = 'coordinator' order by m.ags limit 1`.execute(db);
  const first = coordinator.rows[0];
  if (!first) throw new Error('the demo has no coordinator');
  return { eventId: event.id, processId: process.process_id, proposalIds: proposals.rows.map((r) => r.id), writers: emails, coordinator: first };
}

/** Registrations of the cluster event per address (lower-case) and supports per proposal, with the counters the app keeps. */
export async function storedWrites(db: Kysely<Database>, eventId: number, proposalIds: number[]) {
  const registrations = await db.selectFrom('event_registrations').select(['email']).where('event_id', '=', eventId).where('status', '<>', 'cancelled').execute();
  const supports = await db
    .selectFrom('proposal_supports')
    .innerJoin('users', 'users.id', 'proposal_supports.user_id')
    .select(['proposal_supports.proposal_id', 'users.email'])
    .where('proposal_supports.proposal_id', 'in', proposalIds)
    .execute();
  const counters = await db.selectFrom('proposals').select(['id', 'support_count']).where('id', 'in', proposalIds).execute();
  return { registrations: registrations.map((r) => (r.email ?? '').toLowerCase()), supports: supports.map((s) => `${s.proposal_id}:${s.email}`), counters };
}

/** Outbox rows for addresses that start with `prefix`: id, address and whether they are sent. */
export function outboxRows(db: Kysely<Database>, prefix: string) {
  return db.selectFrom('mail_outbox').select(['id', 'to_address', 'sent_at', 'created_at']).where('to_address', 'like', `${prefix}%`).execute();
}
