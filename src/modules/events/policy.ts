import { type Actor, coordinatesMunicipality } from '../../platform/access/actor.ts';
import { AppError } from '../../platform/http/errors.ts';

export const EVENT_ACTIONS = ['view', 'manage', 'register'] as const;
export type EventAction = (typeof EVENT_ACTIONS)[number];

/**
 * Published events are public and anyone may register, also without an account; the town's
 * coordinators and the programme office manage them and are the only ones who see who registered.
 */
export function can(actor: Actor, action: EventAction, event: { municipalityId: number; published: boolean }): boolean {
  switch (action) {
    case 'view':
      return event.published || coordinatesMunicipality(actor, event.municipalityId);
    case 'manage':
      return coordinatesMunicipality(actor, event.municipalityId);
    case 'register':
      return event.published && actor.kind !== 'system';
  }
}

/**
 * The object check of every workspace route: the town is the route's resolved `town` scope, and an
 * event of another town (or none) is "not found" there, so ids of other towns reveal nothing.
 */
export function eventOfTown<E extends { municipality_id: number }>(event: E | undefined, town: { id: number }): E {
  if (!event || event.municipality_id !== town.id) throw AppError.notFound();
  return event;
}

/** A registration id in the URL must belong to the event of the URL, else it is not found. */
export function registrationOfEvent<R extends { event_id: number }>(registration: R | undefined, event: { id: number }): R {
  if (!registration || registration.event_id !== event.id) throw AppError.notFound();
  return registration;
}

/**
 * Once an event has started, a registration is the evidence of who came: nobody cancels it any more
 * (the person's own link or button is refused), and the coordinator may take off only someone not checked in.
 */
export function cancellationRefusal(event: { starts_at: Date }, registration: { attended: boolean }, by: 'person' | 'coordinator', now = new Date()): string | null {
  if (now < event.starts_at) return null;
  if (by === 'person') return 'events.errors.cancel_after_start';
  return registration.attended ? 'events.manage.cancel_attended' : null;
}
