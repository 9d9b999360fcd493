/**
 * One numeric cell of a CBS-style table, with the CBS symbols kept apart from numbers: a
 * suppressed or missing figure must never turn into 0 (domain.md §4.5).
 * - `secret`: "." — unknown, not reliable enough or confidential;
 * - `not_applicable`: blank — cannot occur for logical reasons;
 * - `missing`: no value for another reason (R's NA, PDOK sentinels ≤ −99990).
 */
export type Cell =
  | { kind: 'value'; value: number; provisional: boolean }
  | { kind: 'secret' }
  | { kind: 'missing' }
  | { kind: 'not_applicable' }
  | { kind: 'invalid'; reason: string };

/** Markers of "no value" that tools other than CBS write: R (NA, NaN). */
const MISSING = new Set(['na', 'nan']);

/** PDOK/KWB GIS editions store suppressed figures as −99997, −99995 and similar. */
const SENTINEL_LIMIT = -99990;

const EXPONENT = '(?:[eE][+-]?\\d+)?';
/** Point decimal: 12, 12.5, .5, 1e5, 1.5E-3. */
const POINT = new RegExp(`^(?:\\d+(?:\\.\\d*)?|\\.\\d+)${EXPONENT}$`);
/** Comma decimal: 12, 12,5, ,5, 1,5E+03 (what R and Excel write in a Dutch locale). */
const COMMA = new RegExp(`^(?:\\d+(?:,\\d*)?|,\\d+)${EXPONENT}$`);
/** Dutch thousands grouping with an optional comma fraction: 1.234 / 1.234.567,5. */
// A thousands group never starts with 0: "0.123" is a point decimal, not 123.
const GROUPED = /^[1-9]\d{0,2}(?:\.\d{3})+(?:,\d+)?$/;
/** Point groups alone (1.234, 1.234.567): thousands separators, or a point decimal when one. */
const DOTS_ONLY = /^[1-9]\d{0,2}(?:\.\d{3})+$/;

/** Sign and a trailing provisional mark stripped off, for shape tests. */
function bare(raw: string): string {
  return raw
    .trim()
    .replace(/\s*\*{1,2}$/, '')
    .replace(/^[+\-\u2212]/, '');
}

function invalid(reason: string): Cell {
  return { kind: 'invalid', reason };
}

function explain(text: string, decimal: '.' | ','): string {
  if (/^#[A-Z/0!?]+[!?]?$/i.test(text) && text.length <= 8) {
    return `"${text}" is a spreadsheet error value; fix the formula or leave the cell empty`;
  }
  if (decimal === '.' && /^[\d.,]+$/.test(text) && text.includes(',')) {
    return `"${text}" has a ',' but this column uses '.' as decimal separator (write 12.5, without thousands separators)`;
  }
  if (decimal === ',' && /^[\d.,]+$/.test(text) && text.includes('.')) {
    return `"${text}" has a '.' that is not a thousands separator (1.234.567,5) in a column with ',' as decimal separator`;
  }
  const example = decimal === '.' ? '12.5' : '12,5';
  return `"${text}" is not a number; expected a number such as ${example}, "." for a suppressed figure or an empty cell`;
}

/**
 * Parse one CBS-style numeric cell. Anything that is not clearly a number or a known symbol is
 * `invalid` with a reason a user can act on — never a guess, and never 0.
 *
 * @example
 * parseCbsNumber('1.234,5 *', ',') // → { kind: 'value', value: 1234.5, provisional: true }
 */
export function parseCbsNumber(
  raw: string,
  decimal: '.' | ',',
  options: { dash?: 'zero' | 'missing' } = {},
): Cell {
  let text = raw.trim();
  if (text === '') return { kind: 'not_applicable' };
  if (text === '.') return { kind: 'secret' };
  // CBS's standard symbols: "x" = geheim (confidential), "-" = nihil (zero). Outside CBS tables
  // a dash usually means "nothing filled in", so callers choose.
  if (text.toLowerCase() === 'x') return { kind: 'secret' };
  if (text === '-' || text === '\u2212') {
    return options.dash === 'zero'
      ? { kind: 'value', value: 0, provisional: false }
      : { kind: 'missing' };
  }
  if (MISSING.has(text.toLowerCase())) return { kind: 'missing' };

  // "*" = provisional, "**" = more provisional; both are simply provisional here. A mark without
  // a figure is a provisional figure that was not published, which is as good as suppressed.
  const mark = /\s*\*{1,2}$/.exec(text);
  const provisional = mark !== null;
  if (mark) text = text.slice(0, mark.index);
  if (text === '' || text === '.') return { kind: 'secret' };

  let sign = 1;
  // U+2212 is the typographic minus that Word and some PDFs-turned-tables use.
  if (/^[+\-\u2212]/.test(text)) {
    if (text[0] !== '+') sign = -1;
    text = text.slice(1);
  }

  let normalised: string | undefined;
  if (decimal === '.') {
    if (POINT.test(text)) normalised = text;
  } else if (COMMA.test(text)) {
    normalised = text.replace(',', '.');
  } else if (GROUPED.test(text)) {
    normalised = text.replaceAll('.', '').replace(',', '.');
  }
  if (normalised === undefined) return invalid(explain(raw.trim(), decimal));

  const value = sign * Number(normalised);
  if (!Number.isFinite(value)) return invalid(`"${raw.trim()}" is too large to be a number`);
  if (value <= SENTINEL_LIMIT) return { kind: 'missing' };
  // `+ 0` turns −0 into 0: "-0" and "0" are the same figure and should compare and print alike.
  return { kind: 'value', value: value + 0, provisional };
}

/**
 * The decimal separator of a column from its values: ',' when some value has a comma decimal
 * (or Dutch thousands groups like 1.234.567) and no value has a point decimal. "1.234" alone is
 * ambiguous and counts as '.', unless comma decimals appear in the same column — then it is a
 * thousand. Symbols and text are ignored.
 *
 * @example
 * detectDecimal(['12,5', '.', '1.234']) // → ','
 * detectDecimal(['12.5', '1.234']) // → '.'
 */
export function detectDecimal(values: readonly string[]): '.' | ',' {
  let comma = false;
  let point = false;
  for (const raw of values) {
    const text = bare(raw);
    if (text === '' || !/^[\d.,]/.test(text)) continue;
    if (DOTS_ONLY.test(text)) {
      // Two or more groups (1.234.567) cannot be a point decimal; one group (1.234) can be either.
      if (text.indexOf('.') !== text.lastIndexOf('.')) comma = true;
      continue;
    }
    if (text.includes(',') && (COMMA.test(text) || GROUPED.test(text))) comma = true;
    else if (text.includes('.') && POINT.test(text)) point = true;
  }
  return comma && !point ? ',' : '.';
}
