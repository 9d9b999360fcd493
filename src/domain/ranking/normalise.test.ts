import { describe, expect, it } from 'vitest';
import {
  imdTransform,
  lowerBound,
  minmaxNeeds,
  percentileNeeds,
  standardNormalCdf,
  upperBound,
  zscoreNeeds,
} from './normalise.js';
import { createUniformStream } from './random.js';

const f64 = (...values: number[]) => Float64Array.of(...values);
const list = (values: Float64Array) => [...values];

describe('percentileNeeds (SVI: (rank − 1)/(N − 1), ties at the lowest rank)', () => {
  it('gives the share of the other areas with strictly less need', () => {
    // Sorted 10, 20, 20, 40: ranks 1, 2, 2, 4 → (rank − 1)/3.
    expect(list(percentileNeeds(f64(10, 20, 20, 40)))).toEqual([0, 1 / 3, 1 / 3, 1]);
  });

  it('does not depend on the input order', () => {
    // 40 → 4 lower of 5 → 1; 20 (twice) → 1 lower → 0.25; 10 → 0; 30 → 3 lower → 0.75.
    expect(list(percentileNeeds(f64(40, 20, 10, 30, 20)))).toEqual([1, 0.25, 0, 0.75, 0.25]);
  });

  it('handles negative values and a mix of −0 and 0 as one value', () => {
    expect(list(percentileNeeds(f64(-3, -1, -2)))).toEqual([0, 1, 0.5]);
    expect(list(percentileNeeds(f64(-0, 0, 1)))).toEqual([0, 0, 1]);
  });

  it('gives 0 to all-equal values, 0.5 to a single value, nothing to none', () => {
    expect(list(percentileNeeds(f64(7, 7, 7)))).toEqual([0, 0, 0]);
    expect(list(percentileNeeds(f64(42)))).toEqual([0.5]);
    expect(percentileNeeds(f64()).length).toBe(0);
  });

  it('gives 1 to the neediest area and 0 to the least needy', () => {
    const next = createUniformStream(5);
    const values = Float64Array.from({ length: 50 }, () => next());
    const needs = percentileNeeds(values);
    const maxAt = values.indexOf(Math.max(...values));
    const minAt = values.indexOf(Math.min(...values));
    expect(needs[maxAt]).toBe(1);
    expect(needs[minAt]).toBe(0);
  });
});

// Many random cases: a generous timeout for loaded CI machines (each runs in about a second).
describe('zscoreNeeds (Φ of the population z-score)', { timeout: 30_000 }, () => {
  it('matches a hand computation', () => {
    // 2, 4, 4, 4, 5, 5, 7, 9: mean 40/8 = 5; squared deviations 9+1+1+1+0+0+4+16 = 32,
    // population sd √(32/8) = 2. z = −1.5, −0.5, −0.5, −0.5, 0, 0, 1, 2.
    // Φ from tables: Φ(−1.5) = 0.0668072012688581, Φ(−0.5) = 0.3085375387259869,
    // Φ(0) = 0.5, Φ(1) = 0.8413447460685429, Φ(2) = 0.9772498680518208.
    const needs = zscoreNeeds(f64(2, 4, 4, 4, 5, 5, 7, 9));
    const expected = [
      0.0668072012688581, 0.3085375387259869, 0.3085375387259869, 0.3085375387259869, 0.5, 0.5,
      0.8413447460685429, 0.9772498680518208,
    ];
    expected.forEach((value, j) => expect(needs[j]).toBeCloseTo(value, 14));
  });

  it('matches the documented example (1, 2, 3)', () => {
    // mean 2, sd √(2/3), z = ∓1.2247448713915890: Φ(−1.22474…) = 0.11033568095992344.
    const needs = zscoreNeeds(f64(1, 2, 3));
    expect(needs[0]).toBeCloseTo(0.11033568095992344, 14);
    expect(needs[1]).toBe(0.5);
    expect(needs[2]).toBeCloseTo(1 - 0.11033568095992344, 14);
  });

  it('gives 0.5 to every area when there is no spread', () => {
    expect(list(zscoreNeeds(f64(5, 5)))).toEqual([0.5, 0.5]);
    expect(list(zscoreNeeds(f64(3)))).toEqual([0.5]);
    expect(zscoreNeeds(f64()).length).toBe(0);
    // The mean of three times 0.1 is 0.10000000000000002 in floating point: the values are
    // still equal, and must get 0.5, not Φ(−1) (this was a bug).
    expect(list(zscoreNeeds(f64(0.1, 0.1, 0.1)))).toEqual([0.5, 0.5, 0.5]);
    expect(list(zscoreNeeds(f64(1 / 3, 1 / 3, 1 / 3, 1 / 3, 1 / 3)))).toEqual([
      0.5, 0.5, 0.5, 0.5, 0.5,
    ]);
  });

  it('does not depend on the unit, also for values that would overflow the squares', () => {
    const base = zscoreNeeds(f64(1, 2, 3, 10));
    const scaled = zscoreNeeds(f64(1e300, 2e300, 3e300, 10e300));
    base.forEach((value, j) => expect(scaled[j]).toBeCloseTo(value, 12));
    // 1e308 + 1.5e308 overflows a plain sum: z = −1 and 1.
    const huge = zscoreNeeds(f64(1e308, 1.5e308));
    expect(huge[0]).toBeCloseTo(0.15865525393145707, 14);
    expect(huge[1]).toBeCloseTo(0.8413447460685429, 14);
  });

  it('keeps the order of the values, also for outliers far in the tails', () => {
    const next = createUniformStream(8);
    let tails = 0;
    for (let c = 0; c < 40; c += 1) {
      // 1,000 values in [0, 1) and 10 outliers at ±(30…100): z-scores out to about ±10.
      const values = Float64Array.from({ length: 1010 }, (_, j) =>
        j < 1000 ? next() : (next() < 0.5 ? -1 : 1) * (30 + 70 * next()),
      );
      const needs = zscoreNeeds(values);
      const order = [...values.keys()].sort((j, k) => values[j]! - values[k]!);
      for (let p = 1; p < order.length; p += 1) {
        const [j, k] = [order[p - 1]!, order[p]!];
        if (needs[j]! > needs[k]!) expect.fail(`value ${values[j]} < ${values[k]}, need reversed`);
      }
      tails += needs.filter((need) => need < 1e-9 || (need > 1 - 1e-9 && need < 1)).length;
    }
    expect(tails).toBeGreaterThan(0);
  });
});

