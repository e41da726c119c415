import type { Transaction } from 'kysely';
import { type Actor, actorUserId } from '../../platform/access/actor.ts';
import { writeAudit } from '../../platform/audit/audit.ts';
import type { Database } from '../../platform/db/schema.ts';
import { AppError, ValidationError } from '../../platform/http/errors.ts';
import type { AppServices } from '../../platform/module.ts';
import { type MailSettings, queueRegistrationMail } from './mails.ts';
import { can, cancellationRefusal, registrationOfEvent } from './policy.ts';
import { type RegistrationResult, type RegistrationRow, registrationLine } from './registration-line.ts';
import { type EventDetail, eventRepository } from './repository.ts';
import type { AgeGroup, Sex, ThirdCountry } from './tables.ts';
import { registrationIdFromToken } from './tokens.ts';

export interface RegistrationInput {
  name: string;
  email: string;
  organisation?: string;
  homeTown?: string;
  sex?: Sex;
  ageGroup?: AgeGroup;
  thirdCountry?: ThirdCountry;
  locale: string;
}

export type { RegistrationResult } from './registration-line.ts';

export type RegistrationWindow = 'open' | 'not_yet' | 'closed' | 'cancelled';

/** Registration runs from its opening (or at once) until its closing (or the start of the event). */
export function registrationWindow(event: Pick<EventDetail, 'registration_opens_at' | 'registration_closes_at' | 'starts_at' | 'cancelled_at'>, now = new Date()): RegistrationWindow {
  if (event.cancelled_at) return 'cancelled';
  if (event.registration_opens_at && now < event.registration_opens_at) return 'not_yet';
  if (now >= (event.registration_closes_at ?? event.starts_at)) return 'closed';
  return 'open';
}

type Mailer = (
  trx: Transaction<Database>,
  kind: Parameters<typeof queueRegistrationMail>[2],
  registration: { id: number; name: string; email: string | null; locale: string },
  position?: number,
) => Promise<void>;

