import { ApiError, type Problem } from './problem';

/**
 * The one way the web app talks to the API: JSON in and out, problem+json errors thrown as ApiError,
 * the session's CSRF token on every unsafe request, and If-Match for versioned records.
 */
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

let csrfToken: string | null = null;
let csrfRefresher: (() => Promise<string | null>) | null = null;
let onUnauthenticated: (() => void) | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called once by the session layer: how to get a fresh CSRF token, and what to do when the session has ended. */
export function configureApiClient(options: { refreshCsrf: () => Promise<string | null>; onUnauthenticated: () => void }): void {
  csrfRefresher = options.refreshCsrf;
  onUnauthenticated = options.onUnauthenticated;
}

export type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  query?: Record<string, QueryValue>;
  /** JSON, or a FormData for a file upload. */
  body?: unknown;
  /** The version read, for versioned records: sent as If-Match: "v<version>". */
  version?: number;
  signal?: AbortSignal;
  /** Set for the session probe itself, so that a 401 is an answer rather than an event. */
  quietUnauthenticated?: boolean;
}

export function queryString(query: Record<string, QueryValue> | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

async function send(path: string, options: RequestOptions): Promise<Response> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { Accept: 'application/json, application/problem+json' };
  // A FormData body (a file upload) is sent as multipart/form-data with the boundary the browser chooses.
  const multipart = options.body instanceof FormData;
  if (options.body !== undefined && !multipart) headers['Content-Type'] = 'application/json';
  if (UNSAFE.has(method) && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  if (options.version !== undefined) headers['If-Match'] = `"v${options.version}"`;
  return fetch(`/api${path}${queryString(options.query)}`, {
    method,
    headers,
    body: options.body === undefined ? undefined : multipart ? (options.body as FormData) : JSON.stringify(options.body),
    credentials: 'same-origin',
    signal: options.signal,
  });
}

async function problemOf(response: Response): Promise<Problem> {
  const text = await response.text();
  try {
    const body = JSON.parse(text) as Partial<Problem>;
    return { ...body, status: response.status };
  } catch {
    return { status: response.status, title: response.statusText, detail: `The server answered ${response.status} ${response.statusText}`.trim() };
  }
}

/** Calls `/api<path>` and returns the parsed JSON body (undefined for 204). Throws ApiError on failure. */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  let response = await send(path, options);
  if (response.status === 403 && UNSAFE.has(options.method ?? 'GET') && csrfRefresher) {
    const problem = await problemOf(response.clone());
    if (new ApiError(problem).isCsrf) {
      csrfToken = await csrfRefresher();
      response = await send(path, options);
    }
  }
  if (!response.ok) {
    const error = new ApiError(await problemOf(response));
    if (error.status === 401 && !options.quietUnauthenticated) onUnauthenticated?.();
    throw error;
  }
  if (response.status === 204 || response.headers.get('content-length') === '0') return undefined as T;
  return (await response.json()) as T;
}

/** A page of a list endpoint: `?limit=&cursor=&sort=` answered with `{items, nextCursor}`. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
