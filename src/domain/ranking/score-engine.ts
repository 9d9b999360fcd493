import type { ModelIndicator, RankingModel } from './ranking-model.js';

/**
 * The part of a ranking that weights change: theme scores (weighted means of need; re-ranked
 * and transformed with anti-compensation),
 * total scores and ranks. The nominal ranking is one evaluation with every factor 1; a Monte
 * Carlo draw is one evaluation with perturbed factors. All buffers are allocated once, so a
 * draw allocates nothing.
 *
 * A theme with a single indicator has the same raw score under any weights (a weighted mean of
 * one value), so its scores are computed once; only themes with several indicators are
 * recomputed per draw.
 */
export class ScoreEngine {
  /** Theme score per theme and area; 0 where the area lacks the theme or is not ranked. */
  readonly themeScore: Float64Array[];
  /** 1 where a ranked area has the theme, else 0. */
  readonly themePresent: Float64Array[];
  /** Total score per ranked area (in the order of `model.ranked`), after evaluate(). */
  readonly total: Float64Array;
  /** Rank per ranked area (1 = most need), after rank(). */
  readonly ranks: Int32Array;

  private readonly dynamicThemes: number[];
  /** Per theme: its indicators, and a buffer for their weights in a draw. */
  private readonly themeIndicators: ModelIndicator[][];
  private readonly themeIndicatorWeights: Float64Array[];
  /**
   * Per theme with several indicators: need and presence member-major (member j's values side
   * by side), so a draw's weighted means read memory in order instead of one array per
   * indicator through an index: the hot loop of the Monte Carlo (bench/ranking.ts).
   */
  private readonly packedNeed: Float64Array[];
  private readonly packedPresent: Float64Array[];
  private readonly raw: Float64Array;
  private readonly counts: Int32Array;
  private readonly denominators: Float64Array;
  private readonly themeWeight: Float64Array;

  constructor(private readonly model: RankingModel) {
    const n = model.codes.length;
    const m = model.ranked.length;
    this.themeScore = model.themes.map(() => new Float64Array(n));
    this.themePresent = model.themes.map((theme) => {
      const present = new Float64Array(n);
      for (const a of theme.members) present[a] = 1;
      return present;
    });
    this.total = new Float64Array(m);
    this.ranks = new Int32Array(m);
    this.raw = new Float64Array(Math.max(1, n));
    this.counts = new Int32Array(Math.max(1, n));
    this.denominators = new Float64Array(Math.max(1, m));
    this.themeWeight = new Float64Array(model.themes.length);
    this.themeIndicators = model.themes.map((theme) =>
      theme.indicators.map((i) => model.indicators[i]!),
    );
    this.themeIndicatorWeights = model.themes.map(
      (theme) => new Float64Array(theme.indicators.length),
    );
    this.packedNeed = model.themes.map((theme, t) => this.pack(theme.members, t, 'need'));
    this.packedPresent = model.themes.map((theme, t) => this.pack(theme.members, t, 'present'));
    this.dynamicThemes = [];
    model.themes.forEach((theme, t) => {
      if (theme.indicators.length > 1) this.dynamicThemes.push(t);
      else this.scoreTheme(t);
    });
  }

  /**
   * Theme and total scores with every indicator weight multiplied by `indicatorFactor[i]` and
   * every theme weight by `themeFactor[t]` (model order). Factors of 1 give the nominal scores.
   */
  evaluate(indicatorFactor: Float64Array, themeFactor: Float64Array): void {
    const { model, themeWeight } = this;
    for (const t of this.dynamicThemes) {
      const own = model.themes[t]!.indicators;
      const weights = this.themeIndicatorWeights[t]!;
      for (let k = 0; k < own.length; k += 1) {
        weights[k] = model.indicators[own[k]!]!.weight * indicatorFactor[own[k]!]!;
      }
      this.scoreTheme(t);
    }
    for (let t = 0; t < model.themes.length; t += 1) {
      themeWeight[t] = model.themes[t]!.weight * themeFactor[t]!;
    }

    // Weighted mean over the themes each area has: themes it lacks drop out of both sums.
    const { ranked } = model;
    const { total, themeScore, themePresent, denominators } = this;
    total.fill(0);
    denominators.fill(0);
    for (let t = 0; t < themeScore.length; t += 1) {
      const weight = themeWeight[t]!;
      const score = themeScore[t]!;
      const present = themePresent[t]!;
      for (let j = 0; j < ranked.length; j += 1) {
        const a = ranked[j]!;
        total[j]! += weight * score[a]!;
        denominators[j]! += weight * present[a]!;
      }
    }
    for (let j = 0; j < ranked.length; j += 1) total[j]! /= denominators[j]!;
  }

  /** Ranks of the current totals: 1 + the number of strictly higher totals (ties share). */
  rank(): Int32Array {
    const { total, ranks } = this;
    this.model.ranker.countAbove(total, total.length, ranks);
    for (let j = 0; j < ranks.length; j += 1) ranks[j]! += 1;
    return ranks;
  }

  /** A theme's members' need or presence, member-major; empty for a one-indicator theme. */
  private pack(members: Int32Array, t: number, field: 'need' | 'present'): Float64Array {
    const own = this.themeIndicators[t]!;
    if (own.length === 1) return new Float64Array(0);
    const out = new Float64Array(members.length * own.length);
    for (let j = 0; j < members.length; j += 1)
      for (let k = 0; k < own.length; k += 1)
        out[j * own.length + k] = own[k]![field][members[j]!]!;
    return out;
  }

  /**
   * Raw theme score = weighted mean of the need of the theme's indicators an area has (weights
   * renormalised over those; one indicator: its need as is). With anti-compensation it is
   * re-ranked among the theme's members and looked up in the IMD table; without, it is the
   * theme score.
   */
  private scoreTheme(t: number): void {
    const { members, scoreByBelow } = this.model.themes[t]!;
    const own = this.themeIndicators[t]!;
    const weights = this.themeIndicatorWeights[t]!;
    const { raw, counts } = this;
    if (own.length === 1) {
      const need = own[0]!.need;
      for (let j = 0; j < members.length; j += 1) raw[j] = need[members[j]!]!;
    } else {
      // The same sums in the same order as over the indicators' own arrays, so the same digits.
      const need = this.packedNeed[t]!;
      const present = this.packedPresent[t]!;
      const size = own.length;
      for (let j = 0, base = 0; j < members.length; j += 1, base += size) {
        let sum = 0;
        let weight = 0;
        for (let k = 0; k < size; k += 1) {
          const w = weights[k]!;
          sum += w * need[base + k]!;
          weight += w * present[base + k]!;
        }
        raw[j] = sum / weight;
      }
    }
    const score = this.themeScore[t]!;
    if (!this.model.method.antiCompensation) {
      // The weighted mean itself: already on the common 0–1 scale of need, and monotone.
      for (let j = 0; j < members.length; j += 1) score[members[j]!] = raw[j]!;
      return;
    }
    this.model.ranker.countBelow(raw, members.length, counts);
    for (let j = 0; j < members.length; j += 1) score[members[j]!] = scoreByBelow[counts[j]!]!;
  }
}
