import { type Static, type TLiteral, type TUnion, Type } from '@sinclair/typebox';
import { PERSON_DIMENSIONS } from '../../platform/facts.ts';
import type { FieldErrors } from '../../platform/http/errors.ts';
import { FormText } from '../../platform/http/forms.ts';
import type { IndicatorVersionInput } from './catalogue-repository.ts';
import { DIRECTIONS, type FactFilterSpec, INDICATOR_UNITS } from './tables.ts';

/** A number as typed in a German or English form: up to nine digits, a comma or a point, up to four decimals. */
const Decimal = (negative: boolean) => Type.String({ pattern: negative ? '^-?[0-9]{1,9}([.,][0-9]{1,4})?$' : '^[0-9]{1,9}([.,][0-9]{1,4})?$', maxLength: 16 });
export const parseDecimal = (text: string) => Number(text.replace(',', '.'));

const union = <T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v))) as unknown as TUnion<TLiteral<T>[]>;

/** A changed indicator: every field of the definition; the sources and filters are checked against what the modules declare. */
export const IndicatorForm = Type.Object({
  name_de: FormText({ min: 1, max: 200 }),
  name_en: FormText({ min: 1, max: 200 }),
  definition_de: Type.Optional(FormText({ max: 4000 })),
  definition_en: Type.Optional(FormText({ max: 4000 })),
  unit: union(INDICATOR_UNITS),
  numerator_source: Type.Optional(FormText({ max: 80 })),
  numerator_filter: Type.Optional(FormText({ max: 500 })),
  denominator_source: Type.Optional(FormText({ max: 80 })),
  denominator_filter: Type.Optional(FormText({ max: 500 })),
  factor: Decimal(false),
  decimals: Type.Integer({ minimum: 0, maximum: 4 }),
  direction: union(DIRECTIONS),
});
export type IndicatorFormValue = Static<typeof IndicatorForm>;

export const StatusForm = Type.Object({ status: union(['active', 'retired'] as const) });

/** A target (or a hand-entered value): a period code, optionally a participating town, a number. */
export const TargetForm = Type.Object({
  period: FormText({ min: 1, max: 20 }),
  townId: Type.Optional(Type.Integer({ minimum: 1, maximum: 2147483647 })),
  value: Decimal(true),
});

export const ManualValueForm = Type.Object({
  period: FormText({ min: 1, max: 20 }),
  townId: Type.Optional(Type.Integer({ minimum: 1, maximum: 2147483647 })),
  value: Decimal(true),
  note: Type.Optional(FormText({ max: 2000 })),
});

/** The dimensions (with their values) a source can be filtered by; `null` for a source nobody declares. */
export type SourceDimensions = (id: string) => Readonly<Record<string, readonly string[]>> | null;

/** Participants are filtered by one breakdown of the AMIF table at a time (see service.ts `count`). */
export const PARTICIPANT_DIMENSIONS: Readonly<Record<string, readonly string[]>> = { ...PERSON_DIMENSIONS, history: ['new', 'returning'] };

/** Parses `dimension=value,value; dimension=value` into a filter; the error names what is wrong. */
export function parseFilter(text: string | undefined, dimensions: Readonly<Record<string, readonly string[]>>, maxDimensions: number): { filter: FactFilterSpec } | { error: FieldErrors[string] } {
  const filter: FactFilterSpec = {};
  const parts = (text ?? '')
    .split(';')
    .map((p) => p.trim())
    .filter(Boolean);
  for (const part of parts) {
    const match = /^([a-z_]+)\s*=\s*(.+)$/.exec(part);
    if (!match) return { error: { key: 'monitoring.catalogue.filter_format' } };
    const [, dimension, list] = match as unknown as [string, string, string];
    const allowed = dimensions[dimension];
    if (!allowed) return { error: { key: 'monitoring.catalogue.filter_dimension', params: { dimension, allowed: Object.keys(dimensions).join(', ') || '–' } } };
    const values = list
      .split(',')
      .map((v) => v.trim())
      .filter(Boolean);
    const unknown = values.find((v) => !allowed.includes(v));
    if (unknown !== undefined || values.length === 0) return { error: { key: 'monitoring.catalogue.filter_value', params: { dimension, allowed: allowed.join(', ') } } };
    filter[dimension] = [...new Set([...(filter[dimension] ?? []), ...values])];
  }
  if (Object.keys(filter).length > maxDimensions) return { error: { key: 'monitoring.catalogue.filter_one', params: { max: maxDimensions } } };
  return { filter };
}

/** Writes a filter back as the form shows it. */
export function filterText(filter: FactFilterSpec): string {
  return Object.entries(filter)
    .map(([dimension, values]) => `${dimension}=${values.join(',')}`)
    .join('; ');
}

/** The form's values checked against the declared sources: a version to insert, or the field errors. */
export function indicatorInput(value: IndicatorFormValue, dimensionsOf: SourceDimensions): { input: IndicatorVersionInput } | { errors: FieldErrors } {
  const errors: FieldErrors = {};
  const side = (name: 'numerator' | 'denominator') => {
    const source = value[`${name}_source`] || null;
    if (source === null) {
      if (value[`${name}_filter`]) errors[`${name}_filter`] = { key: 'monitoring.catalogue.filter_without_source' };
      return { source, filter: {} };
    }
    const dimensions = dimensionsOf(source);
    if (!dimensions) {
      errors[`${name}_source`] = { key: 'validation.choice' };
      return { source, filter: {} };
    }
    const parsed = parseFilter(value[`${name}_filter`], dimensions, source === 'monitoring.participants' ? 1 : Object.keys(dimensions).length);
    if ('error' in parsed) {
      errors[`${name}_filter`] = parsed.error;
      return { source, filter: {} };
    }
    return { source, filter: parsed.filter };
  };
  const numerator = side('numerator');
  const denominator = side('denominator');
  if (denominator.source && !numerator.source) errors.numerator_source = { key: 'monitoring.catalogue.denominator_without_numerator' };
  const factor = parseDecimal(value.factor);
  if (!(factor > 0)) errors.factor = { key: 'validation.min', params: { min: '0,0001' } };
  if (Object.keys(errors).length > 0) return { errors };
  return {
    input: {
      name_de: value.name_de,
      name_en: value.name_en,
      definition_de: value.definition_de ?? '',
      definition_en: value.definition_en ?? '',
      unit: value.unit,
      numerator_source: numerator.source,
      numerator_filter: numerator.filter,
      denominator_source: denominator.source,
      denominator_filter: denominator.filter,
      factor,
      decimals: value.decimals,
      direction: value.direction,
    },
  };
}
