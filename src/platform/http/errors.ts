export type ErrorCode = 'not_found' | 'forbidden' | 'unauthorized' | 'validation_failed' | 'conflict' | 'rate_limited' | 'payload_too_large' | 'bad_request';

/** A message in the user's language: a catalog key and its placeholder values. */
export interface Message {
  key: string;
  params?: Record<string, string | number>;
}

/** The one error type: a stable code for clients, a status, and a message key for people. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly status: number,
    readonly messageKey: string,
    readonly params: Record<string, string | number> = {},
    /** The service refused the change with a message meant for the person (e.g. "the phase is over"): a form shows it and goes back. */
    readonly userFacing = false,
  ) {
    super(`${code}: ${messageKey}`);
  }

  /** A change refused by a rule the person can understand; shown as a message where the form came from. */
  static refused(messageKey: string, params?: Record<string, string | number>, code: 'conflict' | 'forbidden' = 'conflict'): AppError {
    return new AppError(code, code === 'conflict' ? 409 : 403, messageKey, params, true);
  }

  static notFound(messageKey = 'errors.not_found.text'): AppError {
    return new AppError('not_found', 404, messageKey);
  }
  static forbidden(messageKey = 'errors.forbidden.text'): AppError {
    return new AppError('forbidden', 403, messageKey);
  }
  static unauthorized(): AppError {
    return new AppError('unauthorized', 401, 'errors.unauthorized.text');
  }
  static conflict(messageKey: string, params?: Record<string, string | number>): AppError {
    return new AppError('conflict', 409, messageKey, params, true);
  }
}

export type FieldErrors = Record<string, Message>;

/** A form's input broke a rule; the form is shown again with each message next to its field. */
export class ValidationError extends AppError {
  constructor(readonly fields: FieldErrors) {
    super('validation_failed', 422, 'errors.validation.summary');
  }
}