describe('minmaxNeeds ((x − min)/(max − min))', () => {
  it('matches a hand computation', () => {
    // min 2, max 10, span 8: (2−2)/8, (4−2)/8, (10−2)/8.
    expect(list(minmaxNeeds(f64(2, 4, 10)))).toEqual([0, 0.25, 1]);
    // min −4, max 4, span 8.
    expect(list(minmaxNeeds(f64(4, -4, 0, 2)))).toEqual([1, 0, 0.5, 0.75]);
  });

  it('gives 0.5 without spread and nothing to none', () => {
    expect(list(minmaxNeeds(f64(3, 3)))).toEqual([0.5, 0.5]);
    expect(list(minmaxNeeds(f64(3)))).toEqual([0.5]);
    expect(minmaxNeeds(f64()).length).toBe(0);
  });

  it('survives a span that overflows', () => {
    // max − min = 2e308 is Infinity in floating point.
    expect(list(minmaxNeeds(f64(-1e308, 0, 1e308)))).toEqual([0, 0.5, 1]);
  });
});

describe('imdTransform (X = −23·ln(1 − R·(1 − e^(−100/23))))', () => {
  // c = 1 − e^(−100/23) = 1 − e^(−4.347826…) = 1 − 0.0129349… = 0.9870650986110502.
  it('runs from 0 at R = 0 to 100 at R = 1', () => {
    expect(imdTransform(0)).toBe(0);
    // −23·ln(1 − c) = −23·ln(e^(−100/23)) = 100, up to rounding.
    expect(imdTransform(1)).toBeCloseTo(100, 12);
  });

  it('gives 15.6468 at R = 0.5, not 15.6459', () => {
    // 1 − 0.5c = 0.5064674506944749; ln = −0.680295…; × −23 = 15.646790072602894.
    // (The brief and the old doc comment said 15.6459: a typo; the formula gives 15.6468.)
    expect(imdTransform(0.5)).toBeCloseTo(15.646790072602894, 12);
    expect(imdTransform(0.25)).toBeCloseTo(6.517733263680379, 12);
    expect(imdTransform(0.75)).toBeCloseTo(31.009143532807215, 12);
  });

  it('puts the neediest 10% above 50 (the IMD claim holds)', () => {
    // 1 − 0.9c = 0.11164141; ln = −2.19246…; × −23 = 50.4267 > 50.
    expect(imdTransform(0.9)).toBeCloseTo(50.426654274244, 10);
    expect(imdTransform(0.9)).toBeGreaterThan(50);
    // X = 50 exactly at R* = (1 − e^(−50/23))/c = 0.8978823112233476 < 0.9.
    expect(imdTransform(0.8978823112233476)).toBeCloseTo(50, 10);
  });

  it('is increasing and steep only at the needy end', () => {
    let previous = -1;
    for (let i = 0; i <= 100; i += 1) {
      const x = imdTransform(i / 100);
      expect(x).toBeGreaterThan(previous);
      previous = x;
    }
    // The upper half of R covers most of the scale: X(0.5) ≈ 15.6, so X(1) − X(0.5) ≈ 84.4.
    expect(imdTransform(1) - imdTransform(0.5)).toBeGreaterThan(5 * imdTransform(0.5));
  });
});

