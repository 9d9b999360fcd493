/**
 * The two summary statistics the veerkracht signal needs. Callers pass values in a fixed
 * order (areas sorted by code) so that floating-point sums, and with them every result, do not
 * depend on the order the areas arrived in.
 */

/** Arithmetic mean; null for no values. */
export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  let sum = 0;
  for (const value of values) sum += value;
  return sum / values.length;
}

/**
 * Population standard deviation (divide by N): it describes the spread of the areas given,
 * which is what a change is measured against, rather than estimating a wider population.
 * Null when there are fewer than two values or no spread at all, because then no change can be
 * expressed in it.
 * @example populationStandardDeviation([0, 0, 20, 20]) // 10
 */
export function populationStandardDeviation(values: readonly number[]): number | null {
  const centre = mean(values);
  if (centre === null || values.length < 2) return null;
  let squares = 0;
  for (const value of values) squares += (value - centre) ** 2;
  const sd = Math.sqrt(squares / values.length);
  return sd > 0 ? sd : null;
}
