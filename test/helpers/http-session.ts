/** A logged-in client of a real running server: the session cookie and the CSRF token. */
export interface HttpSession {
  email: string;
  cookie: string;
  csrf: string;
  /** fetch with the session cookie (and the CSRF token on changes unless told otherwise). */
  fetch(path: string, init?: RequestInit & { csrf?: boolean }): Promise<Response>;
}

export const DEMO_PASSWORD = 'buurtbalans-demo';

export async function login(
  baseUrl: string,
  email: string,
  password = DEMO_PASSWORD,
): Promise<HttpSession> {
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (response.status !== 200)
    throw new Error(`login ${email}: ${response.status} ${await response.text()}`);
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0]!;
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return sessionOf(baseUrl, email, cookie, csrfToken);
}

export function sessionOf(
  baseUrl: string,
  email: string,
  cookie: string,
  csrf: string,
): HttpSession {
  return {
    email,
    cookie,
    csrf,
    fetch: (path, init = {}) => {
      const headers = new Headers(init.headers);
      headers.set('Cookie', cookie);
      const unsafe = init.method && !['GET', 'HEAD'].includes(init.method);
      if (unsafe && init.csrf !== false && !headers.has('X-CSRF-Token'))
        headers.set('X-CSRF-Token', csrf);
      return fetch(`${baseUrl}${path}`, { ...init, headers, redirect: 'manual' });
    },
  };
}
