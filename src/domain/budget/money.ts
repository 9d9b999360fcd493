import { AppError } from '../shared/app-error.js';

/**
 * Money in the budget module: always integer CENTS in a JavaScript number, never floating-point
 * euros. 0.1 + 0.2 euro is not 0.3 euro in floating point, and a budget that is off by a cent
 * against the ledger is a budget the controller cannot sign. Integers up to 2^53 (about
 * 90 trillion euro in cents) add, subtract and compare exactly; every division (a share, an
 * amount per dwelling, thousands for the annual report) is done here with an explicit rounding
 * rule, so no stray float ever becomes an amount.
 *
 * Parsing accepts how people write amounts in Dutch and English spreadsheets and refuses what
 * it cannot read unambiguously — an amount is never guessed:
 * - optional currency: `€` or `EUR` before or after the number, with or without a space;
 * - optional sign `+`, `-` or the typographic minus `−`, before or after the currency symbol;
 * - `,` or `.` as the decimal separator, the other one as thousands separator:
 *   "1.234,56" (Dutch), "1,234.56" (English), "1234.56", "1234,56", "-12,5";
 * - a single separator followed by exactly three digits after 1–3 leading digits is a
 *   thousands separator: "€ 1.234" is 1,234 euro and so is "1,234" — three decimals are
 *   not an amount in whole cents, so that reading is the only sensible one;
 * - the Dutch "whole euros" dash: "€ 12,-" or "12,--";
 * - at most two decimals: "12,345" with a leading zero or four leading digits ("0,125",
 *   "1234.567") is refused rather than rounded, since it is either a typo or a unit price.
 */

/** The largest amount in cents that integer arithmetic handles exactly. */
export const MAX_CENTS = Number.MAX_SAFE_INTEGER;

export type MoneyParse = { ok: true; cents: number } | { ok: false; reason: string };

const EXAMPLES = 'an amount in euros such as 1.234,56, 1234.56 or € 12,-';

/** Dutch/English thousands groups: 1–3 leading digits (not a leading 0), then groups of 3. */
const GROUPS_DOT = /^[1-9]\d{0,2}(?:\.\d{3})+$/;
const GROUPS_COMMA = /^[1-9]\d{0,2}(?:,\d{3})+$/;

/**
 * Reads an amount in euros from text, to cents. Never throws.
 * @example parseMoney('€ 1.234,56') // { ok: true, cents: 123456 }
 * @example parseMoney('-12,5') // { ok: true, cents: -1250 }
 * @example parseMoney('twaalf') // { ok: false, reason: '"twaalf" is not an amount; …' }
 */
export function parseMoney(raw: string): MoneyParse {
  const original = raw.trim();
  if (original === '') return { ok: false, reason: 'the amount is empty' };
  const fail = (why: string): MoneyParse => ({ ok: false, reason: `"${original}" ${why}` });

  // Normalise spaces (no-break and narrow no-break spaces come from Intl and Excel).
  let text = original.replace(/[\u00a0\u202f\u2009]/g, ' ');
  let negative = false;
  let signs = 0;
  const takeSign = (): void => {
    const match = /^([+\-\u2212])\s*/.exec(text);
    if (!match) return;
    signs += 1;
    if (match[1] !== '+') negative = true;
    text = text.slice(match[0].length);
  };
  const takeCurrency = (): boolean => {
    const match = /^(?:€|eur)\s*/i.exec(text);
    if (!match) return false;
    text = text.slice(match[0].length);
    return true;
  };
  takeSign();
  const leadingCurrency = takeCurrency();
  takeSign();
  const trailing = /\s*(?:€|eur)$/i.exec(text);
  if (trailing) {
    if (leadingCurrency) return fail('names the currency twice; ' + `expected ${EXAMPLES}`);
    text = text.slice(0, trailing.index);
  }
  if (signs > 1) return fail(`has more than one sign; expected ${EXAMPLES}`);
  text = text.trim();
  // "12,-" / "12,--" / "12.-": whole euros, the way Dutch price tags write them.
  text = text.replace(/[,.]-{1,2}$/, '');

  if (text === '') return fail(`has no digits; expected ${EXAMPLES}`);
  if (!/^[\d.,]+$/.test(text)) return fail(`is not an amount; expected ${EXAMPLES}`);

  const lastDot = text.lastIndexOf('.');
  const lastComma = text.lastIndexOf(',');
  let whole: string;
  let fraction = '';
  if (lastDot === -1 && lastComma === -1) {
    whole = text;
  } else if (lastDot !== -1 && lastComma !== -1) {
    const decimalAt = Math.max(lastDot, lastComma);
    const grouped = text.slice(0, decimalAt);
    const groups = lastDot > lastComma ? GROUPS_COMMA : GROUPS_DOT;
    if (!groups.test(grouped)) {
      return fail(
        `mixes ',' and '.' in a way that is not thousands groups plus decimals; expected ${EXAMPLES}`,
      );
    }
    whole = grouped.replace(/[.,]/g, '');
    fraction = text.slice(decimalAt + 1);
  } else {
    const separator = lastDot !== -1 ? '.' : ',';
    const parts = text.split(separator);
    if (parts.length > 2) {
      // Only thousands groups repeat: 1.234.567 or 1,234,567.
      if (!(separator === '.' ? GROUPS_DOT : GROUPS_COMMA).test(text)) {
        return fail(`has misplaced '${separator}' separators; expected ${EXAMPLES}`);
      }
      whole = parts.join('');
    } else {
      const [before = '', after = ''] = parts;
      if (/^[1-9]\d{0,2}$/.test(before) && /^\d{3}$/.test(after)) {
        whole = before + after; // "1.234" / "1,234": a thousands separator
      } else {
        whole = before;
        fraction = after;
      }
    }
  }
  if (fraction.length > 2 || /[.,]/.test(fraction)) {
    return fail('has more than two decimals; an amount is in whole cents (e.g. 12,35)');
  }
  if (whole === '' && fraction === '') return fail(`has no digits; expected ${EXAMPLES}`);
  if (!/^\d*$/.test(whole) || !/^\d*$/.test(fraction) || (fraction === '' && /[.,]$/.test(text))) {
    return fail(`is not an amount; expected ${EXAMPLES}`);
  }
  const digits = `${whole}${fraction.padEnd(2, '0')}`.replace(/^0+(?=\d)/, '');
  if (digits.length > 16 || Number(digits) > MAX_CENTS) return fail('is too large an amount');
  const cents = Number(digits);
  // `+ 0` turns −0 into 0: "-0,00" is no amount at all, not a negative one.
  return { ok: true, cents: (negative ? -cents : cents) + 0 };
}

