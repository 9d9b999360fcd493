import { describe, expect, it } from 'vitest';
import {
  beginRanking,
  computeRanking,
  finishRanking,
  simulateRankingDraws,
  type RankingAreaInput,
} from './compute-ranking.js';
import { DEFAULT_METHOD } from './default-methods.js';
import type { MethodDefinition } from './method.js';
import { createUniformStream } from './random.js';

/** Draws split over threads must give a ranking identical to one run, to the last digit. */
function world(
  seed: number,
  areas: number,
): { method: MethodDefinition; areas: RankingAreaInput[] } {
  const next = createUniformStream(seed);
  const indicators = ['a', 'b', 'c', 'd', 'e', 'f'].map((key, i) => ({
    key,
    direction: (i % 2
      ? 'higher_is_better'
      : 'higher_is_worse') as MethodDefinition['indicators'][number]['direction'],
    weight: 1 + i,
    theme: i < 3 ? 'x' : 'y',
  }));
  return {
    method: { ...DEFAULT_METHOD, indicators, uncertainty: { draws: 60, perturbation: 0.5, seed } },
    areas: Array.from({ length: areas }, (_, a) => ({
      code: `BU${String(a).padStart(8, '0')}`,
      values: Object.fromEntries(
        indicators.map((i) => [
          i.key,
          next() < 0.1 ? null : { value: Math.round(next() * 20), year: 2024 },
        ]),
      ),
    })),
  };
}

describe('splitting the Monte Carlo draws', () => {
  it.each([
    [1, 0],
    [2, 30],
    [3, 59],
    [4, 1],
  ])('seed %i: draws 0…%i here and the rest elsewhere give the same ranking', (seed, local) => {
    const { method, areas } = world(seed, 40);
    const whole = computeRanking(method, areas);
    const begun = beginRanking(method, areas, { localDraws: local });
    const rest = simulateRankingDraws(method, areas, local, 60 - local);
    expect(finishRanking(begun, [rest])).toEqual(whole);
  });

  it('three parts in any order merge to the same intervals', () => {
    const { method, areas } = world(9, 30);
    const whole = computeRanking(method, areas);
    const begun = beginRanking(method, areas, { localDraws: 10 });
    const parts = [
      simulateRankingDraws(method, areas, 40, 20),
      simulateRankingDraws(method, areas, 10, 30),
    ];
    expect(finishRanking(begun, parts)).toEqual(whole);
  });

  it('a gap, an overlap or missing draws is an error, never a silently different interval', () => {
    const { method, areas } = world(5, 20);
    const begun = () => beginRanking(method, areas, { localDraws: 20 });
    expect(() => finishRanking(begun(), [simulateRankingDraws(method, areas, 25, 35)])).toThrow(
      /do not follow/,
    );
    expect(() => finishRanking(begun(), [simulateRankingDraws(method, areas, 10, 50)])).toThrow(
      /do not follow/,
    );
    expect(() => finishRanking(begun(), [simulateRankingDraws(method, areas, 20, 30)])).toThrow(
      /50 of 60 draws/,
    );
  });
});
