import { lowerBound, upperBound } from './normalise.js';

/**
 * Exact rank counts in linear time, for the Monte Carlo draws: a national ranking re-ranks
 * twelve thousand scores several times per draw, a thousand draws long, and a comparison sort
 * each time would take seconds.
 *
 * How: scores are spread over B ≥ 2·capacity buckets by `floor((x − min)·(B − 1)/(max − min))`,
 * a counting sort groups them by bucket, and the rare bucket that holds more than one score is
 * resolved by comparing the scores themselves. Bucketing is monotone (x < y never puts y in a
 * lower bucket: subtraction, multiplication and floor all round monotonically), so "everything
 * in a higher bucket is greater" holds exactly and the counts are exact, not approximate: the
 * same numbers a sort would give, ties included. Work is O(m + B) per call, no allocation
 * except for a bucket of more than {@link PAIRWISE_LIMIT} scores (many exact ties).
 */

/** Up to this many scores in one bucket are compared pairwise; more are sorted. */
const PAIRWISE_LIMIT = 24;

export class ExactRanker {
  private readonly bucketCount: number;
  private readonly counts: Int32Array;
  private readonly ends: Int32Array;
  private readonly bucketOf: Int32Array;
  private readonly order: Int32Array;
  private readonly scratch: Float64Array;

  /** For up to `capacity` scores per call. */
  constructor(readonly capacity: number) {
    let buckets = 16;
    while (buckets < 2 * capacity) buckets *= 2;
    this.bucketCount = buckets;
    this.counts = new Int32Array(buckets);
    this.ends = new Int32Array(buckets);
    this.bucketOf = new Int32Array(Math.max(1, capacity));
    this.order = new Int32Array(Math.max(1, capacity));
    this.scratch = new Float64Array(Math.max(1, capacity));
  }

  /**
   * `out[j]` = how many of `values[0..m)` are strictly less than `values[j]`.
   * @example ranker.countBelow(Float64Array.of(3, 1, 3), 3, out) // out: [1, 0, 1]
   */
  countBelow(values: Float64Array, m: number, out: Int32Array): void {
    this.count(values, m, out, false);
  }

  /**
   * `out[j]` = how many of `values[0..m)` are strictly greater than `values[j]`.
   * @example ranker.countAbove(Float64Array.of(3, 1, 3), 3, out) // out: [0, 2, 0]
   */
  countAbove(values: Float64Array, m: number, out: Int32Array): void {
    this.count(values, m, out, true);
  }

  private count(values: Float64Array, m: number, out: Int32Array, above: boolean): void {
    if (m > this.capacity)
      throw new RangeError(`ExactRanker: ${m} scores, capacity ${this.capacity}`);
    if (m === 0) return;
    const { bucketCount, counts, ends, bucketOf, order, scratch } = this;
    let min = Infinity;
    let max = -Infinity;
    for (let j = 0; j < m; j += 1) {
      const x = values[j]!;
      if (x < min) min = x;
      if (x > max) max = x;
    }
    const span = max - min;
    let scale = span > 0 ? (bucketCount - 1) / span : 0;
    // A subnormal span could make the scale infinite, and 0 × ∞ is NaN: one bucket then.
    if (!Number.isFinite(scale)) scale = 0;
    const last = bucketCount - 1;

    counts.fill(0);
    for (let j = 0; j < m; j += 1) {
      let b = ((values[j]! - min) * scale) | 0;
      if (b > last) b = last;
      bucketOf[j] = b;
      counts[b]! += 1;
    }
    let start = 0;
    for (let b = 0; b < bucketCount; b += 1) {
      ends[b] = start;
      start += counts[b]!;
    }
    // Counting sort: afterwards ends[b] is the end of bucket b in `order`.
    for (let j = 0; j < m; j += 1) {
      const b = bucketOf[j]!;
      order[ends[b]!] = j;
      ends[b]! += 1;
    }

    for (let p = 0; p < m;) {
      const b = bucketOf[order[p]!]!;
      const end = ends[b]!;
      const size = end - p;
      // Scores in lower buckets are all less, in higher buckets all greater.
      const base = above ? m - end : p;
      if (size === 1) {
        out[order[p]!] = base;
      } else if (size <= PAIRWISE_LIMIT) {
        for (let q = p; q < end; q += 1) {
          const j = order[q]!;
          const x = values[j]!;
          let n = 0;
          for (let r = p; r < end; r += 1) {
            const y = values[order[r]!]!;
            if (above ? y > x : y < x) n += 1;
          }
          out[j] = base + n;
        }
      } else {
        for (let q = p; q < end; q += 1) scratch[q - p] = values[order[q]!]!;
        const sorted = scratch.subarray(0, size).sort();
        for (let q = p; q < end; q += 1) {
          const j = order[q]!;
          const x = values[j]!;
          out[j] =
            base + (above ? size - upperBound(sorted, size, x) : lowerBound(sorted, size, x));
        }
      }
      p = end;
    }
  }
}
