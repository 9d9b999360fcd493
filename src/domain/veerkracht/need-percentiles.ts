/**
 * Need percentiles as the neighbourhood ranking defines them (domain.md §9.6):
 * p = (rank − 1) / (N − 1), ranks ascending by need, ties take the lowest rank. So the area
 * with the least need has 0, the one with the most has 1, and tied areas share the lower
 * percentile, which never overstates need. Ranks use only order, so a change of unit
 * (fractions instead of percentages) changes nothing.
 *
 * Needs must be oriented by the caller so that higher = more need. Fewer than two areas give
 * no percentiles: a rank among one says nothing.
 * @example needPercentiles(new Map([['a', 5], ['b', 1], ['c', 5]])) // a → 0.5, b → 0, c → 0.5
 */
export function needPercentiles(needs: ReadonlyMap<string, number>): Map<string, number> {
  const result = new Map<string, number>();
  const n = needs.size;
  if (n < 2) return result;
  const sorted = [...needs.values()].sort((a, b) => a - b);
  for (const [code, need] of needs) {
    const rank = lowerBound(sorted, need) + 1;
    result.set(code, (rank - 1) / (n - 1));
  }
  return result;
}

/** Index of the first element not below `value` in an ascending array (= count below it). */
function lowerBound(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle]! < value) low = middle + 1;
    else high = middle;
  }
  return low;
}
