import type { Actor } from '../../platform/access/actor.ts';
import { actorUserId } from '../../platform/access/actor.ts';
import { writeAudit } from '../../platform/audit/audit.ts';
import { checkMethodIds, methodLinks } from '../../platform/method-links.ts';
import type { UploadedFile } from '../../platform/files/store.ts';
import { AppError, type FieldErrors, ValidationError } from '../../platform/http/errors.ts';
import { todayInBerlin } from '../../platform/i18n/catalog.ts';
import type { AppServices } from '../../platform/module.ts';
import { districtOptions } from '../municipalities/index.ts';
import { setEventOrganisers } from '../network/index.ts';
import { instantToBerlinLocal } from '../../platform/i18n/berlin-time.ts';
import { surveyService } from '../surveys/index.ts';
import { eventOfTown, registrationOfEvent } from './policy.ts';
import { registrationService } from './registration.ts';
import { type EventDetail, eventRepository } from './repository.ts';
import type { EventFormat, EventMode } from './tables.ts';

export const EVENT_LANGUAGES = ['de', 'de-x-leicht', 'en', 'tr', 'ar', 'uk', 'ru', 'fa'] as const;
export const ACCESSIBILITY_FEATURES = ['step_free', 'hearing_loop', 'sign_language', 'childcare'] as const;

export interface EventInput {
  title: string;
  description: string;
  format: EventFormat;
  mode: EventMode;
  venue: string;
  address: string;
  onlineUrl: string;
  districtId: number | null;
  startsAt: Date;
  endsAt: Date;
  capacity: number;
  registrationOpensAt: Date | null;
  registrationClosesAt: Date | null;
  languages: string[];
  accessibility: string[];
  accessibilityNote: string;
  contactName: string;
  contactEmail: string;
  published: boolean;
  /** Organiser and co-organisers from the network register (the network keeps the link and the cooperations it stands for). */
  organiserId: number | null;
  coOrganiserIds: number[];
  /** The toolkit's method cards the event used (published ones); left out, the named cards stay as they are. */
  methodIds?: number[];
}

/** Rules that span several fields; each message goes next to the field to correct. */
export function checkEventInput(input: EventInput): FieldErrors {
  const errors: FieldErrors = {};
  if (input.endsAt <= input.startsAt) errors.endsAt = { key: 'validation.end_before_start' };
  if (input.mode !== 'online' && input.venue.trim() === '') errors.venue = { key: 'events.errors.venue_required' };
  if (input.mode !== 'in_person' && input.onlineUrl.trim() === '') errors.onlineUrl = { key: 'events.errors.online_url_required' };
  if (input.registrationClosesAt && input.registrationClosesAt > input.endsAt) errors.registrationClosesAt = { key: 'events.errors.closes_after_end' };
  if (input.registrationOpensAt && input.registrationOpensAt >= (input.registrationClosesAt ?? input.startsAt)) errors.registrationOpensAt = { key: 'events.errors.opens_after_close' };
  if (input.languages.length === 0) errors.languages = { key: 'validation.required' };
  if (input.languages.some((l) => !(EVENT_LANGUAGES as readonly string[]).includes(l))) errors.languages = { key: 'validation.choice' };
  if (input.accessibility.some((a) => !(ACCESSIBILITY_FEATURES as readonly string[]).includes(a))) errors.accessibility = { key: 'validation.choice' };
  return errors;
}

function toRow(input: EventInput) {
  return {
    title: input.title,
    description: input.description,
    format: input.format,
    mode: input.mode,
    venue: input.mode === 'online' ? '' : input.venue,
    address: input.mode === 'online' ? '' : input.address,
    online_url: input.mode === 'in_person' ? '' : input.onlineUrl,
    district_id: input.districtId,
    starts_at: input.startsAt,
    ends_at: input.endsAt,
    capacity: input.capacity,
    registration_opens_at: input.registrationOpensAt,
    registration_closes_at: input.registrationClosesAt,
    languages: input.languages,
    accessibility: input.accessibility,
    accessibility_note: input.accessibilityNote,
    contact_name: input.contactName,
    contact_email: input.contactEmail,
    published: input.published,
  };
}

