import { AppError } from '../shared/app-error.js';
import { compareStrings, MAX_DRAWS, type MethodDefinition } from './method.js';
import { intervalsFrom, simulateRanks, type SimulatedRanks } from './rank-interval.js';
import {
  prepareModel,
  SHARE_TOLERANCE,
  type RankingAreaInput,
  type RankingModel,
} from './ranking-model.js';
import { ScoreEngine } from './score-engine.js';

export type { RankingAreaInput } from './ranking-model.js';

/**
 * The yearly need ranking ("op vaste criteria"): rank 1 is the area with the most need.
 * Anchored in the CDC Social Vulnerability Index (percentile ranks, flags at the 90th
 * percentile) and the English Index of Multiple Deprivation (theme ranks, the exponential
 * transform against compensation). The method, step by step:
 *
 * 1. Universe. The given areas are the universe; the caller selects them (level, working area,
 *    gemeenten). Areas not given never affect a rank. Areas are processed in code order, so the
 *    order they are given in changes nothing.
 * 2. Need per indicator. Values are oriented to need (`higher_is_better`: need grows as the
 *    value falls) and normalised among all areas that have a value, also areas that will not be
 *    ranked: an indicator's need then does not depend on gaps in other indicators.
 *    - `percentile` (default, SVI): `(rank − 1)/(N − 1)`, ranks ascending in need, ties at the
 *      lowest rank, so the neediest area gets 1 and all-equal values get 0; N = 1 gives 0.5.
 *    - `zscore`: Φ((x − mean)/sd), Φ the standard normal distribution function and sd the
 *      population standard deviation; no spread gives 0.5.
 *    - `minmax`: (x − min)/(max − min); no spread gives 0.5.
 * 3. Completeness. An area is ranked when the weights of its indicators with a value add up to
 *    at least `completeness.minWeightShare` of all weight; otherwise it is not ranked, with the
 *    reason `incomplete`, its share and the missing keys. Not-ranked areas take part in step 2
 *    only.
 * 4. Theme scores. Per theme, the weighted mean of the need of the theme's indicators the area
 *    has (weights renormalised over those): a need on the same 0–1 scale as its indicators'.
 *    With `antiCompensation` (the IMD), the theme means are re-ranked among the ranked areas
 *    that have the theme to a percentile R as in step 2 (ties at the lowest rank; a single
 *    area 0.5), and R becomes `X/100` with the IMD transform
 *    `X = −23·ln(1 − R·(1 − e^(−100/23)))`, so scores stay in [0, 1].
 *    Why themes are not re-ranked by default (the SVI, too, ranks the sum of all indicator
 *    percentiles, not the theme ranks): the ranking is then monotone. An area that improves on
 *    an indicator never moves towards rank 1 under `percentile` or `minmax`: its own need and
 *    total never rise, and no other area's need or total falls (its competitors can only
 *    gain need). Ranks of theme means are not monotone: when an area improves, another area
 *    can come level with a third within a theme, the third's theme rank drops, and the
 *    improving area can overtake it. That is the price of the IMD transform, so it is an
 *    option with that trade-off (compute-ranking.test.ts pins a counterexample), as is
 *    `zscore`, where one value moves the mean and spread for every area.
 * 5. Total score. The weighted mean of the theme scores the area has; a theme weighs
 *    `themeWeights[theme]`, or by default the sum of its indicators' weights, renormalised over
 *    the themes the area has.
 * 6. Rank. Rank 1 = the highest total; equal totals share the lowest rank number (1, 2, 2, 4),
 *    so a tie never hides need; the output lists ties by code. With N ranked areas:
 *    percentile = (N − rank)/(N − 1) (1 = most need); decile = ⌈rank·10/N⌉ (decile 1 = the
 *    neediest 10%); class = ⌈rank·count/N⌉ (equal-count groups by rank, class 1 = most need).
 *    N = 1 sits in the middle: percentile 0.5, decile ⌈10/2⌉, class ⌈count/2⌉.
 * 7. Flags (SVI). An indicator is flagged for an area when the area's need percentile on it
 *    (step 2's percentile rank, also under `zscore` or `minmax`) is at or above
 *    `flags.percentile`, ranked or not, however low its total: single-indicator need is not
 *    hidden by an average total.
 * 8. Contributions (the waterfall). A theme contributes its weight share × its score; the theme
 *    contributions add up to the total score. A theme's contribution is split over its
 *    indicators in proportion to weight × need (by weight when all needs are 0), so indicator
 *    contributions add up to their theme's. An indicator's `weight` is its effective share of
 *    the total: theme share × its share within the theme. Nothing is rounded (consumers
 *    round); sums agree with the score to floating-point precision (about 1e-15).
 * 9. Rank interval. See rank-interval.ts: `draws` rankings with perturbed weights, rankLow and
 *    rankHigh the 5th and 95th percentile of the ranks. No draws: both equal the rank.
 *
 * Everything is deterministic: the same method and areas give deep-equal results, Monte Carlo
 * included. National scale (twelve thousand buurten, twenty indicators, a thousand draws) takes
 * about 4 s of one core on the 2-core machine (measured: the draws ~3.7 ms each, half of it
 * exact ranking); need scores are computed once in typed arrays, draws allocate nothing and
 * rank in linear time (exact-rank.ts). beginRanking/finishRanking with simulateRankingDraws let
 * a second thread take part of the draws (services/ranking-compute.ts) with identical results.
 */

