/**
 * Round a visible count to the nearest multiple of `to` (CBS rounds to 5), halves up, so that a
 * difference of two rounded figures no longer pins down a small group exactly. A step of 1 or
 * less (0 = off) leaves the value as it is: counts are whole numbers already.
 * @example roundCount(12, 5) // 10
 * @example roundCount(12.5, 5) // 15
 * @example roundCount(12, 0) // 12
 */
export function roundCount(value: number, to: number): number {
  if (!(to > 1) || !Number.isFinite(to) || !Number.isFinite(value)) return value;
  const rounded = Math.round(value / to) * to;
  // Math.round(-0.4) is -0; a count shown as "-0" would only confuse.
  return rounded === 0 ? 0 : rounded;
}
