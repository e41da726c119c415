import { type Static, type TSchema, Type } from '@sinclair/typebox';
import { FormatRegistry } from '@sinclair/typebox';
import { Value, ValueErrorType } from '@sinclair/typebox/value';
import type { FieldErrors, Message } from './errors.ts';
import { ValidationError } from './errors.ts';

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
export const EMAIL_MAX_LENGTH = 254;
const WHITESPACE_RE = /\s/;

/**
 * One "@" with text before it and a dot inside the part after it, no spaces: checked by length
 * first and then in one pass each. A pattern like /^[^@]+@[^@]+\.[^@]+$/ backtracks quadratically
 * on "a@" and thousands of dots, so one request would block the server.
 */
export function isEmailAddress(value: string): boolean {
  if (value.length > EMAIL_MAX_LENGTH) return false;
  const at = value.indexOf('@');
  if (at < 1 || at !== value.lastIndexOf('@') || WHITESPACE_RE.test(value)) return false;
  const domain = value.slice(at + 1);
  const dot = domain.indexOf('.', 1);
  return dot > 0 && dot < domain.length - 1;
}

function isRealDate(value: string): boolean {
  if (!DATE_RE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

if (!FormatRegistry.Has('date')) FormatRegistry.Set('date', isRealDate);
if (!FormatRegistry.Has('email')) FormatRegistry.Set('email', isEmailAddress);

/** Schema pieces for HTML forms: every value arrives as text, empty means "not given". */
export const FormText = (options: { min?: number; max: number }) => Type.String({ minLength: options.min ?? 0, maxLength: options.max });
export const FormDate = () => Type.String({ format: 'date' });
export const FormEmail = () => Type.String({ maxLength: EMAIL_MAX_LENGTH, format: 'email' });
export const FormInteger = (options: { min: number; max: number }) => Type.Integer({ minimum: options.min, maximum: options.max });

/**
 * The route's body schema derived from the form's schema: the same field names, every one optional
 * text, so that a bad value reaches the form with its message instead of a bare 400.
 */
export function formBody(form: TSchema & { properties: Record<string, TSchema> }, extraFields: string[] = [], maxLength = 20000) {
  return formBodySchema([...Object.keys(form.properties), ...extraFields], maxLength);
}

/** The route's own schema for a form body: every field optional text, so a bad value reaches the form, not a bare 400. */
export function formBodySchema(fields: string[], maxLength = 20000) {
  return Type.Object(Object.fromEntries(fields.map((f) => [f, Type.Optional(Type.String({ maxLength }))])), { additionalProperties: true });
}

function messageFor(type: ValueErrorType, schema: TSchema): Message {
  switch (type) {
    case ValueErrorType.ObjectRequiredProperty:
      return { key: 'validation.required' };
    case ValueErrorType.StringMinLength:
      return schema.minLength === 1 ? { key: 'validation.required' } : { key: 'validation.too_short', params: { min: schema.minLength } };
    case ValueErrorType.StringMaxLength:
      return { key: 'validation.too_long', params: { max: schema.maxLength } };
    case ValueErrorType.StringFormat:
      return { key: schema.format === 'date' ? 'validation.date' : schema.format === 'email' ? 'validation.email' : 'validation.format' };
    case ValueErrorType.StringPattern:
      return { key: 'validation.format' };
    case ValueErrorType.Integer:
    case ValueErrorType.Number:
      return { key: 'validation.integer' };
    case ValueErrorType.NumberMinimum:
    case ValueErrorType.IntegerMinimum:
      return { key: 'validation.min', params: { min: schema.minimum } };
    case ValueErrorType.NumberMaximum:
    case ValueErrorType.IntegerMaximum:
      return { key: 'validation.max', params: { max: schema.maximum } };
    case ValueErrorType.Union:
    case ValueErrorType.Literal:
      return { key: 'validation.choice' };
    default:
      return { key: 'validation.invalid' };
  }
}

export type FormResult<T extends TSchema> = { ok: true; value: Static<T> } | { ok: false; errors: FieldErrors };

/**
 * Checks a submitted form against a schema. Empty fields count as not given; numbers are converted
 * from text. Returns one message per field, the first that applies.
 */
export function parseForm<T extends TSchema>(schema: T, body: unknown): FormResult<T> {
  const input: Record<string, unknown> = {};
  for (const [key, raw] of Object.entries((body ?? {}) as Record<string, unknown>)) {
    const value = Array.isArray(raw) ? raw.at(-1) : raw;
    if (typeof value === 'string') {
      const trimmed = value.trim();
      if (trimmed !== '') input[key] = trimmed;
    }
  }
  const converted = Value.Convert(schema, input);
  if (Value.Check(schema, converted)) return { ok: true, value: converted as Static<T> };
  const errors: FieldErrors = {};
  for (const error of Value.Errors(schema, converted)) {
    const field = error.path.replace(/^\//, '').split('/')[0] ?? '';
    if (!field || errors[field]) continue;
    errors[field] = messageFor(error.type, error.schema);
  }
  return { ok: false, errors };
}

/** Like parseForm, but throws a ValidationError that the route turns into the form with messages. */
export function requireForm<T extends TSchema>(schema: T, body: unknown): Static<T> {
  const result = parseForm(schema, body);
  if (!result.ok) throw new ValidationError(result.errors);
  return result.value;
}

/** The values as the user typed them, to show the form again. */
/**
 * A button that sends a form back to be shown again with what was typed, nothing saved (status
 * 200): the search and paging of a picker inside the form, which then works without JavaScript.
 * Its value says what to show (e.g. `methods:2`).
 */
export const FORM_REFRESH_FIELD = 'formRefresh';

export function isFormRefresh(body: unknown): boolean {
  const value = (body as Record<string, unknown> | undefined)?.[FORM_REFRESH_FIELD];
  return typeof value === 'string' && value !== '';
}

export function typedValues(body: unknown): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, raw] of Object.entries((body ?? {}) as Record<string, unknown>)) {
    if (key === '_csrf') continue;
    const value = Array.isArray(raw) ? raw.at(-1) : raw;
    if (typeof value === 'string') values[key] = value;
  }
  return values;
}

/** Every value of a field that may come several times (checkboxes, multiple choice), as text. */
export function formList(body: unknown, name: string): string[] {
  return ([] as unknown[]).concat((body as Record<string, unknown> | undefined)?.[name] ?? []).filter((v): v is string => typeof v === 'string');
}

/** The fields that came several times, each with its values: to show a multiple choice again as ticked. */
export function formLists(body: Record<string, unknown>): Record<string, string[]> {
  return Object.fromEntries(
    Object.keys(body)
      .filter((name) => Array.isArray(body[name]))
      .map((name) => [name, formList(body, name)]),
  );
}
