import type { SuppressionReason } from './disclosure-rules.js';

/** One area's share (percentage) with the base it was computed on, e.g. the number of dwellings. */
export interface ShareCell {
  code: string;
  /** The published share; null when there is none (nothing to hide). */
  value: number | null;
  /** The base indicator's value for the same area and year; null when it is missing. */
  base: number | null;
}

export type ShareSuppressionReason = Extract<SuppressionReason, 'small_base' | 'unknown_base'>;

export interface ShareSuppressionOptions {
  /** Shares on a smaller base are hidden. */
  minBase: number;
  /** Whether the indicator names a base indicator at all. */
  baseConfigured: boolean;
  /**
   * Public open data (e.g. CBS Kerncijfers): already published by its source, so an indicator
   * without a configured base may be shown. The caller decides; this function only obeys.
   */
  publicSource: boolean;
}

/**
 * Which shares to hide. A share on a small base reveals individuals (1 of 3 dwellings is 33%),
 * so it is hidden when its base is small; when the base cannot be checked the share is hidden
 * too, unless the indicator has no base and comes from public open data. Shares need no
 * secondary suppression: a parent's share is not the sum of its children's.
 * @example suppressShares([{ code: 'BU03920101', value: 40, base: 12 }], { minBase: 50, baseConfigured: true, publicSource: false }) // Map { 'BU03920101' => 'small_base' }
 */
export function suppressShares(
  cells: readonly ShareCell[],
  options: ShareSuppressionOptions,
): Map<string, ShareSuppressionReason> {
  const hidden = new Map<string, ShareSuppressionReason>();
  if (!options.baseConfigured && options.publicSource) return hidden;
  for (const cell of cells) {
    if (cell.value === null) continue;
    // A base that is not a number cannot vouch for the share any more than a missing one.
    if (!options.baseConfigured || cell.base === null || !Number.isFinite(cell.base)) {
      hidden.set(cell.code, 'unknown_base');
    } else if (cell.base < options.minBase) hidden.set(cell.code, 'small_base');
  }
  return hidden;
}
