import { describe, expect, it } from 'vitest';
import { computeRanking, type RankingAreaInput } from './compute-ranking.js';
import { DEFAULT_METHOD } from './default-methods.js';
import type { MethodDefinition, MethodIndicator } from './method.js';
import { createUniformStream } from './random.js';
import { rankIntervals } from './rank-interval.js';
import type { RankingModel } from './ranking-model.js';
import type { ScoreEngine } from './score-engine.js';

/**
 * A stand-in engine that hands out scripted ranks, one array per draw, and records the factors
 * it is given: the estimator and the order of random numbers can then be checked exactly.
 */
function scriptedEngine(script: (draw: number) => number[]) {
  const factors: { indicator: number[]; theme: number[] }[] = [];
  let draw = 0;
  let current: number[] = [];
  const engine = {
    evaluate(indicatorFactor: Float64Array, themeFactor: Float64Array) {
      factors.push({ indicator: [...indicatorFactor], theme: [...themeFactor] });
      current = script(draw);
      draw += 1;
    },
    rank() {
      return Int32Array.from(current);
    },
  };
  return { engine: engine as unknown as ScoreEngine, factors };
}

function fakeModel(areas: number, indicators: number, themes: number): RankingModel {
  return {
    ranked: Int32Array.from({ length: areas }, (_, j) => j),
    indicators: new Array(indicators).fill({}),
    themes: new Array(themes).fill({}),
  } as unknown as RankingModel;
}

