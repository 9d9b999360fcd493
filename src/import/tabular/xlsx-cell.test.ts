import { describe, expect, test } from 'vitest';
import { cellText, NO_CACHED_RESULT, plainDecimal } from './xlsx-cell.js';

describe('cell text', () => {
  test.each([
    { n: 12.5, text: '12.5' },
    { n: -0, text: '0' },
    { n: 1e21, text: '1000000000000000000000' },
    { n: -1.5e-7, text: '-0.00000015' },
    { n: 123e-20, text: '0.00000000000000000123' },
    { n: 4.131519995884998, text: '4.131519995884998' },
  ])('plainDecimal($n) → $text', ({ n, text }) => {
    expect(plainDecimal(n)).toBe(text);
  });

  test.each([
    { value: null, text: '' },
    { value: '  GM0392 ', text: 'GM0392' },
    { value: { text: 'CBS', hyperlink: 'https://cbs.nl' }, text: 'CBS' },
    { value: { sharedFormula: 'B2', result: 7 }, text: '7' },
    { value: { formula: 'B2', result: '' }, text: '' },
    { value: { formula: 'B2' }, text: NO_CACHED_RESULT },
    { value: false, text: 'FALSE' },
  ])('cellText($value)', ({ value, text }) => {
    expect(cellText(value)).toBe(text);
  });
});
