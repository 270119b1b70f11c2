/** The small vocabulary of failures the API speaks; each code has one HTTP status. */
export const ERROR_STATUS = {
  validation: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  precondition_failed: 412,
  payload_too_large: 413,
  unsupported_media_type: 415,
  unprocessable: 422,
  precondition_required: 428,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export const ERROR_TITLES: Record<ErrorCode, string> = {
  validation: 'The request is not valid',
  unauthenticated: 'Sign-in required',
  forbidden: 'Not allowed',
  not_found: 'Not found',
  method_not_allowed: 'Method not allowed',
  conflict: 'Conflict',
  precondition_failed: 'The record has changed since you read it',
  payload_too_large: 'The request body is too large',
  unsupported_media_type: 'Unsupported content type',
  unprocessable: 'The request cannot be carried out',
  precondition_required: 'If-Match header required',
  rate_limited: 'Too many requests',
  internal: 'Internal error',
  unavailable: 'Service unavailable',
};

/** One offending input: a JSON pointer into the request (`/body/email`) and what is wrong with it. */
export interface FieldProblem {
  path: string;
  message: string;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields: FieldProblem[];
  /** Extra members of the problem document (e.g. `allowed` transitions, the `current` record on a 412). */
  readonly extensions: Record<string, unknown>;

  constructor(code: ErrorCode, message?: string, options: { fields?: FieldProblem[]; extensions?: Record<string, unknown> } = {}) {
    super(message ?? ERROR_TITLES[code]);
    this.name = 'AppError';
    this.code = code;
    this.fields = options.fields ?? [];
    this.extensions = options.extensions ?? {};
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export const notFound = (what: string) => new AppError('not_found', `${what} was not found`);
export const forbidden = (message = 'Your role does not allow this') => new AppError('forbidden', message);
export const invalid = (fields: FieldProblem[], message = 'Some fields are not valid') =>
  new AppError('validation', message, { fields });
