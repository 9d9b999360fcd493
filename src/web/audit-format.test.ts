import { describe, expect, test } from 'vitest';
import { compactDetails, fullDetails } from './audit-format.js';

describe('compactDetails', () => {
  test('pairs on one line; lists joined; objects as JSON; empty values left out', () => {
    expect(
      compactDetails({
        role: 'partner',
        scope: ['GM9901', 'GM9902'],
        change: { disabled: true },
        note: null,
        empty: '',
      }),
    ).toBe('role: partner · scope: GM9901, GM9902 · change: {"disabled":true}');
  });
  test('no details: nothing', () => {
    expect(compactDetails({})).toBe('');
  });
  test('long details are cut with an ellipsis at the limit', () => {
    const text = compactDetails(
      { indicators: Array.from({ length: 40 }, (_, i) => `ind_${i}`) },
      60,
    );
    expect(text).toHaveLength(60);
    expect(text.endsWith('…')).toBe(true);
  });
  test('the full text has every pair on its own line', () => {
    expect(fullDetails({ a: 1, b: ['x', 'y'] })).toBe('a: 1\nb: x, y');
  });
});