/** A permutation of 1…n from a seeded stream. */
function permutation(n: number, seed: number): number[] {
  const next = createUniformStream(seed);
  const out = Array.from({ length: n }, (_, i) => i + 1);
  for (let i = n - 1; i > 0; i -= 1) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

const ind = (key: string, weight: number, theme: string): MethodIndicator => ({
  key,
  direction: 'higher_is_worse',
  weight,
  theme,
});

function method(indicators: MethodIndicator[], patch: Partial<MethodDefinition>): MethodDefinition {
  return { ...DEFAULT_METHOD, ...patch, indicators };
}

const area = (code: string, values: Record<string, number>): RankingAreaInput => ({
  code,
  values: Object.fromEntries(
    Object.entries(values).map(([k, value]) => [k, { value, year: 2024 }]),
  ),
});

describe('rankIntervals: the percentile estimator', () => {
  // Draw d gives area j the rank perm[d] + j: each area sees every rank 1…D (+ j) once, in a
  // scrambled order. Sorted, r(i) = i + j, so rankLow = k + j and rankHigh = D + 1 − k + j with
  // k = max(1, ⌈D/20⌉).
  const cases: [draws: number, k: number][] = [
    [1, 1],
    [2, 1],
    [19, 1],
    [20, 1],
    [21, 2],
    [40, 2],
    [41, 3],
    [100, 5],
    [1000, 50],
    [1001, 51],
  ];
  for (const [draws, k] of cases) {
    it(`D = ${draws}: k = ${k}, low = r(k), high = r(D + 1 − k)`, () => {
      const perm = permutation(draws, draws);
      const { engine } = scriptedEngine((d) => [perm[d]!, perm[d]! + 1, perm[d]! + 2]);
      const { low, high } = rankIntervals(fakeModel(3, 2, 1), engine, draws, 0.5, 1);
      expect([...low]).toEqual([k, k + 1, k + 2]);
      expect([...high]).toEqual([draws + 1 - k, draws + 2 - k, draws + 3 - k]);
    });
  }

  it('at most k − 1 draws lie below rankLow and above rankHigh (1,000 draws: 49)', () => {
    // Ranks 1 in 49 draws, 2 in 902, 3 in 49: the 50th smallest is 2, so is the 50th largest.
    const ranks = [...Array(49).fill(1), ...Array(902).fill(2), ...Array(49).fill(3)] as number[];
    const { engine } = scriptedEngine((d) => [ranks[d]!]);
    const result = rankIntervals(fakeModel(1, 1, 1), engine, 1000, 0.5, 1);
    expect([result.low[0], result.high[0]]).toEqual([2, 2]);
    // One more draw at 1 (taken from the 2s) puts 50 below: rankLow becomes 1.
    const more = [...Array(50).fill(1), ...Array(901).fill(2), ...Array(49).fill(3)] as number[];
    const second = scriptedEngine((d) => [more[d]!]);
    const again = rankIntervals(fakeModel(1, 1, 1), second.engine, 1000, 0.5, 1);
    expect([again.low[0], again.high[0]]).toEqual([1, 2]);
  });

  it('draws the factors from the seeded stream: indicators, then themes, per draw', () => {
    const { engine, factors } = scriptedEngine(() => [1]);
    rankIntervals(fakeModel(1, 3, 2), engine, 5, 0.3, 77);
    const next = createUniformStream(77);
    const factor = () => 1 - 0.3 + 2 * 0.3 * next();
    const expected = Array.from({ length: 5 }, () => ({
      indicator: [factor(), factor(), factor()],
      theme: [factor(), factor()],
    }));
    expect(factors).toEqual(expected);
    for (const draw of factors) {
      for (const f of [...draw.indicator, ...draw.theme]) {
        expect(f).toBeGreaterThanOrEqual(0.7);
        expect(f).toBeLessThan(1.3);
      }
    }
  });

  it('the first d draws of a longer run are the same d draws', () => {
    const short = scriptedEngine(() => [1]);
    const long = scriptedEngine(() => [1]);
    rankIntervals(fakeModel(1, 2, 2), short.engine, 10, 0.5, 3);
    rankIntervals(fakeModel(1, 2, 2), long.engine, 30, 0.5, 3);
    expect(long.factors.slice(0, 10)).toEqual(short.factors);
  });

  it('returns zeros without draws or without ranked areas, and evaluates nothing', () => {
    const { engine, factors } = scriptedEngine(() => [1]);
    expect(rankIntervals(fakeModel(2, 1, 1), engine, 0, 0.5, 1)).toEqual({
      low: Int32Array.of(0, 0),
      high: Int32Array.of(0, 0),
    });
    expect(rankIntervals(fakeModel(0, 1, 1), engine, 10, 0.5, 1)).toEqual({
      low: new Int32Array(0),
      high: new Int32Array(0),
    });
    expect(factors).toEqual([]);
  });
});

describe('rank intervals through computeRanking', () => {
  it('an area that dominates every indicator is [1, 1], the other [2, 2]', () => {
    // X has more need on every indicator: every need of X is 1 and of Y 0, so whatever the
    // weights, X's total is 1 and Y's 0 in every draw.
    const m = method([ind('a', 1, 'T'), ind('b', 2, 'T'), ind('c', 1, 'U')], {
      uncertainty: { draws: 1000, perturbation: 0.9, seed: 5 },
    });
    const result = computeRanking(m, [
      area('X', { a: 3, b: 3, c: 3 }),
      area('Y', { a: 1, b: 2, c: 0 }),
    ]);
    expect(result.areas.map((a) => [a.code, a.rank, a.rankLow, a.rankHigh])).toEqual([
      ['X', 1, 1, 1],
      ['Y', 2, 2, 2],
    ]);
  });

  it('matches a replay of the draws on two areas that trade places', () => {
    // Themes K and L, one indicator each (k, l), theme weights K 1, L 2. X has need 1 on l and
    // 0 on k; Y the other way round. Theme scores (one indicator each: the needs) are X: L 1,
    // K 0; Y: L 0, K 1.
    // Total X = 2·fL/(2·fL + fK), Y = fK/(2·fL + fK): X is first unless fK > 2·fL, which for
    // factors uniform on [0.5, 1.5] happens with chance ∫(1.5 − 2f)df over [0.5, 0.75] = 1/16.
    // Per draw the stream gives the indicator factors (k, l) and then the theme factors (K, L).
    for (const [draws, seed] of [
      [1000, 1],
      [1000, 2],
      [1000, 3],
      [100, 4],
      [20, 5],
    ] as const) {
      const m = method([ind('l', 1, 'L'), ind('k', 1, 'K')], {
        themeWeights: { L: 2, K: 1 },
        uncertainty: { draws, perturbation: 0.5, seed },
      });
      const result = computeRanking(m, [area('X', { l: 2, k: 1 }), area('Y', { l: 1, k: 2 })]);

      const next = createUniformStream(seed);
      const factor = () => 0.5 + next();
      let xFirst = 0;
      for (let d = 0; d < draws; d += 1) {
        factor(); // k
        factor(); // l
        const fK = factor();
        const fL = factor();
        if (2 * fL >= fK) xFirst += 1; // a tie (never seen) ranks both 1
      }
      const k = Math.max(1, Math.ceil(draws / 20));
      // X's ranks sorted: xFirst ones, then twos. Y's: (draws − xFirst) ones, then twos.
      const x = [xFirst >= k ? 1 : 2, xFirst >= draws + 1 - k ? 1 : 2];
      const y = [draws - xFirst >= k ? 1 : 2, draws - xFirst >= draws + 1 - k ? 1 : 2];
      const byCode = new Map(result.areas.map((a) => [a.code, [a.rankLow, a.rankHigh]]));
      expect(byCode.get('X')).toEqual(x);
      expect(byCode.get('Y')).toEqual(y);
      expect(result.areas.map((a) => a.rank)).toEqual([1, 2]);
      // About 1 in 16 draws puts Y first.
      if (draws === 1000) expect(Math.abs((draws - xFirst) / draws - 1 / 16)).toBeLessThan(0.03);
    }
  });

  it('with perturbation 0 every draw is the nominal ranking: interval = rank', () => {
    const next = createUniformStream(12);
    for (let n = 0; n < 30; n += 1) {
      const indicators = Array.from({ length: 1 + Math.floor(next() * 4) }, (_, i) =>
        ind(`i${i}`, 0.5 + 3 * next(), `t${Math.floor(next() * 2)}`),
      );
      const m = method(indicators, { uncertainty: { draws: 200, perturbation: 0, seed: n } });
      const areas = Array.from({ length: 2 + Math.floor(next() * 12) }, (_, a) =>
        area(
          `A${String(a).padStart(2, '0')}`,
          Object.fromEntries(indicators.map((i) => [i.key, Math.floor(next() * 4)])),
        ),
      );
      for (const a of computeRanking(m, areas).areas) {
        expect([a.rankLow, a.rankHigh]).toEqual([a.rank, a.rank]);
      }
    }
  });

  it('uses the method’s draws unless overridden, and reports them', () => {
    const m = method([ind('a', 1, 'T'), ind('b', 1, 'T')], {
      uncertainty: { draws: 30, perturbation: 0.5, seed: 1 },
    });
    const areas = [area('X', { a: 2, b: 0 }), area('Y', { a: 0, b: 2 }), area('Z', { a: 1, b: 1 })];
    expect(computeRanking(m, areas).draws).toBe(30);
    expect(computeRanking(m, areas, { draws: 5 }).draws).toBe(5);
  });
});
