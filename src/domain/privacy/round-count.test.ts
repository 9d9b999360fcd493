import { describe, expect, test } from 'vitest';
import { roundCount } from './round-count.js';

describe('roundCount', () => {
  test.each([
    [12, 10],
    [13, 15],
    [12.5, 15],
    [7.5, 10],
    [10, 10],
    [2, 0],
    [0, 0],
    [1234, 1235],
  ])('rounds %d to %d with a step of 5', (value, expected) => {
    expect(roundCount(value, 5)).toBe(expected);
  });

  test('a step of 0 or 1 leaves the value as it is', () => {
    expect(roundCount(12, 0)).toBe(12);
    expect(roundCount(12, 1)).toBe(12);
    expect(roundCount(12.4, 1)).toBe(12.4);
  });

  test('other steps work the same way', () => {
    expect(roundCount(14, 10)).toBe(10);
    expect(roundCount(15, 10)).toBe(20);
    expect(roundCount(4, 3)).toBe(3);
  });

  test('negative values do not crash and never give -0', () => {
    expect(roundCount(-12, 5)).toBe(-10);
    expect(roundCount(-12.5, 5)).toBe(-10);
    expect(Object.is(roundCount(-2, 5), 0)).toBe(true);
  });

  test('odd input passes through', () => {
    expect(roundCount(Number.NaN, 5)).toBeNaN();
    expect(roundCount(12, -5)).toBe(12);
  });
});
