/** Where the login page lives; `terug` holds the page to return to afterwards. */
export const LOGIN_PATH = '/inloggen';

/**
 * The login page's address, remembering the page the user was on (the map, without
 * parameters, needs no reminder).
 * @example loginPath('/gebied/BU99010101') // '/inloggen?terug=%2Fgebied%2FBU99010101'
 */
export function loginPath(returnTo: string): string {
  const target = safeReturnPath(returnTo);
  return target === '/' ? LOGIN_PATH : `${LOGIN_PATH}?terug=${encodeURIComponent(target)}`;
}

/**
 * A return path from the URL, only when it is a page of this app: an address elsewhere
 * (`//evil.example`, `https://…`) would make the login page an open redirect.
 * @example safeReturnPath('//evil.example/x') // '/'
 */
export function safeReturnPath(value: string | null | undefined): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\'))
    return '/';
  if (value === LOGIN_PATH || value.startsWith(`${LOGIN_PATH}?`) || value.startsWith('/api/'))
    return '/';
  return value;
}
