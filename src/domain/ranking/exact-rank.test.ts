import { describe, expect, it } from 'vitest';
import { ExactRanker } from './exact-rank.js';
import { createUniformStream, type UniformStream } from './random.js';

/** O(n²) reference counts. */
function bruteForce(values: ArrayLike<number>, m: number) {
  const below: number[] = [];
  const above: number[] = [];
  for (let j = 0; j < m; j += 1) {
    let b = 0;
    let a = 0;
    for (let k = 0; k < m; k += 1) {
      if (values[k]! < values[j]!) b += 1;
      if (values[k]! > values[j]!) a += 1;
    }
    below.push(b);
    above.push(a);
  }
  return { below, above };
}

function counts(ranker: ExactRanker, values: Float64Array, m = values.length) {
  const below = new Int32Array(m);
  const above = new Int32Array(m);
  ranker.countBelow(values, m, below);
  ranker.countAbove(values, m, above);
  return { below: [...below], above: [...above] };
}

function expectExact(values: Float64Array, ranker = new ExactRanker(values.length)) {
  expect(counts(ranker, values)).toEqual(bruteForce(values, values.length));
}

/** Value generators; each is called once per value. */
const generators: Record<string, (next: UniformStream, n: number) => () => number> = {
  uniform: (next) => () => next(),
  'few distinct values (many ties)': (next) => () => Math.floor(next() * 4),
  'all equal': () => () => 0.3,
  negative: (next) => () => -1000 * next() - 5,
  'huge span': (next) => () => (next() - 0.5) * 2e300,
  'tiny span around 1': (next) => () => 1 + Math.floor(next() * 20) * Number.EPSILON,
  'subnormal span': (next) => () => Math.floor(next() * 6) * Number.MIN_VALUE,
  'tiny and huge together': (next) => () => (next() < 0.5 ? next() * 1e-300 : 1e300 * (1 + next())),
  // One far outlier crams everything else into the lowest buckets: large buckets of distinct
  // values (sorted, not compared pairwise).
  'one outlier': (next) => {
    let first = true;
    return () => {
      if (first) {
        first = false;
        return 1e12;
      }
      return next();
    };
  },
  // Clusters of close but distinct values in one bucket, with exact ties among them.
  clusters: (next) => () => Math.floor(next() * 3) + Math.floor(next() * 40) * 1e-13,
  'with −0 and 0': (next) => () => (next() < 0.5 ? -0 : next() < 0.5 ? 0 : next()),
  'data-like, 2 decimals': (next) => () => Math.round(next() * 1000) / 100,
};

// Many random cases: a generous timeout for loaded CI machines (each runs in about a second).
describe('ExactRanker', { timeout: 30_000 }, () => {
  it('matches the documented examples', () => {
    const ranker = new ExactRanker(3);
    expect(counts(ranker, Float64Array.of(3, 1, 3))).toEqual({
      below: [1, 0, 1],
      above: [0, 2, 0],
    });
  });

  for (const [name, generator] of Object.entries(generators)) {
    it(`equals a brute-force count: ${name}`, () => {
      const next = createUniformStream(name.length * 7919);
      for (let c = 0; c < 60; c += 1) {
        const n = c < 5 ? c : Math.floor(next() * 300);
        const value = generator(next, n);
        expectExact(Float64Array.from({ length: n }, value));
      }
    });
  }

  it('handles more than 24 equal values in one bucket (sorted, not compared pairwise)', () => {
    // 30 × 5, 30 × 5 + 1e-12 (same bucket), and spread values.
    const values = Float64Array.from([
      ...Array.from({ length: 30 }, () => 5),
      ...Array.from({ length: 30 }, () => 5 + 1e-12),
      0,
      10,
      2.5,
      7.5,
    ]);
    expectExact(values);
    const { below, above } = counts(new ExactRanker(values.length), values);
    expect(below[0]).toBe(2); // 0 and 2.5 are lower
    expect(above[0]).toBe(32); // the 30 higher fives, 7.5 and 10
    expect(below[30]).toBe(32);
    expect(above[30]).toBe(2);
  });

  it('handles exactly 24 and 25 values in one bucket', () => {
    for (const size of [23, 24, 25, 26]) {
      const values = Float64Array.from({ length: size + 2 }, (_, j) =>
        j === 0 ? 0 : j === 1 ? 1 : 0.5 + (j % 3) * 1e-14,
      );
      expectExact(values);
    }
  });

  it('handles one value, none, and infinite values', () => {
    expectExact(Float64Array.of(42));
    expectExact(Float64Array.of());
    expectExact(Float64Array.of(-Infinity, 0, 3, Infinity, 3, -Infinity));
    expectExact(Float64Array.of(-Number.MAX_VALUE, Number.MAX_VALUE, 0));
  });

  it('counts only the first m values and can be reused with other sizes', () => {
    const ranker = new ExactRanker(100);
    const next = createUniformStream(99);
    for (let c = 0; c < 100; c += 1) {
      const values = Float64Array.from({ length: 100 }, () => Math.floor(next() * 10));
      const m = Math.floor(next() * 101);
      expect(counts(ranker, values, m)).toEqual(bruteForce(values, m));
    }
  });

  it('leaves the output alone for m = 0 and works with capacity 0', () => {
    const out = Int32Array.of(7, 7);
    new ExactRanker(5).countBelow(Float64Array.of(1, 2), 0, out);
    expect([...out]).toEqual([7, 7]);
    new ExactRanker(0).countAbove(Float64Array.of(), 0, out);
    expect([...out]).toEqual([7, 7]);
  });

  it('throws when asked for more scores than its capacity', () => {
    const ranker = new ExactRanker(3);
    const out = new Int32Array(4);
    expect(() => ranker.countBelow(Float64Array.of(1, 2, 3, 4), 4, out)).toThrow(RangeError);
    expect(() => ranker.countAbove(Float64Array.of(1, 2, 3, 4), 4, out)).toThrow(
      'ExactRanker: 4 scores, capacity 3',
    );
    // Exactly at capacity is fine.
    expect(() => ranker.countAbove(Float64Array.of(1, 2, 3), 3, out)).not.toThrow();
  });

  it('is exact on a large array with national-scale size (sampled check)', () => {
    const next = createUniformStream(2024);
    const n = 12_147;
    // Weighted means of percentiles: many exact ties and many near-ties.
    const values = Float64Array.from(
      { length: n },
      () => (3 * Math.floor(next() * 500)) / 499 / 4 + Math.floor(next() * 500) / 499 / 4,
    );
    const below = new Int32Array(n);
    const above = new Int32Array(n);
    const ranker = new ExactRanker(n);
    ranker.countBelow(values, n, below);
    ranker.countAbove(values, n, above);
    const sorted = Float64Array.from(values).sort();
    for (let j = 0; j < n; j += 1) {
      // Binary searches in a sorted copy: an independent O(n log n) reference.
      let lo = 0;
      let hi = n;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (sorted[mid]! < values[j]!) lo = mid + 1;
        else hi = mid;
      }
      let lo2 = 0;
      let hi2 = n;
      while (lo2 < hi2) {
        const mid = (lo2 + hi2) >>> 1;
        if (sorted[mid]! <= values[j]!) lo2 = mid + 1;
        else hi2 = mid;
      }
      if (below[j] !== lo || above[j] !== n - lo2) {
        expect.fail(`value ${values[j]}: ${below[j]}/${above[j]}, expected ${lo}/${n - lo2}`);
      }
    }
  });
});
