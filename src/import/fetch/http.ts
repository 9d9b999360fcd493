import { downloadFailed } from './paging.js';

export type FetchFunction = typeof fetch;

export interface JsonAnswer {
  document: unknown;
  /** Size of the body as received (after decompression). */
  bytes: number;
}

/**
 * GET one URL with Node's fetch and parse the body as JSON. Every failure becomes
 * `download_failed` naming the resource, the URL and what went wrong: an HTTP status (with the
 * server's own reason where it gives one, e.g. an OGC ExceptionText), a network error, the
 * timeout (per request, body included), or a body that is not JSON.
 */
export async function getJson(
  name: string,
  url: string,
  options: { timeoutMs: number; fetch?: FetchFunction },
): Promise<JsonAnswer> {
  const fetchImpl = options.fetch ?? fetch;
  const signal = AbortSignal.timeout(options.timeoutMs);
  let response: Response;
  try {
    response = await fetchImpl(url, {
      signal,
      headers: { accept: 'application/json' },
      redirect: 'follow',
    });
  } catch (error) {
    throw downloadFailed(name, url, networkReason(error, options.timeoutMs));
  }
  let body: string;
  try {
    body = await response.text();
  } catch (error) {
    throw downloadFailed(name, url, networkReason(error, options.timeoutMs), response.status);
  }
  if (!response.ok) {
    const detail = serverReason(body);
    throw downloadFailed(
      name,
      url,
      `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}${detail ? `: ${detail}` : ''}`,
      response.status,
    );
  }
  try {
    return { document: JSON.parse(body) as unknown, bytes: Buffer.byteLength(body) };
  } catch {
    const type = response.headers.get('content-type') ?? 'no content type';
    const detail = serverReason(body) ?? oneLine(body, 60);
    throw downloadFailed(
      name,
      url,
      `HTTP ${response.status} but the body is not JSON (${type}${detail ? `: ${detail}` : ', empty'})`,
      response.status,
    );
  }
}

function oneLine(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}

/** The server's own words: an OGC ExceptionText, a JSON error message, or the start of text. */
function serverReason(body: string): string | null {
  const ogc = /<(?:\w+:)?ExceptionText>([\s\S]*?)<\/(?:\w+:)?ExceptionText>/.exec(body);
  if (ogc?.[1]) return oneLine(ogc[1], 160);
  try {
    const text = jsonMessage(JSON.parse(body));
    if (text) return oneLine(text, 160);
  } catch {
    // not JSON: fall through
  }
  if (/^\s*</.test(body)) return null; // an HTML error page says nothing useful on one line
  const flat = oneLine(body, 120);
  return flat === '' ? null : flat;
}

const NETWORK_CODES: Record<string, string> = {
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'name lookup failed',
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  ETIMEDOUT: 'connection timed out',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  UND_ERR_SOCKET: 'connection closed',
};

/** A network failure in words: timeout, refused, unknown host, reset. */
function networkReason(error: unknown, timeoutMs: number): string {
  const name = (error as { name?: string })?.name;
  if (name === 'TimeoutError' || name === 'AbortError') {
    return `no complete answer within ${Math.round(timeoutMs / 1000)} s (timeout)`;
  }
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
  const code = cause?.code;
  const detail =
    (code && NETWORK_CODES[code] ? `${NETWORK_CODES[code]}, ${code}` : code) ??
    cause?.message ??
    (error instanceof Error ? error.message : String(error));
  return `network error (${detail})`;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** `{"error": {"message": "…"}}`, OData's `{"odata.error": {"message": {"value": "…"}}}`. */
function jsonMessage(value: unknown): string | null {
  if (!isObject(value)) return null;
  const error = value.error ?? value['odata.error'];
  const message = isObject(error) ? error.message : value.message;
  if (typeof message === 'string') return message;
  if (isObject(message) && typeof message.value === 'string') return message.value;
  return null;
}
