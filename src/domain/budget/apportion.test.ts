import { describe, expect, it } from 'vitest';
import { AppError } from '../shared/app-error.js';
import { createUniformStream } from '../ranking/random.js';
import { apportion, type Claim } from './apportion.js';

const claim = (key: string, weight: number, bounds: Partial<Claim> = {}): Claim => ({
  key,
  weight,
  ...bounds,
});

describe('apportion (largest remainder)', () => {
  it('gives the leftover cent to the largest remainder', () => {
    // 1000 × 1/6 = 166.67, × 2/6 = 333.33, × 3/6 = 500: floors 166 + 333 + 500 = 999; the one
    // cent left goes to the largest remainder, 0.67 (key a).
    expect(apportion(1000, [claim('a', 1), claim('b', 2), claim('c', 3)]).cents).toEqual([
      167, 333, 500,
    ]);
  });

  it('breaks exact ties by key, whatever the order of the claims', () => {
    // 100 / 3 = 33⅓ each: remainders tie exactly (BigInt path), so the smallest key gets it.
    expect(apportion(100, [claim('b', 1), claim('a', 1), claim('c', 1)]).cents).toEqual([
      33, 34, 33,
    ]);
    // 200 / 3 = 66⅔ each: two cents left, to a and b.
    expect(apportion(200, [claim('c', 7), claim('b', 7), claim('a', 7)]).cents).toEqual([
      66, 67, 67,
    ]);
  });

  it('keeps the exact shares for showing the arithmetic', () => {
    const { exact } = apportion(1000, [claim('a', 1), claim('b', 2), claim('c', 3)]);
    expect(exact[0]).toBeCloseTo(166.6667, 4);
    expect(exact[1]).toBeCloseTo(333.3333, 4);
    expect(exact[2]).toBe(500);
  });

  it('handles fractional weights in floating point with ties by key', () => {
    // 0.1 and 0.2 as weights of 3 cents: 1 and 2 exactly in real numbers.
    expect(apportion(3, [claim('a', 0.1), claim('b', 0.2)]).cents).toEqual([1, 2]);
    // 1.5 : 1.5 over 3 cents: a tie at .5, to a.
    expect(apportion(3, [claim('b', 1.5), claim('a', 1.5)]).cents).toEqual([1, 2]);
  });

  it('gives nothing to a zero weight and all of a zero total', () => {
    expect(apportion(10, [claim('a', 0), claim('b', 1)]).cents).toEqual([0, 10]);
    expect(apportion(0, [claim('a', 0), claim('b', 0)]).cents).toEqual([0, 0]);
    expect(apportion(0, []).cents).toEqual([]);
  });

  it('respects bounds: a cent that would pass a max goes to the next in line', () => {
    // 100 / 3: a would get the extra cent, but its max is 33.
    expect(
      apportion(100, [claim('a', 1, { max: 33 }), claim('b', 1), claim('c', 1)]).cents,
    ).toEqual([33, 34, 33]);
    // A min above the share is met, and the cents come back from the smallest remainders.
    expect(
      apportion(100, [claim('a', 1, { min: 40 }), claim('b', 1), claim('c', 1)]).cents,
    ).toEqual([40, 30, 30]);
  });

  it('refuses what cannot be divided', () => {
    expect(() => apportion(10, [claim('a', 0)])).toThrow(AppError);
    expect(() => apportion(10, [])).toThrow(AppError);
    expect(() => apportion(-1, [claim('a', 1)])).toThrow(AppError);
    expect(() => apportion(1.5, [claim('a', 1)])).toThrow(AppError);
    expect(() => apportion(10, [claim('a', -1), claim('b', 2)])).toThrow(AppError);
    expect(() => apportion(10, [claim('a', Number.NaN)])).toThrow(AppError);
    expect(() => apportion(10, [claim('a', 1, { max: 4 }), claim('b', 1, { max: 5 })])).toThrow(
      AppError,
    );
  });

  describe('properties (seeded)', () => {
    const cases = (seed: number, integer: boolean) => {
      const next = createUniformStream(seed);
      return Array.from({ length: 400 }, () => {
        const n = 1 + Math.floor(next() * 12);
        const total = Math.floor(next() * 10 ** (1 + Math.floor(next() * 9)));
        const claims = Array.from({ length: n }, (_, i) => {
          const raw = next() < 0.15 ? 0 : next() * 1000;
          return claim(`k${String(i).padStart(2, '0')}`, integer ? Math.round(raw) : raw);
        });
        if (claims.every((c) => c.weight === 0)) claims[0]!.weight = 1;
        return { total, claims };
      });
    };

    it.each([
      ['whole-number weights', 1, true],
      ['fractional weights', 2, false],
    ] as const)('%s: sums exactly, each within a cent of its share', (_, seed, integer) => {
      for (const { total, claims } of cases(seed, integer)) {
        const { cents, exact } = apportion(total, claims);
        expect(cents.reduce((a, b) => a + b, 0)).toBe(total);
        cents.forEach((value, i) => {
          expect(Number.isSafeInteger(value)).toBe(true);
          expect(value).toBeGreaterThanOrEqual(0);
          // floor(exact) or floor(exact) + 1 (a float share can sit a hair below an integer).
          expect(Math.abs(value - exact[i]!)).toBeLessThan(1 + 1e-6);
          if (claims[i]!.weight === 0) expect(value).toBe(0);
        });
      }
    });

    it('does not depend on the order of the claims', () => {
      const next = createUniformStream(3);
      for (const { total, claims } of cases(4, true)) {
        const shuffled = [...claims].sort(() => next() - 0.5);
        const byKey = (list: Claim[], cents: number[]) =>
          Object.fromEntries(list.map((c, i) => [c.key, cents[i]]));
        expect(byKey(shuffled, apportion(total, shuffled).cents)).toEqual(
          byKey(claims, apportion(total, claims).cents),
        );
      }
    });

    it('gives equal claims equal cents up to one, the extra to the smaller keys', () => {
      const next = createUniformStream(5);
      for (let t = 0; t < 300; t += 1) {
        const n = 2 + Math.floor(next() * 9);
        const total = Math.floor(next() * 100_000);
        const claims = Array.from({ length: n }, (_, i) => claim(`k${i}`, 7));
        const { cents } = apportion(total, claims);
        const base = Math.floor(total / n);
        const extra = total - base * n;
        expect(cents).toEqual(claims.map((_, i) => base + (i < extra ? 1 : 0)));
      }
    });
  });
});