export interface IndicatorContribution {
  key: string;
  theme: string;
  value: number | null;
  year: number | null;
  /** Normalised need in [0, 1], 1 = most need; null without a value. */
  need: number | null;
  /** Effective share of the total weight (theme share × share within the theme); 0 if absent. */
  weight: number;
  /** Part of the total score; the indicators of a theme add up to the theme's contribution. */
  contribution: number;
}

export interface ThemeContribution {
  theme: string;
  /** Share of the total weight among the themes the area has; 0 if it lacks the theme. */
  weight: number;
  /** Theme score in [0, 1] (re-ranked and transformed with anti-compensation); null if absent or not ranked. */
  score: number | null;
  /** weight × score; the themes add up to the total score. */
  contribution: number;
}

export interface AreaRanking {
  code: string;
  ranked: boolean;
  reason: { code: 'incomplete'; weightPresent: number; missing: string[] } | null;
  score: number | null;
  /** 1 = most need. */
  rank: number | null;
  /** (N − rank)/(N − 1), 1 = most need. */
  percentile: number | null;
  /** 1 = the neediest 10%. */
  decile: number | null;
  /** 1 = the most need. */
  class: number | null;
  /** Indicator keys at or beyond the flag percentile of need. */
  flags: string[];
  /** 5th and 95th percentile of the rank over the Monte Carlo draws. */
  rankLow: number | null;
  rankHigh: number | null;
  themes: ThemeContribution[];
  indicators: IndicatorContribution[];
  /** Share of the total weight with a value. */
  weightPresent: number;
}

export interface RankingResult {
  /** Ranked areas by rank (ties by code), then not-ranked areas by code. */
  areas: AreaRanking[];
  ranked: number;
  notRanked: number;
  /** Monte Carlo draws behind rankLow and rankHigh. */
  draws: number;
}

/**
 * Rank the given areas by need under a method. `options.draws` overrides the method's number of
 * Monte Carlo draws (0 for a quick preview without intervals).
 * @example
 * computeRanking(DEFAULT_METHOD, [
 *   { code: 'BU00010001', values: { lbm_onv: { value: -0.2, year: 2022 }, … } },
 * ]).areas[0].rank // 1
 */
export function computeRanking(
  method: MethodDefinition,
  areas: readonly RankingAreaInput[],
  options?: { draws?: number },
): RankingResult {
  return finishRanking(beginRanking(method, areas, options), []);
}

