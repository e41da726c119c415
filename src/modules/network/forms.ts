import { type Static, Type } from '@sinclair/typebox';
import { FormDate, FormEmail, FormInteger, FormText } from '../../platform/http/forms.ts';
import { todayInBerlin } from '../../platform/i18n/catalog.ts';
import { COOPERATION_TYPES, isOrganisationType, MEMBERSHIP_ROLES, ORGANISATION_TYPES } from './tables.ts';

const RecordId = () => FormInteger({ min: 1, max: 2_000_000_000 });
const Choice = <T extends string>(list: readonly T[]) => Type.Union(list.map((v) => Type.Literal<T>(v)));

export const OrganisationForm = Type.Object({
  name: FormText({ min: 1, max: 200 }),
  type: Choice(ORGANISATION_TYPES),
  fieldsOfAction: Type.Optional(FormText({ max: 500 })),
  districtId: Type.Optional(RecordId()),
  address: Type.Optional(FormText({ max: 300 })),
  website: Type.Optional(Type.String({ maxLength: 300, pattern: '^https?://\\S+$' })),
  email: Type.Optional(FormEmail()),
  languages: Type.Optional(FormText({ max: 300 })),
  description: Type.Optional(FormText({ max: 2000 })),
  isPublic: Type.Optional(Type.Literal('on')),
  /** Ticked after the likely duplicates were shown: the new record is a different one, and that is remembered. */
  notDuplicate: Type.Optional(Type.Literal('on')),
});
export type OrganisationInput = Static<typeof OrganisationForm>;

export const PersonForm = Type.Object({
  name: FormText({ min: 1, max: 200 }),
  consentPurpose: FormText({ min: 1, max: 500 }),
  consentVersion: FormText({ min: 1, max: 50 }),
  consentGivenOn: FormDate(),
  userEmail: Type.Optional(FormEmail()),
  /** Ticked after the likely duplicates were shown: someone else of the same name, and that is remembered. */
  notDuplicate: Type.Optional(Type.Literal('on')),
});
export type PersonInput = Static<typeof PersonForm>;

export const MembershipForm = Type.Object({
  personId: RecordId(),
  organisationId: RecordId(),
  role: Choice(MEMBERSHIP_ROLES),
  startsOn: Type.Optional(FormDate()),
  endsOn: Type.Optional(FormDate()),
});
export type MembershipInput = Static<typeof MembershipForm>;

export const CooperationForm = Type.Object({
  organisationId: RecordId(),
  partnerId: RecordId(),
  type: Choice(COOPERATION_TYPES),
  startsOn: FormDate(),
  endsOn: Type.Optional(FormDate()),
  description: Type.Optional(FormText({ max: 2000 })),
  outputs: Type.Optional(FormText({ max: 2000 })),
});
export type CooperationInput = Static<typeof CooperationForm>;

export const DirectoryQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 100 })),
  typ: Type.Optional(Type.String({ maxLength: 40 })),
  seite: Type.Optional(Type.String({ maxLength: 6 })),
  /** The page of the table next to the network picture. */
  tabelle: Type.Optional(Type.String({ maxLength: 6 })),
  stand: Type.Optional(Type.String({ maxLength: 10 })),
  von: Type.Optional(Type.String({ maxLength: 10 })),
});

/** A list of tags typed with commas: trimmed, empty ones dropped, each once. */
export function tagList(text: string | undefined): string[] {
  return [
    ...new Set(
      (text ?? '')
        .split(',')
        .map((t) => t.trim())
        .filter(Boolean),
    ),
  ].slice(0, 30);
}

export function organisationToForm(o: {
  name: string;
  type: string;
  fields_of_action: string[];
  district_id: number | null;
  address: string;
  website: string;
  email: string;
  languages: string[];
  description: string;
  is_public: boolean;
}): Record<string, string> {
  return {
    name: o.name,
    type: o.type,
    fieldsOfAction: o.fields_of_action.join(', '),
    districtId: o.district_id ? String(o.district_id) : '',
    address: o.address,
    website: o.website,
    email: o.email,
    languages: o.languages.join(', '),
    description: o.description,
    isPublic: o.is_public ? 'on' : '',
  };
}

export function cooperationToForm(c: {
  organisation_id: number;
  partner_id: number;
  type: string;
  starts_on: string;
  ends_on: string | null;
  description: string;
  outputs: string;
}): Record<string, string> {
  return {
    organisationId: String(c.organisation_id),
    partnerId: String(c.partner_id),
    type: c.type,
    startsOn: c.starts_on,
    endsOn: c.ends_on ?? '',
    description: c.description,
    outputs: c.outputs,
  };
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A date from the query string, or the fallback when it is missing or not a real day. */
export function queryDate(raw: string | undefined, fallback: string): string {
  if (!raw || !DAY.test(raw)) return fallback;
  const date = new Date(`${raw}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(raw) ? raw : fallback;
}

/** The same day a year earlier plus one: the default period of R9 is the twelve months up to the reference date. */
export function yearBefore(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCFullYear(date.getUTCFullYear() - 1);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

/** Query values that make sense, for the repository and for the links of the page; the rest is dropped. */
export function directoryFilter(raw: { q?: string; typ?: string; stand?: string; von?: string }) {
  const q = raw.q?.trim() || undefined;
  const type = isOrganisationType(raw.typ) ? raw.typ : undefined;
  const day = queryDate(raw.stand, todayInBerlin());
  const from = queryDate(raw.von, yearBefore(day));
  return { q, type, day, from, query: { q, typ: type, stand: raw.stand ? day : undefined, von: raw.von ? from : undefined } };
}
