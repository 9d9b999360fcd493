import { AppError } from '../shared/app-error.js';
import { ExactRanker } from './exact-rank.js';
import { compareStrings, type MethodDefinition } from './method.js';
import { imdTransform, minmaxNeeds, percentileNeeds, zscoreNeeds } from './normalise.js';

/**
 * Everything about a ranking that does not change between Monte Carlo draws, computed once in
 * typed arrays: areas sorted by code, each indicator's need scores and need percentiles, which
 * areas are complete enough to rank, and per theme which ranked areas it covers. Weights never
 * change a normalised value, so the draws only recombine these arrays.
 *
 * Indicators are held in key order and themes in name order, whatever order the method lists
 * them in: then the floating-point sums, and so every last digit, depend on the method's
 * content only (which is what methodFingerprint compares).
 */

export interface RankingAreaInput {
  /** Area code (`BU03920101`). */
  code: string;
  /** Value and data year per indicator key; null or absent when the area has no value. */
  values: Record<string, { value: number; year: number } | null | undefined>;
}

export interface ModelIndicator {
  key: string;
  theme: number;
  weight: number;
  /** Value per area; NaN where missing. */
  value: Float64Array;
  /** Data year per area; NaN where missing. */
  year: Float64Array;
  /** Normalised need per area in [0, 1]; 0 where missing (always read with `present`). */
  need: Float64Array;
  /** 1 where the area has a value, else 0: a factor, so the weighted sums need no branch. */
  present: Float64Array;
  /** SVI need percentile per area (for flags, whatever the normalisation); NaN where missing. */
  percentile: Float64Array;
}

export interface ModelTheme {
  name: string;
  /** The theme's weight before renormalisation over the themes an area has. */
  weight: number;
  /** Positions in `indicators` of this theme's indicators. */
  indicators: number[];
  /** Ranked areas with at least one of the theme's indicators, ascending area index. */
  members: Int32Array;
  /** Theme score by the number of members with a lower raw theme score (the ranks' lookup). */
  scoreByBelow: Float64Array;
}

export interface RankingModel {
  method: MethodDefinition;
  codes: string[];
  indicators: ModelIndicator[];
  themes: ModelTheme[];
  totalWeight: number;
  /** Share of the total weight with a value, per area. */
  weightPresent: Float64Array;
  /** Area indices of the ranked areas, ascending. */
  ranked: Int32Array;
  /** Shared by every ranking of this model (capacity: all areas). */
  ranker: ExactRanker;
}

// Shares computed as sums of weights land a rounding error away from 0.8 and 0.9.
export const SHARE_TOLERANCE = 1e-9;

/** Build the model; throws on duplicate area codes. */
export function prepareModel(
  method: MethodDefinition,
  areas: readonly RankingAreaInput[],
): RankingModel {
  const sortedAreas = [...areas].sort((a, b) => compareStrings(a.code, b.code));
  for (let i = 1; i < sortedAreas.length; i += 1) {
    if (sortedAreas[i]!.code === sortedAreas[i - 1]!.code) {
      throw new AppError('validation_failed', `areas: duplicate code '${sortedAreas[i]!.code}'`, {
        field: 'areas',
      });
    }
  }
  const codes = sortedAreas.map((area) => area.code);
  const n = codes.length;

  const methodIndicators = [...method.indicators].sort((a, b) => compareStrings(a.key, b.key));
  const themeNames = [...new Set(methodIndicators.map((i) => i.theme))].sort(compareStrings);
  const themeIndex = new Map(themeNames.map((name, t) => [name, t]));

  const indicators: ModelIndicator[] = methodIndicators.map((def) => {
    const value = new Float64Array(n).fill(NaN);
    const year = new Float64Array(n).fill(NaN);
    const present = new Float64Array(n);
    const sign = def.direction === 'higher_is_better' ? -1 : 1;
    const oriented: number[] = [];
    const holders: number[] = [];
    sortedAreas.forEach((area, a) => {
      const entry = Object.hasOwn(area.values, def.key) ? area.values[def.key] : undefined;
      if (entry == null || typeof entry.value !== 'number' || !Number.isFinite(entry.value)) {
        return;
      }
      value[a] = entry.value;
      year[a] = entry.year;
      present[a] = 1;
      // + 0 turns −0 into 0, so that a zero is one value however it is oriented.
      oriented.push(sign * entry.value + 0);
      holders.push(a);
    });
    const orientedArray = Float64Array.from(oriented);
    const percentiles = percentileNeeds(orientedArray);
    const needs =
      method.normalisation === 'percentile'
        ? percentiles
        : method.normalisation === 'zscore'
          ? zscoreNeeds(orientedArray)
          : minmaxNeeds(orientedArray);
    const need = new Float64Array(n);
    const percentile = new Float64Array(n).fill(NaN);
    holders.forEach((a, j) => {
      need[a] = needs[j]!;
      percentile[a] = percentiles[j]!;
    });
    return {
      key: def.key,
      theme: themeIndex.get(def.theme)!,
      weight: def.weight,
      value,
      year,
      need,
      present,
      percentile,
    };
  });

  let totalWeight = 0;
  for (const indicator of indicators) totalWeight += indicator.weight;
  const weightPresent = new Float64Array(n);
  const rankedList: number[] = [];
  for (let a = 0; a < n; a += 1) {
    let weight = 0;
    for (const indicator of indicators) weight += indicator.weight * indicator.present[a]!;
    weightPresent[a] = weight / totalWeight;
    if (weightPresent[a]! >= method.completeness.minWeightShare - SHARE_TOLERANCE) {
      rankedList.push(a);
    }
  }
  const ranked = Int32Array.from(rankedList);

  const themes: ModelTheme[] = themeNames.map((name, t) => {
    const own = indicators.flatMap((indicator, i) => (indicator.theme === t ? [i] : []));
    let weight = 0;
    if (method.themeWeights === null) {
      for (const i of own) weight += indicators[i]!.weight;
    } else {
      const given = method.themeWeights[name];
      if (given === undefined || !(given > 0)) {
        throw new AppError('validation_failed', `themeWeights: misses theme '${name}'`, {
          field: 'themeWeights',
        });
      }
      weight = given;
    }
    const members = ranked.filter((a) => own.some((i) => indicators[i]!.present[a] === 1));
    return {
      name,
      weight,
      indicators: own,
      members,
      scoreByBelow: themeScoreTable(members.length, method.antiCompensation),
    };
  });

  return {
    method,
    codes,
    indicators,
    themes,
    totalWeight,
    weightPresent,
    ranked,
    ranker: new ExactRanker(n),
  };
}

/**
 * Theme scores by rank: the percentile `below/(m − 1)` (0.5 for a single member), through the
 * IMD transform scaled to [0, 1] when anti-compensation is on. A lookup table, so the draws
 * take no logarithm.
 */
function themeScoreTable(members: number, antiCompensation: boolean): Float64Array {
  const table = new Float64Array(members);
  for (let below = 0; below < members; below += 1) {
    const r = members === 1 ? 0.5 : below / (members - 1);
    table[below] = antiCompensation ? imdTransform(r) / 100 : r;
  }
  return table;
}
