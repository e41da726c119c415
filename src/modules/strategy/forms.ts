import { Type } from '@sinclair/typebox';
import { type FieldErrors, ValidationError } from '../../platform/http/errors.ts';
import { FormDate, FormInteger, FormText, parseForm, typedValues } from '../../platform/http/forms.ts';
import { readMethodIds } from '../../platform/method-links.ts';
import type { MeasureFilter } from './repository.ts';
import type { MeasureInput, VersionInput } from './service.ts';
import { isMeasureStatus, MEASURE_STATUSES, type MeasureStatus } from './tables.ts';
import type { ImplementationQuery } from './views/public-pages.tsx';
import type { MeasureListQuery } from './views/measure-pages.tsx';

const Status = Type.Union(MEASURE_STATUSES.map((s) => Type.Literal(s)));
const RecordId = () => FormInteger({ min: 1, max: 2_000_000_000 });

export const VersionForm = Type.Object({
  title: FormText({ min: 1, max: 200 }),
  versionLabel: FormText({ min: 1, max: 50 }),
  adoptedOn: Type.Optional(FormDate()),
  summary: Type.Optional(FormText({ max: 5000 })),
});
export const FieldForm = Type.Object({ name: FormText({ min: 1, max: 200 }), description: Type.Optional(FormText({ max: 5000 })), position: Type.Optional(FormInteger({ min: 0, max: 999 })) });
export const GoalForm = Type.Object({ title: FormText({ min: 1, max: 300 }), description: Type.Optional(FormText({ max: 5000 })), position: Type.Optional(FormInteger({ min: 0, max: 999 })) });
export const MeasureForm = Type.Object({
  title: FormText({ min: 1, max: 300 }),
  description: Type.Optional(FormText({ max: 10000 })),
  fieldId: RecordId(),
  goalId: Type.Optional(RecordId()),
  districtId: Type.Optional(RecordId()),
  responsibleOrg: Type.Optional(FormText({ max: 200 })),
  startsOn: Type.Optional(FormDate()),
  endsOn: Type.Optional(FormDate()),
  status: Status,
  progress: FormInteger({ min: 0, max: 100 }),
});
export const UpdateForm = Type.Object({ updateText: FormText({ min: 1, max: 5000 }), updateStatus: Status, updateProgress: FormInteger({ min: 0, max: 100 }) });

export const FilterQuery = Type.Object({
  handlungsfeld: Type.Optional(Type.String({ maxLength: 12 })),
  status: Type.Optional(Type.String({ maxLength: 20 })),
  q: Type.Optional(Type.String({ maxLength: 100 })),
  seite: Type.Optional(Type.String({ maxLength: 6 })),
});

/** Filters from the query string; unknown values are dropped so that an old link still works. */
export function cleanFilter(raw: { handlungsfeld?: string; status?: string; q?: string }): { filter: MeasureFilter; query: MeasureListQuery & ImplementationQuery } {
  const filter: MeasureFilter = {};
  const query: MeasureListQuery = {};
  if (raw.handlungsfeld && /^\d{1,9}$/.test(raw.handlungsfeld)) {
    filter.fieldId = Number(raw.handlungsfeld);
    query.handlungsfeld = raw.handlungsfeld;
  }
  if (isMeasureStatus(raw.status)) {
    filter.status = raw.status;
    query.status = raw.status;
  }
  const q = raw.q?.trim();
  if (q) filter.query = query.q = q;
  return { filter, query };
}

/** Schema errors and the cross-field rule (end not before start) together, so the user sees all at once. */
export function measureInput(body: unknown): MeasureInput {
  const parsed = parseForm(MeasureForm, body);
  const values = typedValues(body);
  const methods = readMethodIds(body);
  const errors: FieldErrors = parsed.ok ? { ...methods.errors } : { ...parsed.errors, ...methods.errors };
  const start = values.startsOn?.trim();
  const end = values.endsOn?.trim();
  if (start && end && !errors.startsOn && !errors.endsOn && end < start) errors.endsOn = { key: 'validation.end_before_start' };
  if (!parsed.ok || Object.keys(errors).length) throw new ValidationError(errors);
  return { ...parsed.value, methodIds: methods.ids };
}

/** The version form's text fields and the upload's size error together. */
export function versionInput(fields: Record<string, string>, fileError: FieldErrors[string] | null): VersionInput {
  const parsed = parseForm(VersionForm, fields);
  const errors: FieldErrors = parsed.ok ? {} : { ...parsed.errors };
  if (fileError) errors.document = fileError;
  if (!parsed.ok || Object.keys(errors).length) throw new ValidationError(errors);
  return parsed.value;
}

export function measureToForm(m: {
  title: string;
  description: string;
  field_id: number;
  goal_id: number | null;
  district_id: number | null;
  responsible_org: string;
  starts_on: string | null;
  ends_on: string | null;
  status: MeasureStatus;
  progress: number;
}) {
  return {
    title: m.title,
    description: m.description,
    fieldId: String(m.field_id),
    goalId: m.goal_id ? String(m.goal_id) : '',
    districtId: m.district_id ? String(m.district_id) : '',
    responsibleOrg: m.responsible_org,
    startsOn: m.starts_on ?? '',
    endsOn: m.ends_on ?? '',
    status: m.status,
    progress: String(m.progress),
  };
}

/** An ASCII fallback for old clients and the real name (umlauts, spaces) per RFC 6266 for the rest. */
export function documentDisposition(name: string): string {
  const ascii = name.replace(/[^\w.-]/g, '_') || 'dokument.pdf';
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}
