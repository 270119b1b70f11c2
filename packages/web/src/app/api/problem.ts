/** One offending input of a refused request: a JSON pointer such as `/body/email` and what is wrong with it. */
export interface FieldProblem {
  path: string;
  message: string;
}

/** An RFC 9457 problem document as the OpenHTM API renders it. */
export interface Problem {
  type?: string;
  title?: string;
  status: number;
  detail?: string;
  code?: string;
  requestId?: string;
  errors?: FieldProblem[];
  [extension: string]: unknown;
}

/** A failed API call. `detail` is the sentence to show to the user. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.detail ?? problem.title ?? `Request failed (${problem.status})`);
    this.name = 'ApiError';
    this.status = problem.status;
    this.problem = problem;
  }

  get code(): string | undefined {
    return this.problem.code;
  }

  get fieldErrors(): FieldProblem[] {
    return this.problem.errors ?? [];
  }

  /** The record was changed by someone else since it was read (stale If-Match). */
  get isConflict(): boolean {
    return this.status === 412;
  }

  get isCsrf(): boolean {
    return this.status === 403 && /csrf/i.test(this.problem.detail ?? '');
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/**
 * Maps the problem's field errors onto form fields: `/body/email` → `email`, `/body/facilityIds/0` → `facilityIds`.
 * Errors of other parts of the request (query string, headers) are left out.
 */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  if (!isApiError(error)) return {};
  const fields: Record<string, string> = {};
  for (const problem of error.fieldErrors) {
    const [, part, field] = problem.path.split('/');
    if (part !== 'body' || !field || fields[field]) continue;
    fields[field] = capitalise(problem.message);
  }
  return fields;
}

/** The sentence to show for any error thrown by a query or mutation. */
export function messageOf(error: unknown): string {
  if (isApiError(error)) return error.message;
  if (error instanceof TypeError) return 'The server cannot be reached. Check your connection and try again.';
  if (error instanceof Error) return error.message;
  return 'Something went wrong.';
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
