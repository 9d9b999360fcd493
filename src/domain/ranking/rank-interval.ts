import { createUniformStream } from './random.js';
import type { RankingModel } from './ranking-model.js';
import type { ScoreEngine } from './score-engine.js';

/**
 * How firm a rank is: the Monte Carlo rank interval. Each draw multiplies every indicator weight
 * and every theme weight by its own uniform factor in [1 − p, 1 + p], recomputes the theme
 * scores (re-ranked with anti-compensation), the totals and the ranks, exactly as the nominal ranking does. The
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
 * from one seeded stream, so the first d draws of a longer run are the same d draws, and draw d
 * is the same draw whoever computes it: the draws can be split over threads (simulateRanks
 * with `first`) and merged (intervalsFrom) to exactly the numbers of one run, because the
 * interval depends on the multiset of an area's ranks, not on their order.
 */

export interface RankIntervals {
  /** Per ranked area (in the order of `model.ranked`). */
  low: Int32Array;
  high: Int32Array;
}

/** The ranks of a run of draws `first … first + count − 1`, area-major (`ranks[j·count + d]`). */
export interface SimulatedRanks {
  first: number;
  count: number;
  ranks: Uint16Array | Uint32Array;
}

/**
 * Run draws `first … first + count − 1` of the seeded sequence. Leaves the engine holding the
 * last draw: evaluate the nominal ranking before, or again after.
 */
export function simulateRanks(
  model: RankingModel,
  engine: ScoreEngine,
  first: number,
  count: number,
  perturbation: number,
  seed: number,
): SimulatedRanks {
  const m = model.ranked.length;
  // One rank per area and draw, area-major so each area's draws are one contiguous run.
  const ranks = m <= 0xffff ? new Uint16Array(m * count) : new Uint32Array(m * count);
  if (count === 0 || m === 0) return { first, count, ranks };
  const next = createUniformStream(seed);
  const indicatorFactor = new Float64Array(model.indicators.length);
  const themeFactor = new Float64Array(model.themes.length);
  // Skip the numbers of the draws before `first`: a few dozen per draw, microseconds in all.
  for (let skip = first * (indicatorFactor.length + themeFactor.length); skip > 0; skip -= 1)
    next();
  for (let d = 0; d < count; d += 1) {
    for (let i = 0; i < indicatorFactor.length; i += 1) {
      indicatorFactor[i] = 1 - perturbation + 2 * perturbation * next();
    }
    for (let t = 0; t < themeFactor.length; t += 1) {
      themeFactor[t] = 1 - perturbation + 2 * perturbation * next();
    }
    engine.evaluate(indicatorFactor, themeFactor);
    const drawn = engine.rank();
    for (let j = 0, at = d; j < m; j += 1, at += count) ranks[at] = drawn[j]!;
  }
  return { first, count, ranks };
}

/**
 * The intervals from runs of draws that together are draws 0 … D − 1 exactly once (throws
 * otherwise: a gap or an overlap would change the numbers silently).
 */
export function intervalsFrom(parts: readonly SimulatedRanks[], m: number): RankIntervals {
  const low = new Int32Array(m);
  const high = new Int32Array(m);
  const ordered = [...parts].filter((p) => p.count > 0).sort((a, b) => a.first - b.first);
  let draws = 0;
  for (const part of ordered) {
    if (part.first !== draws || part.ranks.length !== part.count * m)
      throw new RangeError(
        `intervalsFrom: draws ${part.first}+${part.count} do not follow ${draws}`,
      );
    draws += part.count;
  }
  if (draws === 0 || m === 0) return { low, high };
  const k = Math.max(1, Math.ceil(draws / 20));
  const own = m <= 0xffff ? new Uint16Array(draws) : new Uint32Array(draws);
  for (let j = 0; j < m; j += 1) {
    let at = 0;
    for (const part of ordered) {
      own.set(part.ranks.subarray(j * part.count, (j + 1) * part.count), at);
      at += part.count;
    }
    own.sort();
    low[j] = own[k - 1]!;
    high[j] = own[draws - k]!;
  }
  return { low, high };
}

/**
 * Run `draws` perturbed rankings in this thread. Leaves the engine holding the last draw:
 * evaluate the nominal ranking before, or again after.
 */
export function rankIntervals(
  model: RankingModel,
  engine: ScoreEngine,
  draws: number,
  perturbation: number,
  seed: number,
): RankIntervals {
  return intervalsFrom(
    [simulateRanks(model, engine, 0, draws, perturbation, seed)],
    model.ranked.length,
  );
}
