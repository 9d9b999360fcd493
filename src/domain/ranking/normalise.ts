/**
 * The formulas that turn one indicator's values into need scores in [0, 1] (1 = most need),
 * and the IMD exponential transform. Inputs are already oriented to need: higher means more
 * need. compute-ranking.ts documents where each is used.
 */

/**
 * Percentile rank of need, the CDC SVI formula: `(rank − 1)/(N − 1)` with ranks ascending in
 * need and ties at the lowest rank, i.e. the share of the other areas with strictly less need.
 * All-equal values all get 0 (the SVI rule); a single value gets 0.5, because with nothing to
 * compare it with it is neither high nor low.
 * @example percentileNeeds(Float64Array.of(10, 20, 20, 40)) // [0, 1/3, 1/3, 1]
 */
export function percentileNeeds(oriented: Float64Array): Float64Array {
  const n = oriented.length;
  const out = new Float64Array(n);
  if (n === 1) out[0] = 0.5;
  if (n <= 1) return out;
  const sorted = Float64Array.from(oriented).sort();
  for (let j = 0; j < n; j += 1) out[j] = lowerBound(sorted, n, oriented[j]!) / (n - 1);
  return out;
}

/**
 * z-score of need, `(x − mean)/sd` with the population standard deviation, mapped into [0, 1]
 * through the standard normal distribution function Φ: the need is the share of a normal
 * population with the same mean and spread that lies below the value. Order and distances near
 * the centre survive; outliers are bounded instead of dominating. No spread (one value or all
 * equal) gives 0.5 to every area.
 * @example zscoreNeeds(Float64Array.of(1, 2, 3)) // [Φ(−1.2247), 0.5, Φ(1.2247)] ≈ [0.110, 0.5, 0.890]
 */
export function zscoreNeeds(oriented: Float64Array): Float64Array {
  const n = oriented.length;
  const out = new Float64Array(n);
  if (n === 0) return out;
  let min = Infinity;
  let max = -Infinity;
  for (let j = 0; j < n; j += 1) {
    min = Math.min(min, oriented[j]!);
    max = Math.max(max, oriented[j]!);
  }
  // All equal is tested on the values, not on the sd: the computed mean of equal values can
  // miss them by a rounding error (0.1, 0.1, 0.1 has mean 0.10000000000000002), which left a
  // tiny sd > 0 and gave every area Φ(−1) ≈ 0.159 instead of 0.5.
  if (min === max) return out.fill(0.5);
  // Beyond about 1e120 the squares below would overflow to Infinity (and Infinity/Infinity is
  // NaN). z-scores do not depend on the unit, and a power of two rescales exactly.
  if (Math.max(-min, max) > 2 ** 400) return zscoreNeeds(oriented.map((x) => x * 2 ** -600));
  let sum = 0;
  for (let j = 0; j < n; j += 1) sum += oriented[j]!;
  const mean = sum / n;
  let squares = 0;
  for (let j = 0; j < n; j += 1) squares += (oriented[j]! - mean) ** 2;
  const sd = Math.sqrt(squares / n);
  for (let j = 0; j < n; j += 1) {
    out[j] = sd > 0 ? standardNormalCdf((oriented[j]! - mean) / sd) : 0.5;
  }
  return out;
}

/**
 * Min–max scaling of need, `(x − min)/(max − min)`: the neediest area gets 1, the least needy 0,
 * distances are kept (so one outlier compresses everyone else). No spread gives 0.5.
 * @example minmaxNeeds(Float64Array.of(2, 4, 10)) // [0, 0.25, 1]
 */
export function minmaxNeeds(oriented: Float64Array): Float64Array {
  const n = oriented.length;
  const out = new Float64Array(n);
  let min = Infinity;
  let max = -Infinity;
  for (let j = 0; j < n; j += 1) {
    min = Math.min(min, oriented[j]!);
    max = Math.max(max, oriented[j]!);
  }
  const span = max - min;
  // Only values near ±1.8e308 make the span overflow; halving is exact and changes no share.
  if (span === Infinity) return minmaxNeeds(oriented.map((x) => x / 2));
  for (let j = 0; j < n; j += 1) out[j] = span > 0 ? (oriented[j]! - min) / span : 0.5;
  return out;
}

