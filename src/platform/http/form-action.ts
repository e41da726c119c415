import type { Static, TSchema } from '@sinclair/typebox';
import type { FastifyReply } from 'fastify';
import type { FormState } from '../views/forms.tsx';
import { AppError, ValidationError } from './errors.ts';
import { formLists, isFormRefresh, parseForm, typedValues } from './forms.ts';

type FlashKind = 'success' | 'info' | 'warning' | 'danger';

/** Where a form goes once its change is made, with the message shown there. */
export interface FormDone {
  redirect: string;
  flash?: { key: string; params?: Record<string, string | number>; kind?: FlashKind };
}

export interface FormActionOptions<S extends TSchema | undefined> {
  body: unknown;
  /** The form's one schema; without one the body reaches `run` unparsed. */
  schema?: S;
  /** Shows the form again (status 422) with what was typed and a message per field. */
  invalid: (form: FormState & { lists: Record<string, string[]> }) => unknown;
  /** Where a change refused with a message for the person goes; without it the refusal gets its own status page. */
  back?: string;
  run: (value: S extends TSchema ? Static<S> : undefined) => Promise<FormDone | FastifyReply>;
}

function formAgain(body: unknown, errors: FormState['errors']) {
  return { values: typedValues(body), lists: formLists((body ?? {}) as Record<string, unknown>), errors };
}

/**
 * The one path of a form post: parse against the form's schema, run the change, redirect with a
 * message. A broken rule (`ValidationError`, from the schema or the service) shows the form again
 * with the field messages; a refusal meant for the person (`AppError.refused`) goes back with it.
 * A refresh button (`FORM_REFRESH_FIELD`) shows the form again without saving.
 */
export async function formAction<S extends TSchema | undefined = undefined>(reply: FastifyReply, options: FormActionOptions<S>): Promise<unknown> {
  // A picker's search or page button: the same form again with what was typed, no messages, nothing saved.
  if (isFormRefresh(options.body)) return options.invalid(formAgain(options.body, {}));
  let value: unknown;
  if (options.schema) {
    const parsed = parseForm(options.schema, options.body);
    if (!parsed.ok) return options.invalid(formAgain(options.body, parsed.errors));
    value = parsed.value;
  }
  let done: FormDone | FastifyReply;
  try {
    done = await options.run(value as S extends TSchema ? Static<S> : undefined);
  } catch (error) {
    if (error instanceof ValidationError) return options.invalid(formAgain(options.body, error.fields));
    if (error instanceof AppError && error.userFacing && options.back) return reply.flash('danger', error.messageKey, error.params).redirect(options.back, 303);
    throw error;
  }
  if (!('redirect' in done) || typeof done.redirect !== 'string') return done;
  if (done.flash) reply.flash(done.flash.kind ?? 'success', done.flash.key, done.flash.params);
  return reply.redirect(done.redirect, 303);
}
