import { describe, expect, it } from 'vitest';
import { booleanOf, cellOf, decimalOf, quote, textOf, wholeNumberOf } from './row-cells.js';

describe('cellOf', () => {
  it('finds the first alias with a value, case-insensitively, and names the column as written', () => {
    const row = { Bedrag: '', AMOUNT: ' 12,50 ', other: 'x' };
    expect(cellOf(row, ['bedrag', 'amount'])).toEqual({
      column: 'AMOUNT',
      text: '12,50',
      raw: ' 12,50 ',
    });
  });

  it('falls back to an empty column the row has, then to the first alias', () => {
    expect(cellOf({ Bedrag: '  ' }, ['amount', 'bedrag'])).toEqual({
      column: 'Bedrag',
      text: null,
      raw: '  ',
    });
    expect(cellOf(new Map(), ['bedrag', 'amount'])).toEqual({
      column: 'bedrag',
      text: null,
      raw: undefined,
    });
  });
});

describe('cell conversions', () => {
  it('turns values into trimmed text', () => {
    expect(textOf(null)).toBeNull();
    expect(textOf(undefined)).toBeNull();
    expect(textOf('  ')).toBeNull();
    expect(textOf(12.5)).toBe('12.5');
    expect(textOf(Number.NaN)).toBeNull();
    expect(textOf(new Date(Date.UTC(2025, 0, 31)))).toBe('2025-01-31');
    expect(textOf(new Date(Number.NaN))).toBeNull();
    expect(textOf(true)).toBe('true');
  });

  it('reads whole numbers from digits only', () => {
    const whole = (raw: unknown) => wholeNumberOf({ column: 'c', text: textOf(raw), raw });
    expect(whole('12')).toBe(12);
    expect(whole('+7')).toBe(7);
    expect(whole(40)).toBe(40);
    expect(whole('1.234')).toBeNull();
    expect(whole('12.0')).toBeNull();
    expect(whole(12.5)).toBeNull();
    expect(whole('-3')).toBeNull();
    expect(whole('')).toBeNull();
  });

  it('reads decimals with a point or a comma, without thousands separators', () => {
    const decimal = (raw: unknown) => decimalOf({ column: 'c', text: textOf(raw), raw });
    expect(decimal('52.37')).toBe(52.37);
    expect(decimal('52,37')).toBe(52.37);
    expect(decimal('-4')).toBe(-4);
    expect(decimal(4.9)).toBe(4.9);
    expect(decimal('1.234,5')).toBeNull();
    expect(decimal('abc')).toBeNull();
    expect(decimal(Infinity)).toBeNull();
  });

  it('reads yes and no in Dutch and English', () => {
    expect(['ja', 'J', 'yes', 'Y', 'true', 'waar', '1'].map(booleanOf)).toEqual(
      Array(7).fill(true),
    );
    expect(['nee', 'N', 'no', 'n', 'false', 'onwaar', '0'].map(booleanOf)).toEqual(
      Array(7).fill(false),
    );
    expect(booleanOf('misschien')).toBeNull();
  });

  it('quotes text for messages, shortened when long', () => {
    expect(quote('abc')).toBe('"abc"');
    expect(quote('x'.repeat(100))).toBe(`"${'x'.repeat(57)}…"`);
  });
});
