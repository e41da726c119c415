import type { Kysely } from 'kysely';
import type { Database } from '../../../src/platform/db/schema.ts';

/** A programme, a cohort, an approved enrolment of the person and the certificate issued for it; returns the code. */
export async function certificateFor(db: Kysely<Database>, userId: number, holderName: string, code = 'PRVC-TEST-2345'): Promise<string> {
  const programme = await db.insertInto('qualification_programmes').values({ kind: 'multiplier', title: 'Vielfalt im Verein', published: true }).returning('id').executeTakeFirstOrThrow();
  const cohort = await db
    .insertInto('cohorts')
    .values({ programme_id: programme.id, title: 'Kohorte Frühjahr', starts_on: '2026-01-10', ends_on: '2026-03-10', capacity: 20 })
    .returning('id')
    .executeTakeFirstOrThrow();
  const enrolment = await db.insertInto('enrolments').values({ cohort_id: cohort.id, user_id: userId, motivation: 'Ich möchte lernen.', status: 'approved' }).returning('id').executeTakeFirstOrThrow();
  await db
    .insertInto('certificates')
    .values({ enrolment_id: enrolment.id, code, holder_name: holderName, programme_title: 'Vielfalt im Verein', total_hours: '24', issued_on: '2026-03-11' })
    .execute();
  return code;
}

/** A mail row as the outbox kept it, sent `daysAgo` days ago (or not yet, with null). */
export async function outboxMail(db: Kysely<Database>, options: { to: string; subject: string; sentDaysAgo: number | null; createdDaysAgo?: number }): Promise<number> {
  const day = 24 * 60 * 60 * 1000;
  const created = new Date(Date.now() - (options.createdDaysAgo ?? options.sentDaysAgo ?? 0) * day);
  const row = await db
    .insertInto('mail_outbox')
    .values({
      to_address: options.to,
      subject: options.subject,
      text_body: 'Hallo',
      attachments: '[]',
      created_at: created,
      send_after: created,
      sent_at: options.sentDaysAgo === null ? null : new Date(Date.now() - options.sentDaysAgo * day),
      // An unsent mail that waits (e.g. for a retry) must not be sent by the purge test's delivery.
      attempts: options.sentDaysAgo === null ? 8 : 1,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
