/** GM1234 (gemeente) or WK123401 / WK0363AA (wijk): what a scope may hold, as the server checks. */
const SCOPE_CODE = /^(GM\d{4}|WK\d{4}[0-9A-Z]{2})$/;

export interface ParsedScope {
  /** Valid codes, upper case, each once, in the order typed. */
  codes: string[];
  /** What was typed that is not a gemeente or wijk code, as typed. */
  invalid: string[];
}

/**
 * The scope field as typed: codes separated by commas, semicolons or spaces, any case.
 * @example parseScopeCodes('gm9901, WK990201;xx') // { codes: ['GM9901', 'WK990201'], invalid: ['xx'] }
 */
export function parseScopeCodes(text: string): ParsedScope {
  const codes: string[] = [];
  const invalid: string[] = [];
  for (const part of text.split(/[\s,;]+/)) {
    if (!part) continue;
    const code = part.toUpperCase();
    if (!SCOPE_CODE.test(code)) invalid.push(part);
    else if (!codes.includes(code)) codes.push(code);
  }
  return { codes, invalid };
}

/** Codes as the scope field shows them. */
export const formatScopeCodes = (codes: readonly string[]): string => codes.join(', ');