export function registrationService(services: Pick<AppServices, 'db' | 'config' | 'mailQueued'>) {
  const { db } = services;
  const settings: MailSettings = { baseUrl: services.config.baseUrl, secret: services.config.sessionSecret };

  function mailerFor(event: EventDetail): Mailer {
    return (trx, kind, registration, position) => queueRegistrationMail(trx, settings, kind, registration, event, { position });
  }

  /**
   * The event's row lock puts registrations of one event in a line: each counts the confirmed seats
   * and takes one or joins the waiting list, so the last seat goes to exactly one person.
   */
  async function insertUnderLock(trx: Transaction<Database>, event: EventDetail, row: RegistrationRow, mail: boolean): Promise<RegistrationResult> {
    const repo = eventRepository(trx);
    // Under the lock, an address that holds a registration is found before the unique index would refuse it.
    const { event: locked, holder: existing } = await repo.lockEventFor(event.id, row.email && !row.user_id ? row.email : undefined);
    if (!locked || locked.cancelled_at) throw AppError.conflict('events.errors.cancelled');
    if (existing) {
      if (mail) await mailerFor(event)(trx, 'already_registered', existing);
      return { id: existing.id, status: 'existing', position: 0 };
    }
    const status = locked.confirmed < locked.capacity ? 'confirmed' : 'waiting';
    const inserted = await repo.insertRegistration({ ...row, event_id: event.id, status }).catch((error: { code?: string }) => {
      // An account whose address a guest registration holds: the account's owner hears why.
      if (error.code === '23505') throw AppError.conflict('events.errors.already_registered');
      throw error;
    });
    // Under the lock nobody else joined the list meanwhile: the new one is last in line.
    const position = status === 'waiting' ? locked.waiting + 1 : 0;
    if (mail) await mailerFor(event)(trx, status, { id: inserted.id, name: row.name, email: row.email ?? null, locale: row.locale ?? 'de' }, position);
    return { id: inserted.id, status, position };
  }

  const line = registrationLine(
    db,
    (trx, event, kind, registration, position) => mailerFor(event)(trx, kind, registration, position),
    (trx, event, row) => insertUnderLock(trx, event, row, true),
  );

  /** Frees a seat and gives it to the first on the waiting list, who is told by mail. */
  async function cancelUnderLock(trx: Transaction<Database>, event: EventDetail, registrationId: number, actor: Actor, by: 'person' | 'coordinator'): Promise<void> {
    const repo = eventRepository(trx);
    const locked = await repo.lockEvent(event.id);
    const current = registrationOfEvent(await repo.registration(registrationId), event);
    if (!locked) throw AppError.notFound();
    if (current.status === 'cancelled') return;
    const now = new Date();
    const refusal = cancellationRefusal(event, current, by, now);
    if (refusal) throw AppError.refused(refusal);
    // After the start the attendance is the funder's evidence and stays as it is.
    await repo.setStatus(registrationId, 'cancelled', now < event.starts_at ? { cancelled_at: now, attended: false, checked_in_at: null } : { cancelled_at: now });
    const mailer = mailerFor(event);
    await mailer(trx, 'cancelled', current);
    const seatsTaken = locked.confirmed - (current.status === 'confirmed' ? 1 : 0);
    if (current.status === 'confirmed' && !locked.cancelled_at && now < event.ends_at && seatsTaken < locked.capacity) {
      const next = await repo.firstWaiting(event.id);
      if (next) {
        await repo.setStatus(next.id, 'confirmed', { promoted_at: now });
        await mailer(trx, 'promoted', next);
      }
    }
    await writeAudit(trx, actor, { action: 'event.registration_cancelled', entityType: 'event_registration', entityId: registrationId, municipalityId: event.municipality_id });
  }

  async function visibleEvent(actor: Actor, eventId: number, counted = true): Promise<EventDetail> {
    const event = await eventRepository(db).event(eventId, { counted });
    if (!event || !can(actor, 'view', { municipalityId: event.municipality_id, published: event.published })) throw AppError.notFound();
    return event;
  }

  return {
    visibleEvent,

    async register(actor: Actor, eventId: number, input: RegistrationInput, now = new Date()): Promise<RegistrationResult> {
      // Without counts: the seats are counted under the event's lock.
      const event = await visibleEvent(actor, eventId, false);
      if (!can(actor, 'register', { municipalityId: event.municipality_id, published: event.published })) throw AppError.forbidden();
      const window = registrationWindow(event, now);
      if (window !== 'open') throw AppError.conflict(`events.errors.window_${window}`);
      const userId = actorUserId(actor);
      if (userId !== null && (await eventRepository(db).liveRegistrationOf(eventId, userId))) throw AppError.conflict('events.errors.already_registered');
      const result = await line.register(event, {
        user_id: userId,
        name: input.name,
        email: input.email,
        organisation: input.organisation ?? '',
        home_town: input.homeTown ?? '',
        sex: input.sex ?? 'not_stated',
        age_group: input.ageGroup ?? 'not_stated',
        third_country: input.thirdCountry ?? 'not_stated',
        locale: input.locale,
      });
      services.mailQueued();
      return result;
    },

    /** Someone who came without registering, entered at the door; paper consent is noted, no mail goes out. */
    async addWalkIn(
      actor: Actor,
      event: EventDetail,
      input: { name: string; organisation?: string; homeTown?: string; email?: string; paperConsent: boolean; sex?: Sex; ageGroup?: AgeGroup; thirdCountry?: ThirdCountry },
    ): Promise<number> {
      return db.transaction().execute(async (trx) => {
        const repo = eventRepository(trx);
        await repo.lockEvent(event.id);
        const inserted = await repo
          .insertRegistration({
            event_id: event.id,
            name: input.name,
            email: input.email || null,
            organisation: input.organisation ?? '',
            home_town: input.homeTown ?? '',
            sex: input.sex ?? 'not_stated',
            age_group: input.ageGroup ?? 'not_stated',
            third_country: input.thirdCountry ?? 'not_stated',
            // A walk-in is there: they take a seat even beyond capacity, the room decides, not the list.
            status: 'confirmed',
            attended: true,
            checked_in_at: new Date(),
            walk_in: true,
            paper_consent: input.paperConsent,
          })
          .catch((error: { code?: string }) => {
            // Staff typed an address someone registered with: corrected in the form, next to the field.
            if (error.code === '23505') throw new ValidationError({ email: { key: 'events.errors.already_registered' } });
            throw error;
          });
        await writeAudit(trx, actor, { action: 'event.walk_in_added', entityType: 'event', entityId: event.id, municipalityId: event.municipality_id, after: { registrationId: inserted.id } });
        return inserted.id;
      });
    },

    /** Cancellation by the person themself: through the signed link in their mail, or from their account; refused once the event has started (policy.ts). */
    async cancelByToken(token: string): Promise<{ eventId: number } | null> {
      const id = registrationIdFromToken(settings.secret, token);
      if (id === null) return null;
      const registration = await eventRepository(db).registration(id);
      if (!registration) return null;
      const event = await eventRepository(db).event(registration.event_id);
      if (!event) return null;
      await db.transaction().execute((trx) => cancelUnderLock(trx, event, id, { kind: 'visitor' }, 'person'));
      services.mailQueued();
      return { eventId: event.id };
    },

    async cancelOwn(actor: Actor, eventId: number): Promise<void> {
      const userId = actorUserId(actor);
      const event = await visibleEvent(actor, eventId);
      const own = userId === null ? undefined : await eventRepository(db).liveRegistrationOf(eventId, userId);
      if (!own) throw AppError.notFound();
      await db.transaction().execute((trx) => cancelUnderLock(trx, event, own.id, actor, 'person'));
      services.mailQueued();
    },

    /** A coordinator takes someone off the list (e.g. they called); they get the same mail as if they had cancelled. After the start, someone checked in stays. */
    async cancelByCoordinator(actor: Actor, event: EventDetail, registrationId: number): Promise<void> {
      await db.transaction().execute((trx) => cancelUnderLock(trx, event, registrationId, actor, 'coordinator'));
      services.mailQueued();
    },

    mailPromotion(trx: Transaction<Database>, event: EventDetail, registration: { id: number; name: string; email: string | null; locale: string }): Promise<void> {
      return mailerFor(event)(trx, 'promoted', registration);
    },

    /** When the event is cancelled, everyone still registered is told, with a calendar cancellation. */
    async notifyEventCancelled(trx: Transaction<Database>, event: EventDetail): Promise<number> {
      const people = await eventRepository(trx).liveRegistrations(event.id);
      const mailer = mailerFor(event);
      for (const person of people) await mailer(trx, 'event_cancelled', person);
      return people.length;
    },

    /** The reminder a day before; each event is reminded once, also when the job runs twice or after a restart. */
    async sendReminders(now = new Date()): Promise<number> {
      const sent = await db.transaction().execute(async (trx) => {
        const repo = eventRepository(trx);
        // Locked first: a registration arriving meanwhile waits, and is either reminded now or was confirmed after.
        const eventIds = (await repo.eventsDueForReminder(now)).map((e) => e.id);
        if (eventIds.length === 0) return 0;
        const due = (await repo.dueReminders(now)).filter((d) => eventIds.includes(d.event_id));
        for (const eventId of eventIds) {
          const event = await repo.event(eventId);
          if (!event) continue;
          const mailer = mailerFor(event);
          for (const person of due.filter((d) => d.event_id === eventId)) await mailer(trx, 'reminder', { id: person.registration_id, name: person.name, email: person.email, locale: person.locale });
        }
        await repo.markReminded(eventIds, now);
        return due.length;
      });
      if (sent) services.mailQueued();
      return sent;
    },
  };
}

export type RegistrationService = ReturnType<typeof registrationService>;
