import { ApiError } from './api-client.js';
import type { MessageKey } from './i18n/nl.js';

/** A server message as the interface says it: a text key with its values, or the text itself. */
export type Phrase = { key: MessageKey; vars?: Record<string, string | number> } | { text: string };

export interface FieldProblem {
  /** The request field the server named (email, scope, newPassword, …), or null. */
  field: string | null;
  phrase: Phrase;
}

// The server's validation messages are English sentences for developers ("field: problem");
// the ones a form can run into get a Dutch sentence of their own, the rest pass as they are.
const PATTERNS: Array<[RegExp, (m: RegExpMatchArray) => Phrase]> = [
  [
    /needs at least (\d+) characters/,
    (m) => ({ key: 'form.passwordTooShort', vars: { n: m[1]! } }),
  ],
  [/at most (\d+) characters/, (m) => ({ key: 'form.tooLong', vars: { n: m[1]! } })],
  [/name of the e-mail address/, () => ({ key: 'form.passwordContainsName' })],
  [/not your current password/, () => ({ key: 'form.wrongCurrentPassword' })],
  [/not an e-mail address/, () => ({ key: 'form.notEmail' })],
  [
    /^(.+) is not a gemeente or wijk code/,
    (m) => ({ key: 'form.notScopeCode', vars: { codes: m[1]! } }),
  ],
  [/give the gemeenten or wijken/, () => ({ key: 'form.scopeNeeded' })],
  [/no organisation with key/, () => ({ key: 'form.unknownOrganisation' })],
  [
    /An account for (.+) already exists/,
    (m) => ({ key: 'form.emailExists', vars: { email: m[1]! } }),
  ],
  [/At least one active administrator must remain/, () => ({ key: 'form.lastAdmin' })],
  [/^Too small/, () => ({ key: 'form.required' })],
];

/**
 * What a failed form submission should say, and next to which field: from the error's
 * `details.field` or the "field: …" prefix the server puts before validation messages.
 * @example problemOf(new ApiError(400, 'validation_failed', 'scope: XX1 is not a gemeente or wijk code', { field: 'scope' }))
 *   // { field: 'scope', phrase: { key: 'form.notScopeCode', vars: { codes: 'XX1' } } }
 */
export function problemOf(error: Error): FieldProblem {
  if (!(error instanceof ApiError)) return { field: null, phrase: { text: error.message } };
  if (error.code === 'network') return { field: null, phrase: { key: 'error.network' } };
  if (error.code === 'forbidden') return { field: null, phrase: { key: 'error.forbidden' } };
  if (error.code === 'csrf_failed') return { field: null, phrase: { key: 'error.csrf' } };
  if (error.status >= 500) return { field: null, phrase: { key: 'error.server' } };
  const prefixed = /^([A-Za-z][\w.]*): (.*)$/s.exec(error.message);
  const field =
    typeof error.details.field === 'string' ? error.details.field : (prefixed?.[1] ?? null);
  const rest = prefixed?.[2] ?? error.message;
  for (const [pattern, phrase] of PATTERNS) {
    const match = rest.match(pattern) ?? error.message.match(pattern);
    if (match) return { field, phrase: phrase(match) };
  }
  return { field, phrase: { text: rest } };
}