/** What the network records about the event's organisers: they cooperate on the event's day. */
function organisersOf(eventId: number, municipalityId: number, input: EventInput) {
  return { eventId, municipalityId, day: instantToBerlinLocal(input.startsAt).slice(0, 10), title: input.title, organiserId: input.organiserId, coOrganiserIds: input.coOrganiserIds };
}

/** The town of a workspace route: the route's `town` scope, which the caller manages. */
export interface ManagedTown {
  id: number;
}

/**
 * The town's events. Every function takes the town of the route's `town` scope (so the caller
 * manages it) and finds the event of an id only inside it: one of another town is "not found"
 * (policy.ts: eventOfTown, registrationOfEvent).
 */
export function eventService(services: AppServices) {
  const { db } = services;
  const registrations = registrationService(services);
  const methods = methodLinks(services);

  /** The named cards must be published ones (a message at the field otherwise). */
  async function checkMethods(input: EventInput) {
    const errors = await checkMethodIds(methods, db, input.methodIds ?? []);
    if (Object.keys(errors).length) throw new ValidationError(errors);
  }

  async function checkDistrict(municipalityId: number, districtId: number | null) {
    if (districtId === null) return;
    const districts = await districtOptions(db, municipalityId);
    if (!districts.some((d) => d.id === districtId)) throw new ValidationError({ districtId: { key: 'validation.choice' } });
  }

  async function ofTown(town: ManagedTown, eventId: number): Promise<EventDetail> {
    return eventOfTown(await eventRepository(db).event(eventId), town);
  }

  return {
    ofTown,

    async create(actor: Actor, town: ManagedTown, input: EventInput): Promise<number> {
      const municipalityId = town.id;
      const errors = checkEventInput(input);
      if (Object.keys(errors).length) throw new ValidationError(errors);
      await checkDistrict(municipalityId, input.districtId);
      await checkMethods(input);
      return db.transaction().execute(async (trx) => {
        const { id } = await eventRepository(trx).insertEvent({ ...toRow(input), municipality_id: municipalityId, created_by: actorUserId(actor) });
        await setEventOrganisers(trx, organisersOf(id, municipalityId, input));
        if (methods && input.methodIds) await methods.replace(trx, { kind: 'event', objectId: id, municipalityId, isPublic: input.published }, input.methodIds);
        await writeAudit(trx, actor, { action: 'event.created', entityType: 'event', entityId: id, municipalityId, after: input });
        return id;
      });
    },

    /** Raising the capacity gives the new seats to the waiting list at once; lowering it below the taken seats is refused. */
    async update(actor: Actor, town: ManagedTown, eventId: number, input: EventInput): Promise<void> {
      const event = await ofTown(town, eventId);
      const errors = checkEventInput(input);
      if (input.capacity < event.confirmed) errors.capacity = { key: 'events.errors.capacity_below_confirmed', params: { count: event.confirmed } };
      if (Object.keys(errors).length) throw new ValidationError(errors);
      await checkDistrict(event.municipality_id, input.districtId);
      await checkMethods(input);
      await db.transaction().execute(async (trx) => {
        const repo = eventRepository(trx);
        const confirmed = (await repo.lockEvent(eventId))?.confirmed ?? 0;
        if (input.capacity < confirmed) throw new ValidationError({ capacity: { key: 'events.errors.capacity_below_confirmed', params: { count: confirmed } } });
        await repo.updateEvent(eventId, toRow(input));
        await setEventOrganisers(trx, organisersOf(eventId, event.municipality_id, input));
        // Publishing or withdrawing the event changes whether its cards count it, also when the form left the cards out.
        if (methods && input.methodIds) await methods.replace(trx, { kind: 'event', objectId: eventId, municipalityId: event.municipality_id, isPublic: input.published }, input.methodIds);
        else await methods?.setPublic(trx, 'event', [eventId], input.published);
        const updated = (await repo.event(eventId)) as EventDetail;
        if (!updated.cancelled_at) {
          for (let seat = confirmed; seat < input.capacity; seat++) {
            const next = await repo.firstWaiting(eventId);
            if (!next) break;
            await repo.setStatus(next.id, 'confirmed', { promoted_at: new Date() });
            await registrations.mailPromotion(trx, updated, next);
          }
        }
        await writeAudit(trx, actor, { action: 'event.updated', entityType: 'event', entityId: eventId, municipalityId: event.municipality_id, before: toRow(input), after: input });
      });
      services.mailQueued();
    },

    /** A new unpublished event with the same details and no registrations, to adjust and publish. */
    async copy(actor: Actor, town: ManagedTown, eventId: number, titlePrefix: string): Promise<number> {
      const event = await ofTown(town, eventId);
      return db.transaction().execute(async (trx) => {
        const { id } = await eventRepository(trx).insertEvent({
          municipality_id: event.municipality_id,
          title: `${titlePrefix} ${event.title}`.slice(0, 200),
          description: event.description,
          format: event.format,
          mode: event.mode,
          venue: event.venue,
          address: event.address,
          online_url: event.online_url,
          district_id: event.district_id,
          starts_at: event.starts_at,
          ends_at: event.ends_at,
          capacity: event.capacity,
          registration_opens_at: event.registration_opens_at,
          registration_closes_at: event.registration_closes_at,
          languages: event.languages,
          accessibility: event.accessibility,
          accessibility_note: event.accessibility_note,
          contact_name: event.contact_name,
          contact_email: event.contact_email,
          image_file_id: event.image_file_id,
          image_alt: event.image_alt,
          published: false,
          created_by: actorUserId(actor),
        });
        // The copy names the same cards, those still published; it counts on them once it is published.
        const cards = methods ? await methods.published(trx, await methods.named(trx, 'event', eventId)) : [];
        if (methods && cards.length) await methods.replace(trx, { kind: 'event', objectId: id, municipalityId: event.municipality_id, isPublic: false }, cards);
        await writeAudit(trx, actor, { action: 'event.copied', entityType: 'event', entityId: id, municipalityId: event.municipality_id, before: { from: eventId }, after: { methodIds: cards } });
        return id;
      });
    },

    /** Cancelling keeps the event visible as cancelled and tells everyone registered. */
    async cancel(actor: Actor, town: ManagedTown, eventId: number, reason: string): Promise<number> {
      const event = await ofTown(town, eventId);
      if (event.cancelled_at) throw AppError.conflict('events.errors.cancelled');
      const told = await db.transaction().execute(async (trx) => {
        const repo = eventRepository(trx);
        await repo.lockEvent(eventId);
        await repo.updateEvent(eventId, { cancelled_at: new Date(), cancel_reason: reason });
        const cancelled = (await repo.event(eventId)) as EventDetail;
        const count = await registrations.notifyEventCancelled(trx, cancelled);
        await writeAudit(trx, actor, { action: 'event.cancelled', entityType: 'event', entityId: eventId, municipalityId: event.municipality_id, after: { reason, told: count } });
        return count;
      });
      services.mailQueued();
      return told;
    },

    async setImage(actor: Actor, town: ManagedTown, eventId: number, file: UploadedFile, alt: string): Promise<void> {
      const event = await ofTown(town, eventId);
      await db.transaction().execute(async (trx) => {
        const fileId = await services.files.save(trx, 'image', file, { allowed: ['image/png', 'image/jpeg'], maxBytes: 5 * 1024 * 1024, userId: actorUserId(actor) });
        await eventRepository(trx).updateEvent(eventId, { image_file_id: fileId, image_alt: alt });
        await writeAudit(trx, actor, { action: 'event.image_set', entityType: 'event', entityId: eventId, municipalityId: event.municipality_id, after: { fileId, alt } });
      });
    },

    /** The scan of the signed participant list, kept as evidence for the funder. */
    async setSignedList(actor: Actor, town: ManagedTown, eventId: number, file: UploadedFile): Promise<void> {
      const event = await ofTown(town, eventId);
      await db.transaction().execute(async (trx) => {
        const fileId = await services.files.save(trx, 'scan', file, { allowed: ['application/pdf', 'image/png', 'image/jpeg'], maxBytes: 20 * 1024 * 1024, userId: actorUserId(actor) });
        await eventRepository(trx).updateEvent(eventId, { signed_list_file_id: fileId });
        await writeAudit(trx, actor, { action: 'event.signed_list_uploaded', entityType: 'event', entityId: eventId, municipalityId: event.municipality_id, after: { fileId } });
      });
    },

    async setAttendance(actor: Actor, town: ManagedTown, eventId: number, registrationId: number, attended: boolean): Promise<void> {
      const event = await ofTown(town, eventId);
      await db.transaction().execute(async (trx) => {
        const repo = eventRepository(trx);
        registrationOfEvent(await repo.registration(registrationId), event);
        const result = await repo.setAttended(event.id, registrationId, attended);
        if (!result.numUpdatedRows) throw AppError.notFound();
        await writeAudit(trx, actor, {
          action: attended ? 'event.checked_in' : 'event.check_in_undone',
          entityType: 'event_registration',
          entityId: registrationId,
          municipalityId: event.municipality_id,
        });
      });
    },

    /**
     * Everyone registered, by name, for the coordinator's download. Each export is recorded in the
     * audit log as it happens; the voluntary statistics stay out (they are shown only as suppressed counts).
     */
    async exportRegistrations(actor: Actor, town: ManagedTown, eventId: number, format: 'csv' | 'xlsx') {
      const event = await ofTown(town, eventId);
      const people = await eventRepository(db).participantList(event.id);
      await writeAudit(db, actor, { action: 'event.registrations_exported', entityType: 'event', entityId: event.id, municipalityId: town.id, after: { format, people: people.length } });
      return { event, people };
    },

    /** The confirmed people for the signature list to print; recorded in the audit log like an export. */
    async signatureList(actor: Actor, town: ManagedTown, eventId: number) {
      const event = await ofTown(town, eventId);
      const people = (await eventRepository(db).participantList(event.id)).filter((p) => p.status === 'confirmed');
      await writeAudit(db, actor, { action: 'event.signature_list_printed', entityType: 'event', entityId: event.id, municipalityId: town.id, after: { people: people.length } });
      return { event, people };
    },

    /** The scan of the signed list, with everyone's signature: each download is recorded in the audit log. */
    async signedListScan(actor: Actor, town: ManagedTown, eventId: number) {
      const event = await ofTown(town, eventId);
      const file = event.signed_list_file_id ? await services.files.read(db, event.signed_list_file_id) : null;
      if (!file) throw AppError.notFound();
      await writeAudit(db, actor, { action: 'event.signed_list_downloaded', entityType: 'event', entityId: event.id, municipalityId: town.id });
      return { event, file };
    },

    /** The feedback form after the event, on the survey engine: anonymous, open from the event day for two weeks. */
    async createFeedbackForm(actor: Actor, town: ManagedTown, eventId: number, texts: { title: string; helpful: string; helpfulLabels: [string, string]; improve: string }): Promise<number> {
      const event = await ofTown(town, eventId);
      if (event.feedback_survey_id) return event.feedback_survey_id;
      const opensOn = todayInBerlin(event.starts_at);
      const closesOn = todayInBerlin(new Date(event.ends_at.getTime() + 14 * 86_400_000));
      // The event's row lock puts a double submit in a line: the second finds the first one's form.
      return db.transaction().execute(async (trx) => {
        const repo = eventRepository(trx);
        await repo.lockEvent(eventId);
        const existing = await repo.feedbackSurveyOf(eventId);
        if (existing) return existing;
        const surveyId = await surveyService({ ...services, db: trx }).createPublished(actor, event.municipality_id, { title: texts.title, anonymous: true, opensOn, closesOn }, [
          { kind: 'scale', prompt: texts.helpful, required: true, options: texts.helpfulLabels },
          { kind: 'text', prompt: texts.improve, required: false, options: [] },
        ]);
        await repo.updateEvent(eventId, { feedback_survey_id: surveyId });
        await writeAudit(trx, actor, { action: 'event.feedback_created', entityType: 'event', entityId: eventId, municipalityId: event.municipality_id, after: { surveyId } });
        return surveyId;
      });
    },
  };
}
