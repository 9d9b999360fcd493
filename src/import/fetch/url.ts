// Query parameters that may carry a secret when a base URL is configured with one.
const SECRET = /(key|token|secret|pass|password|signature|sig|auth|credential|session)/i;

/**
 * A URL fit for a message or log: user and password removed, the values of query parameters
 * that look like credentials replaced. The rest of the query stays exactly as sent.
 * @example redactUrl('https://u:p@host/x?a=1&api_key=s') // 'https://host/x?a=1&api_key=REDACTED'
 */
export function redactUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url.replace(/\?.*$/, '');
  }
  parsed.username = '';
  parsed.password = '';
  const query = parsed.search.replace(/^\?/, '');
  if (query === '') return parsed.href;
  const redacted = query
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      const key = decodeURIComponent(eq < 0 ? pair : pair.slice(0, eq));
      return eq >= 0 && SECRET.test(key) ? `${pair.slice(0, eq)}=REDACTED` : pair;
    })
    .join('&');
  parsed.search = '';
  return `${parsed.href}?${redacted}`;
}
