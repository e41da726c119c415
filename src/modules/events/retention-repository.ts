import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * Guests' registrations without an account: their name and contact go, the statistical answers
 * (sex, age group, third-country nationals) and the attendance stay, so the AMIF figures do not change.
 */
export function registrationRetentionRepository(db: Db) {
  const anonymise = (eventsEndedBefore: Date, onlyWithoutAttendance: boolean) =>
    db
      .updateTable('event_registrations')
      .set({ name: '', email: null, organisation: '', home_town: '' })
      .where('user_id', 'is', null)
      .where((eb) => eb.or([eb('name', '<>', ''), eb('email', 'is not', null), eb('organisation', '<>', ''), eb('home_town', '<>', '')]))
      .$if(onlyWithoutAttendance, (qb) => qb.where('attended', '=', false))
      .where('event_id', 'in', db.selectFrom('events').select('id').where('ends_at', '<', eventsEndedBefore))
      .executeTakeFirst()
      .then((r) => Number(r.numUpdatedRows));

  return {
    /** Registrations nobody attended (cancelled, waiting list, no-show) are no evidence of anything. */
    anonymiseWithoutAttendance: (eventsEndedBefore: Date) => anonymise(eventsEndedBefore, true),
    /** After the evidence period every guest registration, attended or not. */
    anonymiseAll: (eventsEndedBefore: Date) => anonymise(eventsEndedBefore, false),
  };
}
