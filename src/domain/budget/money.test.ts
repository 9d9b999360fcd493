import { describe, expect, it } from 'vitest';
import { AppError } from '../shared/app-error.js';
import { createUniformStream } from '../ranking/random.js';
import {
  centsFromEuroNumber,
  divideRoundHalfAway,
  formatEuro,
  formatEuroNumber,
  formatGrouped,
  formatThousands,
  parseEuroCents,
  parseMoney,
  sumCents,
  thousandsOf,
} from './money.js';

const cents = (text: string): number => {
  const parsed = parseMoney(text);
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.cents;
};
const reason = (text: string): string => {
  const parsed = parseMoney(text);
  if (parsed.ok) throw new Error(`parsed ${text} as ${parsed.cents}`);
  return parsed.reason;
};

describe('parseMoney', () => {
  it('reads the examples of the brief', () => {
    expect(cents('1.234,56')).toBe(123456);
    expect(cents('1234.56')).toBe(123456);
    expect(cents('€ 1.234')).toBe(123400);
    expect(cents('-12,5')).toBe(-1250);
  });

  it('reads Dutch and English grouping with decimals', () => {
    expect(cents('1.234.567,89')).toBe(123456789);
    expect(cents('1,234,567.89')).toBe(123456789);
    expect(cents('1,234.5')).toBe(123450);
    expect(cents('1.234.567')).toBe(123456700);
    expect(cents('1,234,567')).toBe(123456700);
    // One separator followed by exactly three digits after 1–3 digits: thousands.
    expect(cents('1,234')).toBe(123400);
    expect(cents('999.000')).toBe(99900000);
  });

  it('reads plain numbers and one or two decimals either way', () => {
    expect(cents('0')).toBe(0);
    expect(cents('12')).toBe(1200);
    expect(cents('12,3')).toBe(1230);
    expect(cents('12.30')).toBe(1230);
    expect(cents('0,05')).toBe(5);
    expect(cents(',5')).toBe(50);
    expect(cents('1234')).toBe(123400);
    expect(cents('007,50')).toBe(750);
  });

  it('reads currency before or after, signs before or after the symbol', () => {
    expect(cents('€1.234,56')).toBe(123456);
    expect(cents('EUR 12,50')).toBe(1250);
    expect(cents('eur12')).toBe(1200);
    expect(cents('12,50 €')).toBe(1250);
    expect(cents('12,50 EUR')).toBe(1250);
    expect(cents('-€ 12,50')).toBe(-1250);
    expect(cents('€ -12,50')).toBe(-1250);
    expect(cents('− 12,50')).toBe(-1250); // typographic minus U+2212
    expect(cents('+12')).toBe(1200);
    expect(cents('\u00a0€\u00a01.234,56\u00a0')).toBe(123456); // no-break spaces
  });

  it('reads the Dutch whole-euro dash', () => {
    expect(cents('€ 12,-')).toBe(1200);
    expect(cents('1.250,--')).toBe(125000);
  });

  it('turns −0 into 0', () => {
    expect(Object.is(cents('-0,00'), 0)).toBe(true);
  });

  it('refuses text that is not an amount, saying what was expected', () => {
    expect(reason('twaalf')).toBe(
      '"twaalf" is not an amount; expected an amount in euros such as 1.234,56, 1234.56 or € 12,-',
    );
    expect(reason('')).toBe('the amount is empty');
    expect(reason('   ')).toBe('the amount is empty');
    expect(reason('€')).toMatch(/has no digits/);
    expect(reason('12,345,6')).toMatch(/misplaced ','/);
    expect(reason('1 234,56')).toMatch(/is not an amount/);
    expect(reason('1e5')).toMatch(/is not an amount/);
    expect(reason('12.')).toMatch(/is not an amount/);
    expect(reason('--12')).toMatch(/more than one sign/);
    expect(reason('€ 12 €')).toMatch(/currency twice/);
    expect(reason('1.23,45')).toMatch(/not thousands groups/);
    expect(reason('12,5.3')).toMatch(/not thousands groups/);
    expect(reason('(12)')).toMatch(/is not an amount/);
  });

  it('refuses more than two decimals instead of rounding', () => {
    expect(reason('0,125')).toMatch(/more than two decimals/);
    expect(reason('1234.567')).toMatch(/more than two decimals/);
    expect(reason('1.234,567')).toMatch(/more than two decimals/);
  });

  it('refuses amounts beyond exact integer cents', () => {
    expect(cents('90.071.992.547.409,91')).toBe(Number.MAX_SAFE_INTEGER);
    expect(reason('90.071.992.547.409,92')).toMatch(/too large/);
    expect(reason('123456789012345678')).toMatch(/too large/);
  });

  it('round-trips every formatted amount (seeded)', () => {
    const next = createUniformStream(11);
    for (let i = 0; i < 2000; i += 1) {
      const magnitude = 10 ** Math.floor(next() * 12);
      const value = Math.floor(next() * magnitude) * (next() < 0.3 ? -1 : 1) + 0;
      expect(cents(formatEuro(value))).toBe(value);
      expect(cents(formatEuroNumber(value))).toBe(value);
      // English style: 1,234.56
      const english = formatEuroNumber(value)
        .replaceAll('.', '#')
        .replace(',', '.')
        .replaceAll('#', ',');
      expect(cents(english)).toBe(value);
    }
  });
});

