/**
 * Talks to the API. Errors come back in the API's one shape `{ error: { code, message,
 * details? } }` and are thrown as ApiError with that code.
 *
 * The session lives in an HttpOnly cookie the browser sends by itself; what this module adds is
 * the session's CSRF token on every state-changing request, and one place that hears about a
 * 401 (session ended or expired) so the app can go back to the login page.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

interface SessionHooks {
  csrfToken: string | null;
  onUnauthenticated: ((url: string) => void) | null;
}

const session: SessionHooks = { csrfToken: null, onUnauthenticated: null };

/** Set by the session provider: the token to send, and who to tell when a session is gone. */
export function configureSession(hooks: Partial<SessionHooks>): void {
  Object.assign(session, hooks);
}

// A 401 from the login itself means wrong credentials, not an ended session.
const CREDENTIAL_CHECKS = ['/api/auth/login'];

/**
 * fetch() for the API: adds the CSRF header to anything but GET/HEAD, turns a network failure
 * into ApiError('network'), and reports a 401 to the session. The response is returned as is.
 */
export async function apiFetch(url: string, init: RequestInit = {}): Promise<Response> {
  const method = (init.method ?? 'GET').toUpperCase();
  const headers = new Headers(init.headers);
  if (!headers.has('Accept')) headers.set('Accept', 'application/json');
  if (method !== 'GET' && method !== 'HEAD' && session.csrfToken)
    headers.set('X-CSRF-Token', session.csrfToken);
  let response: Response;
  try {
    response = await fetch(url, { ...init, method, headers, credentials: 'same-origin' });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiError(0, 'network', 'network');
  }
  if (response.status === 401 && !CREDENTIAL_CHECKS.some((path) => url.startsWith(path)))
    session.onUnauthenticated?.(url);
  return response;
}

/** The API's error of a failed response (or the status line when it is not our shape). */
export async function errorOf(response: Response): Promise<ApiError> {
  let code = 'http_error';
  let message = `${response.status} ${response.statusText}`;
  let details: Record<string, unknown> = {};
  try {
    const body = (await response.json()) as {
      error?: { code?: string; message?: string; details?: Record<string, unknown> };
    };
    code = body.error?.code ?? code;
    message = body.error?.message ?? message;
    details = body.error?.details ?? {};
  } catch {
    // Not our error shape (a proxy page); keep the status line.
  }
  return new ApiError(response.status, code, message, details);
}

export async function fetchJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  const response = await apiFetch(url, signal ? { signal } : {});
  if (!response.ok) throw await errorOf(response);
  return (await response.json()) as T;
}

/** A state-changing request with a JSON body; resolves to the JSON answer (undefined for 204). */
export async function sendJson<T = undefined>(
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  url: string,
  body?: unknown,
): Promise<T> {
  const response = await apiFetch(url, {
    method,
    ...(body !== undefined
      ? { body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } }
      : {}),
  });
  if (!response.ok) throw await errorOf(response);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

/** Build an API URL from a path and the defined parameters. */
export function apiUrl(
  path: string,
  params: Record<string, string | number | undefined | null> = {},
): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params))
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  const query = search.toString();
  return query ? `${path}?${query}` : path;
}
