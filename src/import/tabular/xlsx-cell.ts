/**
 * Spreadsheet cell values as the strings a CSV export of the same data would hold, so the number
 * parser downstream sees one format whatever the file type.
 */

/**
 * A number as a plain decimal with '.', keeping every digit JavaScript's shortest round-trip
 * form has. `String(n)` switches to exponent form below 1e-6 and from 1e21, which the CBS number
 * parser would still accept but a user comparing with the sheet would not recognise.
 *
 * @example
 * plainDecimal(1e-7) // → '0.0000001'
 */
export function plainDecimal(n: number): string {
  if (n === 0) return '0'; // also −0
  const s = String(n);
  const e = s.indexOf('e');
  if (e === -1) return s;
  const negative = s.startsWith('-');
  const mantissa = s.slice(negative ? 1 : 0, e);
  const exponent = Number(s.slice(e + 1));
  const [whole = '', fraction = ''] = mantissa.split('.');
  const digits = whole + fraction;
  const point = whole.length + exponent; // where the decimal point falls within `digits`
  let out: string;
  if (point <= 0) out = `0.${'0'.repeat(-point)}${digits}`;
  else if (point >= digits.length) out = digits + '0'.repeat(point - digits.length);
  else out = `${digits.slice(0, point)}.${digits.slice(point)}`;
  return negative ? `-${out}` : out;
}

/**
 * A date cell as yyyy-mm-dd, or yyyy-mm-ddTHH:MM:SS when it has a time of day. exceljs builds
 * the Date from the serial number as if it were UTC, so the UTC fields are the sheet's fields.
 */
function isoDate(d: Date): string {
  const ms = d.getTime();
  if (Number.isNaN(ms)) return '';
  // Serial numbers are floating point; round away the sub-second noise they leave.
  const iso = new Date(Math.round(ms / 1000) * 1000).toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19);
}

/** Marker for a formula cell saved without its result: its value is unknown, not empty. */
export const NO_CACHED_RESULT = Symbol('no cached result');

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

/**
 * The text of one exceljs cell value: numbers as plain decimals, dates as ISO, formulas as their
 * cached result, rich text and hyperlinks as their visible text, error values as written
 * ("#N/A"), strings trimmed, empty as ''.
 *
 * @example
 * cellText({ formula: 'B2*2', result: 12.5 }) // → '12.5'
 */
export function cellText(value: unknown): string | typeof NO_CACHED_RESULT {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return plainDecimal(value);
  if (typeof value === 'string') return value.trim();
  // Excel shows and exports booleans in capitals.
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return isoDate(value);
  if (!isRecord(value)) return String(value).trim();
  if (Array.isArray(value.richText)) {
    return value.richText
      .map((run: unknown) => (isRecord(run) && typeof run.text === 'string' ? run.text : ''))
      .join('')
      .trim();
  }
  if ('formula' in value || 'sharedFormula' in value) {
    return value.result === undefined ? NO_CACHED_RESULT : cellText(value.result);
  }
  if (typeof value.error === 'string') return value.error;
  // A hyperlink's text may itself be rich text.
  if ('text' in value) return cellText(value.text);
  return '';
}
