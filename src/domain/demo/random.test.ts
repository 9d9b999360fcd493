import { describe, expect, test } from 'vitest';
import { createRandom, deriveSeed, hashUnit, valueNoise } from './random.js';

const draws = (seed: number, n: number): number[] => {
  const random = createRandom(seed);
  return Array.from({ length: n }, () => random.next());
};

describe('createRandom', () => {
  test('the same seed repeats its sequence; another seed does not', () => {
    expect(draws(42, 50)).toEqual(draws(42, 50));
    expect(draws(42, 50)).not.toEqual(draws(43, 50));
    expect(draws(42, 1)[0]).toBe(0.6011037519201636);
  });

  test('uniform draws stay in [0, 1) and integers in their inclusive range', () => {
    const random = createRandom(1);
    const seen = new Set<number>();
    for (let i = 0; i < 5000; i += 1) {
      const u = random.next();
      expect(u >= 0 && u < 1).toBe(true);
      seen.add(random.int(3, 5));
    }
    expect([...seen].sort()).toEqual([3, 4, 5]);
  });

  test('normals have mean ≈ 0 and sd ≈ 1', () => {
    const random = createRandom(9);
    const values = Array.from({ length: 20000 }, () => random.normal());
    const mean = values.reduce((s, v) => s + v, 0) / values.length;
    const sd = Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / values.length);
    expect(Math.abs(mean)).toBeLessThan(0.03);
    expect(Math.abs(sd - 1)).toBeLessThan(0.03);
  });
});

describe('position-based randomness', () => {
  test('derived seeds differ per label and per seed', () => {
    expect(deriveSeed(1, 'geometry')).toBe(deriveSeed(1, 'geometry'));
    expect(deriveSeed(1, 'geometry')).not.toBe(deriveSeed(1, 'figures'));
    expect(deriveSeed(1, 'geometry')).not.toBe(deriveSeed(2, 'geometry'));
  });

  test('hashUnit depends only on its inputs and fills [0, 1)', () => {
    expect(hashUnit(3, 10, -4)).toBe(hashUnit(3, 10, -4));
    const values = Array.from({ length: 1000 }, (_, i) => hashUnit(3, i, 7));
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
    expect(new Set(values).size).toBe(1000);
  });

  test('value noise is bounded and smooth', () => {
    for (let i = 0; i < 200; i += 1) {
      const x = i * 0.137;
      const here = valueNoise(5, x, 1.3, 2);
      expect(Math.abs(here)).toBeLessThanOrEqual(1);
      expect(Math.abs(valueNoise(5, x + 0.01, 1.3, 2) - here)).toBeLessThan(0.05);
    }
  });
});