/** A ranking whose model is built and whose own share of the draws is done. */
export interface RankingInProgress {
  method: MethodDefinition;
  model: RankingModel;
  engine: ScoreEngine;
  draws: number;
  /** Draws 0 … local − 1, done here; the rest come to finishRanking from elsewhere. */
  local: SimulatedRanks;
}

/**
 * The first part of a ranking: the model, and draws 0 … `localDraws` − 1 (default all). The
 * other draws can run in another thread at the same time (simulateRankingDraws) and join in
 * finishRanking; the result is the same to the last digit.
 */
export function beginRanking(
  method: MethodDefinition,
  areas: readonly RankingAreaInput[],
  options?: { draws?: number; localDraws?: number },
): RankingInProgress {
  const draws = checkedDraws(options?.draws ?? method.uncertainty.draws);
  const localDraws = Math.min(draws, options?.localDraws ?? draws);
  const model = prepareModel(method, areas);
  const engine = new ScoreEngine(model);
  const { perturbation, seed } = method.uncertainty;
  const local = simulateRanks(model, engine, 0, localDraws, perturbation, seed);
  return { method, model, engine, draws, local };
}

/**
 * Draws `first … first + count − 1` of a ranking on their own: what another thread computes
 * for beginRanking/finishRanking. Builds the same model from the same inputs.
 */
export function simulateRankingDraws(
  method: MethodDefinition,
  areas: readonly RankingAreaInput[],
  first: number,
  count: number,
): SimulatedRanks {
  checkedDraws(first + count);
  const model = prepareModel(method, areas);
  const { perturbation, seed } = method.uncertainty;
  return simulateRanks(model, new ScoreEngine(model), first, count, perturbation, seed);
}

// The same bound as a method file: the interval stores one rank per area and draw, so an
// unbounded override (say from a request) could ask for gigabytes.
function checkedDraws(draws: number): number {
  if (!Number.isInteger(draws) || draws < 0 || draws > MAX_DRAWS) {
    throw new AppError(
      'validation_failed',
      `draws: must be a whole number from 0 to ${MAX_DRAWS}`,
      { field: 'draws' },
    );
  }
  return draws;
}

/** The rest of a ranking: the intervals from all draws, the nominal ranks and the breakdown. */
export function finishRanking(
  inProgress: RankingInProgress,
  others: readonly SimulatedRanks[],
): RankingResult {
  const { method, model, engine, draws } = inProgress;
  const intervals = intervalsFrom([inProgress.local, ...others], model.ranked.length);
  const covered = inProgress.local.count + others.reduce((sum, part) => sum + part.count, 0);
  if (covered !== draws)
    throw new RangeError(`finishRanking: ${covered} of ${draws} draws were simulated`);
  // The nominal ranking: every factor 1.
  engine.evaluate(
    new Float64Array(model.indicators.length).fill(1),
    new Float64Array(model.themes.length).fill(1),
  );
  const ranks = engine.rank();

  const m = model.ranked.length;
  const positionOf = new Int32Array(model.codes.length).fill(-1);
  model.ranked.forEach((a, j) => {
    positionOf[a] = j;
  });
  const themeOrder = [...new Set(method.indicators.map((i) => i.theme))];
  const themeIndex = new Map(model.themes.map((theme, t) => [theme.name, t]));
  const indicatorIndex = new Map(model.indicators.map((indicator, i) => [indicator.key, i]));
  const methodOrder = method.indicators.map((i) => indicatorIndex.get(i.key)!);

  const results = model.codes.map((code, a): AreaRanking => {
    const j = positionOf[a]!;
    const flags = methodOrder
      .filter((i) => {
        const p = model.indicators[i]!.percentile[a]!;
        return p >= method.flags.percentile - SHARE_TOLERANCE;
      })
      .map((i) => model.indicators[i]!.key);
    const weightPresent = model.weightPresent[a]!;
    if (j < 0) {
      return {
        code,
        ranked: false,
        reason: {
          code: 'incomplete',
          weightPresent,
          missing: methodOrder
            .filter((i) => model.indicators[i]!.present[a] === 0)
            .map((i) => model.indicators[i]!.key),
        },
        score: null,
        rank: null,
        percentile: null,
        decile: null,
        class: null,
        flags,
        rankLow: null,
        rankHigh: null,
        themes: themeOrder.map((theme) => ({ theme, weight: 0, score: null, contribution: 0 })),
        indicators: methodOrder.map((i) => indicatorEntry(model, i, a, 0, 0)),
        weightPresent,
      };
    }
    const rank = ranks[j]!;
    const position = m === 1 ? 0.5 : rank / m;
    const breakdown = contributions(model, engine, a, themeOrder, themeIndex, methodOrder);
    return {
      code,
      ranked: true,
      reason: null,
      score: engine.total[j]!,
      rank,
      percentile: m === 1 ? 0.5 : (m - rank) / (m - 1),
      decile: Math.ceil(position * 10),
      class: Math.ceil(position * method.classes.count),
      flags,
      rankLow: draws === 0 ? rank : intervals.low[j]!,
      rankHigh: draws === 0 ? rank : intervals.high[j]!,
      themes: breakdown.themes,
      indicators: breakdown.indicators,
      weightPresent,
    };
  });

  results.sort((x, y) => {
    if (x.rank !== null && y.rank !== null && x.rank !== y.rank) return x.rank - y.rank;
    if (x.ranked !== y.ranked) return x.ranked ? -1 : 1;
    return compareStrings(x.code, y.code);
  });
  return { areas: results, ranked: m, notRanked: results.length - m, draws };
}

