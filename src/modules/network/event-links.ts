import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import { type FieldErrors, ValidationError } from '../../platform/http/errors.ts';
import { eventLinksRepository } from './event-links-repository.ts';
import type { EventOrganiserRole } from './tables.ts';

/**
 * What the events module asks of the network (through index.ts): the town's organisations to
 * choose from, the organisers of an event, and setting them inside the event's own transaction.
 */
export function networkOrganisationOptions(db: Kysely<Database>, municipalityId: number) {
  return eventLinksRepository(db).organisationOptions(municipalityId);
}

export interface EventOrganiser {
  organisation_id: number;
  role: EventOrganiserRole;
  name: string;
  is_public: boolean;
}

export function eventOrganisers(db: Kysely<Database> | Transaction<Database>, eventId: number): Promise<EventOrganiser[]> {
  return eventLinksRepository(db).organisersOf(eventId);
}

/**
 * Names the organiser and co-organisers of an event of the town. Each must be an organisation of
 * the same town (a field error otherwise). An organiser with co-organisers counts as one
 * cooperation per co-organiser on the event's day, kept in step whenever the event is saved.
 */
export async function setEventOrganisers(
  trx: Transaction<Database>,
  args: { eventId: number; municipalityId: number; day: string; title: string; organiserId: number | null; coOrganiserIds: number[] },
): Promise<void> {
  const repo = eventLinksRepository(trx);
  const co = [...new Set(args.coOrganiserIds)].filter((id) => id !== args.organiserId);
  const known = await repo.ofTown(args.municipalityId, [...(args.organiserId ? [args.organiserId] : []), ...co]);
  const errors: FieldErrors = {};
  if (args.organiserId && !known.has(args.organiserId)) errors.organiserId = { key: 'validation.choice' };
  if (co.some((id) => !known.has(id))) errors.coOrganiserIds = { key: 'validation.choice' };
  if (Object.keys(errors).length) throw new ValidationError(errors);
  const organisers = [...(args.organiserId ? [{ id: args.organiserId, role: 'organiser' as const }] : []), ...co.map((id) => ({ id, role: 'co_organiser' as const }))];
  await repo.replace({ eventId: args.eventId, municipalityId: args.municipalityId, day: args.day, title: args.title, organisers });
}
