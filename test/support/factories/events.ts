import type { Kysely } from 'kysely';
import type { EventMode, RegistrationStatus } from '../../../src/modules/events/tables.ts';
import type { Database } from '../../../src/platform/db/schema.ts';

/** An event straight into the database; by default published, in person, in ten days, for 30 people. */
export async function createEvent(
  db: Kysely<Database>,
  options: { municipalityId: number; title?: string; startsAt?: Date; hours?: number; mode?: EventMode; onlineUrl?: string; capacity?: number; published?: boolean },
): Promise<number> {
  const startsAt = options.startsAt ?? new Date(Date.now() + 10 * 86_400_000);
  const mode = options.mode ?? 'in_person';
  const { id } = await db
    .insertInto('events')
    .values({
      municipality_id: options.municipalityId,
      title: options.title ?? 'Bürgerdialog',
      format: 'dialogue',
      mode,
      venue: mode === 'online' ? '' : 'Bürgerhaus',
      online_url: mode === 'in_person' ? '' : (options.onlineUrl ?? 'https://meet.example.org/raum'),
      starts_at: startsAt,
      ends_at: new Date(startsAt.getTime() + (options.hours ?? 2) * 3600_000),
      capacity: options.capacity ?? 30,
      published: options.published ?? true,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** A registration straight into the database; by default a confirmed guest who has not been checked in. */
export async function addRegistration(
  db: Kysely<Database>,
  eventId: number,
  options: { name?: string; email?: string | null; userId?: number | null; status?: RegistrationStatus; attended?: boolean } = {},
): Promise<number> {
  const { id } = await db
    .insertInto('event_registrations')
    .values({
      event_id: eventId,
      user_id: options.userId ?? null,
      name: options.name ?? 'Gast Person',
      email: options.email === undefined ? `gast-${Math.random().toString(36).slice(2)}@example.org` : options.email,
      status: options.status ?? 'confirmed',
      attended: options.attended ?? false,
      checked_in_at: options.attended ? new Date() : null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}
