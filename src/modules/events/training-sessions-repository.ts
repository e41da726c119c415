import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import { EVENT_MODES, type EventMode } from './tables.ts';

export type { EventMode } from './tables.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** How a session takes place, for the trainer's form and its schema. */
export const SESSION_MODES = EVENT_MODES;

/**
 * The sessions of training cohorts are events of the format "training" that belong to the
 * qualification module: it writes and reads them only through these functions, so every query on
 * the events table stays in this module.
 */

/** Every training session as a derived table, for the qualification queries that join sessions (progress, lists, export). */
export function trainingSessions(db: Db) {
  return db
    .selectFrom('events')
    .select(['id', 'cohort_id', 'module_id', 'municipality_id', 'title', 'description', 'starts_at', 'ends_at', 'venue', 'address', 'mode', 'online_url', 'cancelled_at', 'cancel_reason'])
    .where('format', '=', 'training')
    .where('cohort_id', 'is not', null);
}

export interface TrainingSessionInput {
  municipalityId: number;
  title: string;
  mode: EventMode;
  venue: string;
  address: string;
  onlineUrl: string;
  startsAt: Date;
  endsAt: Date;
  capacity: number;
  cohortId: number;
  moduleId: number | null;
  createdBy: number | null;
  cancelledAt?: Date | null;
  cancelReason?: string;
}

/** A session is offered to its cohort only: never published, so no public page and no registration. */
export function insertTrainingSession(db: Db, input: TrainingSessionInput) {
  return db
    .insertInto('events')
    .values({
      municipality_id: input.municipalityId,
      title: input.title,
      format: 'training',
      mode: input.mode,
      venue: input.venue,
      address: input.address,
      online_url: input.onlineUrl,
      starts_at: input.startsAt,
      ends_at: input.endsAt,
      capacity: input.capacity,
      published: false,
      cohort_id: input.cohortId,
      module_id: input.moduleId,
      created_by: input.createdBy,
      cancelled_at: input.cancelledAt ?? null,
      cancel_reason: input.cancelReason ?? '',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

/** Cancels a session of the cohort once; a second cancel (or another cohort's session) updates nothing. */
export function cancelTrainingSession(db: Db, cohortId: number, eventId: number, reason: string) {
  return db
    .updateTable('events')
    .set({ cancelled_at: new Date(), cancel_reason: reason })
    .where('format', '=', 'training')
    .where('cohort_id', '=', cohortId)
    .where('id', '=', eventId)
    .where('cancelled_at', 'is', null)
    .executeTakeFirst();
}