describe('parseEuroCents', () => {
  it('returns cents or throws validation_failed naming the field', () => {
    expect(parseEuroCents('€ 1.874.000')).toBe(187_400_000);
    try {
      parseEuroCents('veel', 'bedrag');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      const appError = error as AppError;
      expect(appError.code).toBe('validation_failed');
      expect(appError.message).toMatch(/^bedrag: "veel" is not an amount/);
      expect(appError.details).toMatchObject({ field: 'bedrag', issues: [{ field: 'bedrag' }] });
    }
  });
});

describe('centsFromEuroNumber', () => {
  it('absorbs float noise but refuses a third decimal', () => {
    expect(centsFromEuroNumber(0.1 + 0.2)).toBe(30);
    expect(centsFromEuroNumber(1234.5600000000002)).toBe(123456);
    expect(centsFromEuroNumber(-12.5)).toBe(-1250);
    expect(centsFromEuroNumber(12.345)).toBeNull();
    expect(centsFromEuroNumber(Number.NaN)).toBeNull();
    expect(centsFromEuroNumber(Infinity)).toBeNull();
    expect(Object.is(centsFromEuroNumber(-0), 0)).toBe(true);
  });
});

describe('divideRoundHalfAway', () => {
  it('rounds halves away from zero', () => {
    expect(divideRoundHalfAway(5, 2)).toBe(3);
    expect(divideRoundHalfAway(-5, 2)).toBe(-3);
    expect(divideRoundHalfAway(7, 2)).toBe(4);
    expect(divideRoundHalfAway(4, 3)).toBe(1);
    expect(divideRoundHalfAway(-4, 3)).toBe(-1);
    expect(divideRoundHalfAway(-1, 3)).toBe(0);
    expect(Object.is(divideRoundHalfAway(-1, 3), 0)).toBe(true);
    expect(divideRoundHalfAway(0, 7)).toBe(0);
  });

  it('is exact just below a half, where a float quotient would read a half', () => {
    // d = 2^33 + 1, n = 2^19·d + (d − 1)/2: n/d = 524288.5 − 1/(2d), just below the half, so
    // the answer is 524288. As a float, n/d is 524288.5 exactly (the gap is below one ulp),
    // and rounding that would give 524289.
    const d = 2 ** 33 + 1;
    const n = 2 ** 19 * d + (d - 1) / 2;
    expect(Number.isSafeInteger(n)).toBe(true);
    expect(n / d).toBe(524288.5);
    expect(divideRoundHalfAway(n, d)).toBe(524288);
    expect(divideRoundHalfAway(-n, d)).toBe(-524288);
  });

  it('matches a BigInt reference (seeded)', () => {
    const next = createUniformStream(12);
    for (let i = 0; i < 5000; i += 1) {
      const n = Math.floor((next() - 0.5) * 2 * Number.MAX_SAFE_INTEGER * next() ** 4);
      const d = 1 + Math.floor(next() * 10 ** Math.floor(next() * 15));
      const bn = BigInt(n);
      const bd = BigInt(d);
      const q = bn / bd; // truncates
      const r = bn % bd;
      const away = (r < 0n ? -r : r) * 2n >= bd ? (bn < 0n ? q - 1n : q + 1n) : q;
      expect(divideRoundHalfAway(n, d)).toBe(Number(away));
    }
  });

  it('refuses non-integers and non-positive divisors', () => {
    expect(() => divideRoundHalfAway(1.5, 2)).toThrow(AppError);
    expect(() => divideRoundHalfAway(1, 0)).toThrow(AppError);
    expect(() => divideRoundHalfAway(1, -2)).toThrow(AppError);
  });
});

describe('formatting', () => {
  it('formats euros the Dutch way', () => {
    expect(formatEuro(123456)).toBe('€ 1.234,56');
    expect(formatEuro(-1250)).toBe('€ -12,50');
    expect(formatEuro(5)).toBe('€ 0,05');
    expect(formatEuro(0)).toBe('€ 0,00');
    expect(formatEuro(100_000_000_00)).toBe('€ 100.000.000,00');
    expect(formatEuroNumber(12841)).toBe('128,41');
  });

  it('groups integers with points', () => {
    expect(formatGrouped(14594)).toBe('14.594');
    expect(formatGrouped(999)).toBe('999');
    expect(formatGrouped(1000)).toBe('1.000');
    expect(formatGrouped(-1874)).toBe('-1.874');
    expect(formatGrouped(0)).toBe('0');
  });

  it('rounds to thousands half away from zero, as an annual report', () => {
    expect(thousandsOf(187_400_000)).toBe(1874);
    expect(thousandsOf(187_449_999)).toBe(1874);
    expect(thousandsOf(187_450_000)).toBe(1875); // € 1.874.500,00 → 1.875
    expect(thousandsOf(50_000)).toBe(1); // € 500 → 1
    expect(thousandsOf(49_999)).toBe(0);
    expect(thousandsOf(-50_000)).toBe(-1);
    expect(thousandsOf(-49_999)).toBe(0);
    expect(formatThousands(187_400_000)).toBe('1.874');
    expect(formatThousands(1_234_567_890_00)).toBe('1.234.568');
    expect(formatThousands(-150_000)).toBe('-2');
  });
});

describe('sumCents', () => {
  it('adds exactly and refuses sums beyond the exact range', () => {
    expect(sumCents([1, 2, 3])).toBe(6);
    expect(sumCents([])).toBe(0);
    expect(() => sumCents([Number.MAX_SAFE_INTEGER, 1])).toThrow(AppError);
  });
});
