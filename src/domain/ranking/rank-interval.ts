import { createUniformStream } from './random.js';
import type { RankingModel } from './ranking-model.js';
import type { ScoreEngine } from './score-engine.js';

/**
 * How firm a rank is: the Monte Carlo rank interval. Each draw multiplies every indicator weight
 * and every theme weight by its own uniform factor in [1 − p, 1 + p], recomputes the theme
 * scores (re-ranked), the totals and the ranks, exactly as the nominal ranking does. The
 * interval of an area is the 5th to 95th percentile of its ranks over the draws.
 *
 * Percentile estimator (nearest rank, symmetric): with D draws sorted ascending r(1) ≤ … ≤ r(D)
 * and k = max(1, ⌈D/20⌉), rankLow = r(k) and rankHigh = r(D + 1 − k). For 1,000 draws: the 50th
 * smallest and the 50th largest rank, so at most 49 draws lie below rankLow and at most 49
 * above rankHigh; no interpolation, so bounds are always ranks that occurred. The nominal rank
 * (all factors 1) need not lie inside [rankLow, rankHigh]: it is not one of the draws, and a
 * rank that holds only near the nominal weights can be rare among them.
 *
 * Random numbers are drawn in a fixed order per draw (indicators by key, then themes by name)
 * from one seeded stream, so the first d draws of a longer run are the same d draws.
 */

export interface RankIntervals {
  /** Per ranked area (in the order of `model.ranked`). */
  low: Int32Array;
  high: Int32Array;
}

/**
 * Run `draws` perturbed rankings. Leaves the engine holding the last draw: evaluate the nominal
 * ranking before, or again after.
 */
export function rankIntervals(
  model: RankingModel,
  engine: ScoreEngine,
  draws: number,
  perturbation: number,
  seed: number,
): RankIntervals {
  const m = model.ranked.length;
  const low = new Int32Array(m);
  const high = new Int32Array(m);
  if (draws === 0 || m === 0) return { low, high };

  const next = createUniformStream(seed);
  const indicatorFactor = new Float64Array(model.indicators.length);
  const themeFactor = new Float64Array(model.themes.length);
  // One rank per area and draw, area-major so each area's draws are one contiguous run to sort.
  const store = m <= 0xffff ? new Uint16Array(m * draws) : new Uint32Array(m * draws);
  for (let d = 0; d < draws; d += 1) {
    for (let i = 0; i < indicatorFactor.length; i += 1) {
      indicatorFactor[i] = 1 - perturbation + 2 * perturbation * next();
    }
    for (let t = 0; t < themeFactor.length; t += 1) {
      themeFactor[t] = 1 - perturbation + 2 * perturbation * next();
    }
    engine.evaluate(indicatorFactor, themeFactor);
    const ranks = engine.rank();
    for (let j = 0, at = d; j < m; j += 1, at += draws) store[at] = ranks[j]!;
  }

  const k = Math.max(1, Math.ceil(draws / 20));
  for (let j = 0; j < m; j += 1) {
    const own = store.subarray(j * draws, (j + 1) * draws).sort();
    low[j] = own[k - 1]!;
    high[j] = own[draws - k]!;
  }
  return { low, high };
}
