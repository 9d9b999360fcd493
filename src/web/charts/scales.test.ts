import { describe, expect, test } from 'vitest';
import { linearScale, linePath, niceTicks } from './scales.js';

describe('linearScale', () => {
  test('maps the ends of the domain to the ends of the range, inverted axes too', () => {
    const y = linearScale([0, 10], [100, 0]);
    expect(y(0)).toBe(100);
    expect(y(10)).toBe(0);
    expect(y(5)).toBe(50);
  });
  test('a flat domain maps to the middle', () => {
    expect(linearScale([3, 3], [0, 100])(3)).toBe(50);
  });
});

describe('niceTicks', () => {
  test.each([
    [0.3, 9.6, 4, [0, 2.5, 5, 7.5, 10]],
    [-0.21, 0.13, 4, [-0.3, -0.2, -0.1, 0, 0.1, 0.2]],
    [12, 68, 4, [0, 20, 40, 60, 80]],
  ])('%d..%d in about %d ticks', (min, max, count, expected) => {
    expect(niceTicks(min, max, count)).toEqual(expected);
  });
  test('covers the data and a single value gets a range around it', () => {
    const ticks = niceTicks(5, 5, 4);
    expect(ticks[0]).toBeLessThan(5);
    expect(ticks[ticks.length - 1]).toBeGreaterThan(5);
  });
});

describe('linePath', () => {
  test('missing values break the line instead of dropping to zero', () => {
    expect(
      linePath([
        { x: 0, y: 1 },
        { x: 1, y: 2 },
        { x: 2, y: null },
        { x: 3, y: 3 },
      ]),
    ).toBe('M0,1L1,2M3,3');
  });
});
