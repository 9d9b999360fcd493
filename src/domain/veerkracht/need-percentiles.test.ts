import { expect, test } from 'vitest';
import { needPercentiles } from './need-percentiles.js';
import { mean, populationStandardDeviation } from './statistics.js';

test('need percentiles run from 0 (least need) to 1 (most need)', () => {
  const result = needPercentiles(
    new Map([
      ['a', 30],
      ['b', 10],
      ['c', 20],
    ]),
  );
  expect(Object.fromEntries(result)).toEqual({ a: 1, b: 0, c: 0.5 });
});

test('ties take the lowest rank', () => {
  const result = needPercentiles(
    new Map([
      ['a', 5],
      ['b', 1],
      ['c', 5],
      ['d', 9],
    ]),
  );
  // Ranks 1, 2, 2, 4 of 4: (rank − 1) / 3.
  expect(Object.fromEntries(result)).toEqual({ a: 1 / 3, b: 0, c: 1 / 3, d: 1 });
});

test('fewer than two areas give no percentile', () => {
  expect(needPercentiles(new Map()).size).toBe(0);
  expect(needPercentiles(new Map([['a', 3]])).size).toBe(0);
});

test('mean and population standard deviation', () => {
  expect(mean([])).toBeNull();
  expect(mean([1, 2, 6])).toBe(3);
  expect(populationStandardDeviation([0, 0, 20, 20])).toBe(10);
  expect(populationStandardDeviation([2, 4, 4, 4, 5, 5, 7, 9])).toBe(2);
  expect(populationStandardDeviation([5])).toBeNull();
  expect(populationStandardDeviation([5, 5, 5])).toBeNull();
});
