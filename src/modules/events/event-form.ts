import { Type } from '@sinclair/typebox';
import type { FieldErrors } from '../../platform/http/errors.ts';
import { FormEmail, FormInteger, FormText, formList, parseForm, typedValues } from '../../platform/http/forms.ts';
import { readMethodIds } from '../../platform/method-links.ts';
import { berlinLocalToInstant, instantToBerlinLocal } from '../../platform/i18n/berlin-time.ts';
import type { EventDetail } from './repository.ts';
import type { EventInput } from './service.ts';
import { EVENT_FORMATS, EVENT_MODES } from './tables.ts';

export const EVENT_FORM_FIELDS = [
  'title',
  'description',
  'format',
  'mode',
  'venue',
  'address',
  'onlineUrl',
  'districtId',
  'startsAt',
  'endsAt',
  'capacity',
  'registrationOpensAt',
  'registrationClosesAt',
  'accessibilityNote',
  'contactName',
  'contactEmail',
  'published',
  'organiserId',
];

const LocalDateTime = () => Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}$' });

const EventForm = Type.Object({
  title: FormText({ min: 3, max: 200 }),
  description: Type.Optional(FormText({ max: 10000 })),
  format: Type.Union(EVENT_FORMATS.map((f) => Type.Literal(f))),
  mode: Type.Union(EVENT_MODES.map((m) => Type.Literal(m))),
  venue: Type.Optional(FormText({ max: 200 })),
  address: Type.Optional(FormText({ max: 300 })),
  onlineUrl: Type.Optional(Type.String({ maxLength: 500, pattern: '^https?://[^\\s]+$' })),
  districtId: Type.Optional(FormInteger({ min: 1, max: 2_000_000_000 })),
  startsAt: LocalDateTime(),
  endsAt: LocalDateTime(),
  capacity: FormInteger({ min: 1, max: 100000 }),
  registrationOpensAt: Type.Optional(LocalDateTime()),
  registrationClosesAt: Type.Optional(LocalDateTime()),
  accessibilityNote: Type.Optional(FormText({ max: 1000 })),
  contactName: Type.Optional(FormText({ max: 200 })),
  contactEmail: Type.Optional(FormEmail()),
  published: Type.Optional(Type.Literal('on')),
  /** The organising organisation from the town's network register; co-organisers come as a checkbox list. */
  organiserId: Type.Optional(FormInteger({ min: 1, max: 2_000_000_000 })),
});

/** A checkbox group's ticked values; at most 20, empty ones left out. */
export function listOf(body: unknown, name: string): string[] {
  return formList(body, name)
    .filter((v) => v !== '')
    .slice(0, 20);
}

/** Reads the event form; times are Berlin wall-clock times and become instants here. */
export function readEventForm(body: unknown): { ok: true; value: EventInput } | { ok: false; errors: FieldErrors } {
  const parsed = parseForm(EventForm, body);
  const errors: FieldErrors = parsed.ok ? {} : { ...parsed.errors };
  const values = typedValues(body);
  const instant = (field: string) => {
    const raw = values[field]?.trim();
    if (!raw) return null;
    const at = berlinLocalToInstant(raw);
    if (!at && !errors[field]) errors[field] = { key: 'validation.date' };
    return at;
  };
  const startsAt = instant('startsAt');
  const endsAt = instant('endsAt');
  const registrationOpensAt = instant('registrationOpensAt');
  const registrationClosesAt = instant('registrationClosesAt');
  const coOrganisers = listOf(body, 'coOrganiserIds');
  if (coOrganisers.some((id) => !/^\d{1,9}$/.test(id))) errors.coOrganiserIds = { key: 'validation.choice' };
  const methods = readMethodIds(body);
  Object.assign(errors, methods.errors);
  if (!parsed.ok || Object.keys(errors).length || !startsAt || !endsAt) return { ok: false, errors };
  const v = parsed.value;
  return {
    ok: true,
    value: {
      methodIds: methods.ids,
      title: v.title,
      description: v.description ?? '',
      format: v.format,
      mode: v.mode,
      venue: v.venue ?? '',
      address: v.address ?? '',
      onlineUrl: v.onlineUrl ?? '',
      districtId: v.districtId ?? null,
      startsAt,
      endsAt,
      capacity: v.capacity,
      registrationOpensAt,
      registrationClosesAt,
      languages: listOf(body, 'languages'),
      accessibility: listOf(body, 'accessibility'),
      accessibilityNote: v.accessibilityNote ?? '',
      contactName: v.contactName ?? '',
      contactEmail: v.contactEmail ?? '',
      published: v.published === 'on',
      organiserId: v.organiserId ?? null,
      coOrganiserIds: coOrganisers.map(Number),
    },
  };
}

export function eventFormValues(event: EventDetail, organiserId: number | null = null): Record<string, string> {
  const local = (d: Date | null) => (d ? instantToBerlinLocal(d) : '');
  return {
    title: event.title,
    description: event.description,
    format: event.format,
    mode: event.mode,
    venue: event.venue,
    address: event.address,
    onlineUrl: event.online_url,
    districtId: event.district_id ? String(event.district_id) : '',
    startsAt: local(event.starts_at),
    endsAt: local(event.ends_at),
    capacity: String(event.capacity),
    registrationOpensAt: local(event.registration_opens_at),
    registrationClosesAt: local(event.registration_closes_at),
    accessibilityNote: event.accessibility_note,
    contactName: event.contact_name,
    contactEmail: event.contact_email,
    published: event.published ? 'on' : '',
    organiserId: organiserId ? String(organiserId) : '',
  };
}
