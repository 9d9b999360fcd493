import { describe, expect, test } from 'vitest';
import { formatNumber, formatObservation } from './format-value.js';

describe('formatNumber', () => {
  test.each([
    [167670, 0, 'nl', '167.670'],
    [167670, 0, 'en', '167,670'],
    [0.1234, 3, 'nl', '0,123'],
    [-0.0001, 3, 'nl', '0,000'],
    [33.25, 1, 'nl', '33,3'],
  ] as const)('%d with %d decimals in %s is %s', (value, decimals, locale, expected) => {
    // Intl may use a narrow no-break space or other separators; compare plainly.
    expect(formatNumber(value, decimals, locale).replace(/\s/g, ' ')).toBe(expected);
  });
});

describe('formatObservation', () => {
  test('a missing or secret figure reads as words, never 0', () => {
    expect(formatObservation(null, 'secret', 0, 'nl')).toBe('geheim');
    expect(formatObservation(null, 'missing', 0, 'en')).toBe('missing');
    expect(formatObservation(null, 'not_applicable', 0, 'nl')).toBe('n.v.t.');
  });
  test('a provisional figure says so', () => {
    expect(formatObservation(12, 'provisional', 0, 'nl')).toBe('12 (voorlopig)');
  });
});