function contributions(
  model: RankingModel,
  engine: ScoreEngine,
  a: number,
  themeOrder: string[],
  themeIndex: Map<string, number>,
  methodOrder: number[],
): { themes: ThemeContribution[]; indicators: IndicatorContribution[] } {
  let themeWeightSum = 0;
  model.themes.forEach((theme, t) => {
    themeWeightSum += theme.weight * engine.themePresent[t]![a]!;
  });
  const themeShare = new Float64Array(model.themes.length);
  const themeContribution = new Float64Array(model.themes.length);
  const themes = themeOrder.map((name): ThemeContribution => {
    const t = themeIndex.get(name)!;
    if (engine.themePresent[t]![a] === 0)
      return { theme: name, weight: 0, score: null, contribution: 0 };
    const share = model.themes[t]!.weight / themeWeightSum;
    const score = engine.themeScore[t]![a]!;
    themeShare[t] = share;
    themeContribution[t] = share * score;
    return { theme: name, weight: share, score, contribution: share * score };
  });

  // Within a theme: shares of weight and of weight × need over the indicators the area has.
  const withinWeight = new Float64Array(model.themes.length);
  const withinNeed = new Float64Array(model.themes.length);
  for (const indicator of model.indicators) {
    withinWeight[indicator.theme]! += indicator.weight * indicator.present[a]!;
    withinNeed[indicator.theme]! += indicator.weight * indicator.need[a]! * indicator.present[a]!;
  }
  const indicators = methodOrder.map((i) => {
    const indicator = model.indicators[i]!;
    const t = indicator.theme;
    if (indicator.present[a] === 0) return indicatorEntry(model, i, a, 0, 0);
    const weightShare = indicator.weight / withinWeight[t]!;
    const part =
      withinNeed[t]! > 0 ? (indicator.weight * indicator.need[a]!) / withinNeed[t]! : weightShare;
    return indicatorEntry(model, i, a, themeShare[t]! * weightShare, themeContribution[t]! * part);
  });
  return { themes, indicators };
}

function indicatorEntry(
  model: RankingModel,
  i: number,
  a: number,
  weight: number,
  contribution: number,
): IndicatorContribution {
  const indicator = model.indicators[i]!;
  const present = indicator.present[a] === 1;
  const year = indicator.year[a]!;
  return {
    key: indicator.key,
    theme: model.themes[indicator.theme]!.name,
    value: present ? indicator.value[a]! : null,
    year: present && Number.isFinite(year) ? year : null,
    need: present ? indicator.need[a]! : null,
    weight,
    contribution,
  };
}