// Many random cases: a generous timeout for loaded CI machines (each runs in about a second).
describe('standardNormalCdf', { timeout: 30_000 }, () => {
  it('matches known values', () => {
    expect(standardNormalCdf(0)).toBe(0.5);
    expect(standardNormalCdf(1.959963984540054)).toBeCloseTo(0.975, 15);
    expect(standardNormalCdf(-1)).toBeCloseTo(0.158655253931457, 15);
    expect(standardNormalCdf(1)).toBeCloseTo(0.8413447460685429, 15);
    expect(standardNormalCdf(3)).toBeCloseTo(0.9986501019683699, 15);
    expect(standardNormalCdf(6)).toBeCloseTo(0.9999999990134123, 15);
  });

  it('is accurate in the lower tail, relative to the value', () => {
    // Reference values: ½·erfc(−z/√2).
    const tail: [number, number][] = [
      [-3, 0.0013498980316300957],
      [-5, 2.866515718791946e-7],
      [-8, 6.220960574271819e-16],
      [-10, 7.619853024160593e-24],
      [-20, 2.7536241186063314e-89],
      [-37, 5.725571222525139e-300],
    ];
    for (const [z, value] of tail) {
      expect(Math.abs(standardNormalCdf(z) - value) / value).toBeLessThan(2e-13);
    }
  });

  it('is symmetric: Φ(z) + Φ(−z) = 1', () => {
    for (const z of [0.1, 0.5, 1, 1.5, 2.5, 2.999, 3, 4, 6, 8]) {
      expect(standardNormalCdf(z) + standardNormalCdf(-z)).toBeCloseTo(1, 15);
    }
  });

  it('is monotone, also in the far tails (the series alone was not)', () => {
    let previous = -1;
    for (let i = 0; i <= 470_000; i += 1) {
      const z = -38 + i * 1e-4;
      const p = standardNormalCdf(z);
      if (p < previous) expect.fail(`Φ(${z}) = ${p} < Φ(${z - 1e-4}) = ${previous}`);
      previous = p;
    }
    // The old series gave Φ(−7.96) = 0 < Φ(−7.97) and Φ(7.91) < Φ(7.90).
    expect(standardNormalCdf(-7.96)).toBeGreaterThan(standardNormalCdf(-7.97));
    expect(standardNormalCdf(7.91)).toBeGreaterThanOrEqual(standardNormalCdf(7.9));
    // Pairs 1e-12 apart anywhere in [−10, 10].
    const next = createUniformStream(17);
    let reversed = 0;
    for (let i = 0; i < 100_000; i += 1) {
      const z = -10 + 20 * next();
      if (standardNormalCdf(z + 1e-12) < standardNormalCdf(z)) reversed += 1;
    }
    expect(reversed).toBe(0);
  });

  it('stays within [0, 1], with the limits at ±∞, and answers NaN with NaN', () => {
    expect(standardNormalCdf(-Infinity)).toBe(0);
    expect(standardNormalCdf(Infinity)).toBe(1);
    expect(standardNormalCdf(-40)).toBe(0);
    expect(standardNormalCdf(40)).toBe(1);
    // The series never stopped on NaN (NaN !== NaN): it must return, not loop.
    expect(standardNormalCdf(NaN)).toBeNaN();
  });
});

describe('lowerBound and upperBound', () => {
  const sorted = f64(1, 2, 2, 2, 5);

  it('count the values strictly below, and at or below', () => {
    expect(lowerBound(sorted, 5, 2)).toBe(1);
    expect(upperBound(sorted, 5, 2)).toBe(4);
    expect(lowerBound(sorted, 5, 3)).toBe(4);
    expect(upperBound(sorted, 5, 3)).toBe(4);
    expect(lowerBound(sorted, 5, 0)).toBe(0);
    expect(upperBound(sorted, 5, 0)).toBe(0);
    expect(lowerBound(sorted, 5, 9)).toBe(5);
    expect(upperBound(sorted, 5, 5)).toBe(5);
    expect(lowerBound(sorted, 5, 5)).toBe(4);
  });

  it('look only at the first n values', () => {
    expect(lowerBound(sorted, 3, 5)).toBe(3);
    expect(upperBound(sorted, 2, 2)).toBe(2);
    expect(lowerBound(sorted, 0, 1)).toBe(0);
    expect(upperBound([], 0, 1)).toBe(0);
  });

  it('agree with a linear count on random sorted arrays', () => {
    const next = createUniformStream(3);
    for (let c = 0; c < 200; c += 1) {
      const n = Math.floor(next() * 30);
      const values = Float64Array.from({ length: n }, () => Math.floor(next() * 8)).sort();
      for (let x = -1; x <= 8; x += 0.5) {
        expect(lowerBound(values, n, x)).toBe(values.filter((v) => v < x).length);
        expect(upperBound(values, n, x)).toBe(values.filter((v) => v <= x).length);
      }
    }
  });
});