const IMD_CONSTANT = 1 - Math.exp(-100 / 23);

/**
 * The English IMD exponential transform `X = −23·ln(1 − R·(1 − e^(−100/23)))` of a need
 * percentile R in [0, 1]: X runs from 0 (R = 0) to 100 (R = 1), and the neediest 10% of areas
 * get X > 50. Because X rises steeply only at the needy end, little need in one theme cannot
 * cancel much need in another.
 * @example imdTransform(0.5) // 15.6468… (−23·ln(1 − 0.5·0.98706…) = −23·ln(0.50647…))
 */
export function imdTransform(r: number): number {
  return -23 * Math.log1p(-r * IMD_CONSTANT);
}

const LOG_SQRT_2PI = 0.9189385332046728;
/** From this |z| on, Φ is computed from its tail (see standardNormalCdf). */
const TAIL_FROM = 3;
/** Terms of the continued fraction: enough for full double precision from |z| = 3 on. */
const TAIL_TERMS = 80;

/**
 * Φ, the standard normal distribution function, with an absolute error below 1e-15 and, in
 * the lower tail, a relative error below 1e-14 down to z = −10 (about 2e-16·z² further out,
 * from the rounding of z²). It keeps the order of any two arguments more than 1e-13 apart: a
 * z-score need must not reorder areas: two needs in the wrong order move ranks.
 *
 * |z| < 3: Marsaglia's series (2004), `Φ(z) = ½ + φ(z)·(z + z³/3 + z⁵/(3·5) + …)`.
 * |z| ≥ 3: the smaller tail `Q(x) = φ(x)·R(x)`, x = |z|, with Mills' ratio as the continued
 * fraction `R(x) = 1/(x + 1/(x + 2/(x + 3/(x + …))))` evaluated backwards; Φ(z) = Q for z < 0
 * and 1 − Q for z > 0.
 *
 * Why two ranges: the series alone (as this function was first written, for |z| ≤ 8, clamped
 * beyond) computes the lower tail as ½ minus nearly ½, an absolute error of about 1e-15 on
 * values as small as Φ(−8) ≈ 6.2e-16, and sums about a hundred terms in the upper tail. Beyond
 * |z| ≈ 6 it was not monotone even for arguments 0.01 apart: it gave Φ(−7.96) = 0 <
 * Φ(−7.97) ≈ 1.7e-15 and Φ(7.91) < Φ(7.90).
 * @example standardNormalCdf(1.959963984540054) // 0.975
 */
export function standardNormalCdf(z: number): number {
  // NaN would never meet the series' stopping test (NaN !== NaN): answer it instead of looping.
  if (Number.isNaN(z)) return NaN;
  const x = Math.abs(z);
  if (x < TAIL_FROM) {
    let sum = z;
    let previous = 0;
    let term = z;
    const square = z * z;
    for (let i = 1; sum !== previous;) {
      previous = sum;
      i += 2;
      term *= square / i;
      sum = previous + term;
    }
    return 0.5 + sum * Math.exp(-0.5 * square - LOG_SQRT_2PI);
  }
  let fraction = x;
  for (let k = TAIL_TERMS; k >= 1; k -= 1) fraction = x + k / fraction;
  const tail = Math.exp(-0.5 * x * x - LOG_SQRT_2PI) / fraction;
  return z < 0 ? tail : 1 - tail;
}

/** The number of sorted[0..n) strictly less than x. */
export function lowerBound(sorted: ArrayLike<number>, n: number, x: number): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The number of sorted[0..n) less than or equal to x. */
export function upperBound(sorted: ArrayLike<number>, n: number, x: number): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
