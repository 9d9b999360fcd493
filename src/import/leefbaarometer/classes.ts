import { classFromCuts, LBM_BOUNDARIES } from '../../domain/indicators/lbm-boundaries.js';
import { DIMENSIONS } from './raw-schema.js';

export interface ClassDerivation {
  indicator: string;
  cuts: readonly number[];
  /** The value the class is of: afw for the total classes, the dimension for its own. */
  from: string;
}

/**
 * How to derive classes for a file without them: only from the boundaries configured for its
 * release (lbm-boundaries.ts), never guessed. An empty list means no classes are stored.
 * @example derivationsFor('lbm3-2024').map((d) => d.indicator) // ['lbm_score_class', 'lbm_afw_class', 'lbm_won_class', …]
 */
export function derivationsFor(release: string): ClassDerivation[] {
  const set = (appliesTo: 'score' | 'afw' | 'dimension') =>
    LBM_BOUNDARIES.find((b) => b.release === release && b.appliesTo === appliesTo)?.cuts ?? null;
  const out: ClassDerivation[] = [];
  const score = set('score');
  const afw = set('afw');
  const dimension = set('dimension');
  if (score) out.push({ indicator: 'lbm_score_class', cuts: score, from: 'afw' });
  if (afw) out.push({ indicator: 'lbm_afw_class', cuts: afw, from: 'afw' });
  if (dimension)
    for (const d of DIMENSIONS) out.push({ indicator: `lbm_${d}_class`, cuts: dimension, from: d });
  return out;
}

export function deriveClass(value: number, derivation: ClassDerivation): number {
  return classFromCuts(value, derivation.cuts);
}

/**
 * Release keys are `lbm3-YYYY` (the measurement the series was published with), optionally
 * with a suffix for a corrected edition (`lbm3-2024-r2`). Ordered by year, then suffix.
 * @example releaseYear('lbm3-2024') // 2024
 */
export function releaseYear(key: string): number | null {
  const match = /^lbm3-(\d{4})(?:-[a-z0-9]+)?$/.exec(key);
  return match ? Number(match[1]) : null;
}

/** Whether release a is newer than release b (by year, then by key). */
export function isNewerRelease(a: string, b: string): boolean {
  const ya = releaseYear(a) ?? 0;
  const yb = releaseYear(b) ?? 0;
  return ya !== yb ? ya > yb : a > b;
}
