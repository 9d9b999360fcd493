import { describe, expect, it } from 'vitest';
import { computeRanking } from '../domain/ranking/compute-ranking.js';
import { DEFAULT_METHOD } from '../domain/ranking/default-methods.js';
import { createUniformStream } from '../domain/ranking/random.js';
import { computeRankingFast } from './ranking-compute.js';

describe('computeRankingFast', () => {
  it('shares a large ranking’s draws with a worker thread and gives identical numbers', async () => {
    const next = createUniformStream(3);
    const indicators = DEFAULT_METHOD.indicators;
    // 2,500 areas × 900 draws: above the threshold, so a worker runs half the draws.
    const areas = Array.from({ length: 2500 }, (_, a) => ({
      code: `BU${String(a).padStart(8, '0')}`,
      values: Object.fromEntries(
        indicators.map((i) => [i.key, next() < 0.05 ? null : { value: next() * 100, year: 2024 }]),
      ),
    }));
    const fast = await computeRankingFast(DEFAULT_METHOD, areas, { draws: 900 });
    expect(fast).toEqual(computeRanking(DEFAULT_METHOD, areas, { draws: 900 }));
    expect(fast.areas.some((a) => a.rankLow !== a.rankHigh)).toBe(true);
  }, 60_000);

  it('small rankings stay in this thread, with the same result', async () => {
    const areas = [
      { code: 'BU1', values: { lbm_onv: { value: 1, year: 2024 } } },
      { code: 'BU2', values: { lbm_onv: { value: 2, year: 2024 } } },
    ];
    const method = { ...DEFAULT_METHOD, indicators: [DEFAULT_METHOD.indicators[0]!] };
    expect(await computeRankingFast(method, areas)).toEqual(computeRanking(method, areas));
  });
});