/**
 * Reads an amount in euros from text, to cents; throws `AppError('validation_failed')` with
 * `details: { field, issues }` for text that is not an amount.
 * @example parseEuroCents('1.234,56') // 123456
 */
export function parseEuroCents(raw: string, field = 'amount'): number {
  const parsed = parseMoney(raw);
  if (parsed.ok) return parsed.cents;
  throw new AppError('validation_failed', `${field}: ${parsed.reason}`, {
    field,
    issues: [{ field, message: parsed.reason }],
  });
}

/**
 * Cents from a number of euros that came from a spreadsheet cell as a binary float (1234.56
 * is really 1234.5599999999999); null unless it is within a millionth of a cent of a whole
 * cent, so 12.345 stays refused while float noise is absorbed.
 * @example centsFromEuroNumber(0.1 + 0.2) // 30
 */
export function centsFromEuroNumber(euros: number): number | null {
  if (!Number.isFinite(euros)) return null;
  const scaled = euros * 100;
  const cents = Math.round(scaled);
  if (!Number.isSafeInteger(cents)) return null;
  if (Math.abs(scaled - cents) > 1e-6 * Math.max(1, Math.abs(scaled) / 1e8)) return null;
  return cents + 0;
}

/**
 * `numerator / denominator` for integers, rounded half away from zero — the rule of annual
 * reports (2.5 → 3, −2.5 → −3). Exact for safe integers: the quotient comes from the exact
 * remainder, not from a float division that can round across an integer.
 * @example divideRoundHalfAway(-5, 2) // -3
 */
export function divideRoundHalfAway(numerator: number, denominator: number): number {
  if (!Number.isSafeInteger(numerator) || !Number.isSafeInteger(denominator) || denominator <= 0) {
    throw new AppError(
      'validation_failed',
      `division: needs whole numbers and a positive divisor (got ${numerator} / ${denominator})`,
      { field: 'division', issues: [{ field: 'division', message: 'not whole numbers' }] },
    );
  }
  const remainder = numerator % denominator; // exact, sign of the numerator
  const quotient = (numerator - remainder) / denominator; // exact: divisible
  if (Math.abs(remainder) * 2 >= denominator) return quotient + Math.sign(numerator) + 0;
  return quotient + 0;
}

/**
 * An integer with Dutch thousands points: 14594 → "14.594", −1874 → "-1.874".
 * @example formatGrouped(1234567) // '1.234.567'
 */
export function formatGrouped(value: number): string {
  const sign = value < 0 ? '-' : '';
  const digits = String(Math.abs(value));
  return sign + digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/**
 * Cents as a Dutch decimal number of euros without the currency symbol: "1.234,56".
 * @example formatEuroNumber(12841) // '128,41'
 */
export function formatEuroNumber(cents: number): string {
  const abs = Math.abs(cents);
  const euros = Math.floor(abs / 100);
  const rest = abs - euros * 100;
  const sign = cents < 0 ? '-' : '';
  return `${sign}${formatGrouped(euros)},${String(rest).padStart(2, '0')}`;
}

/**
 * Cents as a Dutch amount: "€ 1.234,56", negative "€ -1.234,56" (the order nl-NL uses). A
 * plain space follows the symbol so the text survives any export unchanged.
 * @example formatEuro(-1250) // '€ -12,50'
 */
export function formatEuro(cents: number): string {
  return `€ ${formatEuroNumber(cents)}`;
}

/**
 * Cents as whole thousands of euros, rounded half away from zero (the "× € 1.000" of an
 * annual report): 187_400_000 cents → 1874; 50_000 cents (€ 500) → 1; −50_000 → −1.
 * @example thousandsOf(187_449_999) // 1874
 */
export function thousandsOf(cents: number): number {
  return divideRoundHalfAway(cents, 100_000);
}

/**
 * Cents as thousands of euros in Dutch, as an annual report prints them: "1.874".
 * @example formatThousands(187_400_000) // '1.874'
 */
export function formatThousands(cents: number): string {
  return formatGrouped(thousandsOf(cents));
}

/** Sum of amounts in cents; throws when the sum leaves the exact integer range. */
export function sumCents(values: Iterable<number>): number {
  let sum = 0;
  for (const value of values) sum += value;
  if (!Number.isSafeInteger(sum)) {
    throw new AppError('validation_failed', 'amounts: the sum is too large to be exact', {
      field: 'amounts',
      issues: [{ field: 'amounts', message: 'the sum is too large to be exact' }],
    });
  }
  return sum;
}
