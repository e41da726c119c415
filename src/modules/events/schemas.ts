import { Type } from '@sinclair/typebox';
import { FormEmail, FormText } from '../../platform/http/forms.ts';
import { Ags, Id } from '../../platform/http/schemas.ts';
import { AGE_GROUPS, SEX_OPTIONS, THIRD_COUNTRY_OPTIONS } from './tables.ts';

/** The URL and form schemas of the events routes, one per form, shared by the route and its parsing. */

export const RegistrationParams = Type.Object({ ags: Ags, id: Id, rid: Id });
export const ExportParams = Type.Object({ ags: Ags, id: Id, file: Type.String({ maxLength: 30 }) });
export const TokenParams = Type.Object({ token: Type.String({ maxLength: 80 }) });

export const ListQuery = Type.Object({
  kommune: Type.Optional(Type.String({ maxLength: 20 })),
  format: Type.Optional(Type.String({ maxLength: 30 })),
  von: Type.Optional(Type.String({ maxLength: 10 })),
  bis: Type.Optional(Type.String({ maxLength: 10 })),
  sprache: Type.Optional(Type.String({ maxLength: 20 })),
  barrierefrei: Type.Optional(Type.String({ maxLength: 30 })),
  suche: Type.Optional(Type.String({ maxLength: 100 })),
  seite: Type.Optional(Type.String({ maxLength: 6 })),
});

export const CheckInQuery = Type.Object({ suche: Type.Optional(Type.String({ maxLength: 100 })), seite: Type.Optional(Type.String({ maxLength: 6 })) });

const statistics = {
  sex: Type.Optional(Type.Union(SEX_OPTIONS.map((o) => Type.Literal(o)))),
  ageGroup: Type.Optional(Type.Union(AGE_GROUPS.map((o) => Type.Literal(o)))),
  thirdCountry: Type.Optional(Type.Union(THIRD_COUNTRY_OPTIONS.map((o) => Type.Literal(o)))),
};

export const RegistrationForm = Type.Object({
  name: FormText({ min: 2, max: 200 }),
  email: FormEmail(),
  organisation: Type.Optional(FormText({ max: 200 })),
  homeTown: Type.Optional(FormText({ max: 200 })),
  ...statistics,
  privacy: Type.Optional(Type.Literal('on')),
});

export const WalkInForm = Type.Object({
  name: FormText({ min: 2, max: 200 }),
  organisation: Type.Optional(FormText({ max: 200 })),
  homeTown: Type.Optional(FormText({ max: 200 })),
  email: Type.Optional(FormEmail()),
  ...statistics,
  paperConsent: Type.Optional(Type.Literal('on')),
});

export const CancelEventForm = Type.Object({ reason: FormText({ min: 3, max: 1000 }) });

export const AttendanceBody = Type.Object({ attended: Type.Union([Type.Literal('yes'), Type.Literal('no')]) }, { additionalProperties: true });

export const TargetGroupBody = Type.Object({ confirmed: Type.Union([Type.Literal('yes'), Type.Literal('no')]) }, { additionalProperties: true });

/** The evidence lists: a calendar year (all years when absent or not a year), only what is incomplete, the page. */
export const EvidenceQuery = Type.Object({
  jahr: Type.Optional(Type.String({ maxLength: 6 })),
  unvollstaendig: Type.Optional(Type.String({ maxLength: 3 })),
  seite: Type.Optional(Type.String({ maxLength: 6 })),
});

/** A year of the query, or undefined for all years: anything else is not an error, it shows all. */
export function evidenceYear(raw: string | undefined): number | undefined {
  if (!raw || !/^\d{4}$/.test(raw)) return undefined;
  const year = Number(raw);
  return year >= 2000 && year <= 2100 ? year : undefined;
}
