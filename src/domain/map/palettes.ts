import type { Direction } from '../indicators/indicator.js';

/**
 * Colour-blind-safe palettes, ordered from class 1 (lowest value) upward.
 * - Direction-aware indicators run from unfavourable (orange) to favourable (purple), after
 *   ColorBrewer PuOr, which stays distinguishable for the common colour-vision deficiencies.
 * - Neutral quantities (inhabitants, dwellings) use sequential YlGnBu: darker is more.
 * - Leefbaarometer classes 1–9 use the LBM 3.0 legend colours (orange → cream → green),
 *   chosen by the publisher for colour-blind readers (domain.md §1.6; verify against the
 *   official legend).
 */
const UNFAVOURABLE_TO_FAVOURABLE: Record<number, readonly string[]> = {
  2: ['#e66101', '#5e3c99'],
  3: ['#e66101', '#f7f7f7', '#5e3c99'],
  4: ['#e66101', '#fdb863', '#b2abd2', '#5e3c99'],
  5: ['#e66101', '#fdb863', '#f7f7f7', '#b2abd2', '#5e3c99'],
};

const SEQUENTIAL: Record<number, readonly string[]> = {
  2: ['#a1dab4', '#225ea8'],
  3: ['#edf8b1', '#7fcdbb', '#2c7fb8'],
  4: ['#ffffcc', '#a1dab4', '#41b6c4', '#225ea8'],
  5: ['#ffffcc', '#a1dab4', '#41b6c4', '#2c7fb8', '#253494'],
};

export const LBM_CLASS_COLOURS: readonly string[] = [
  '#cf783f',
  '#d7995e',
  '#e0b881',
  '#fbf2c4',
  '#d0d2a6',
  '#a7b38a',
  '#819470',
  '#5e7657',
  '#3b5941',
];

/** Fill for areas without a value (missing, secret, not applicable). */
export const NO_DATA_COLOUR = '#c9ccd1';

/**
 * Colours for `count` quantile classes of an indicator, class 1 (lowest values) first.
 * @example paletteFor('higher_is_worse', 5)[4] // '#e66101': the highest values are unfavourable
 */
export function paletteFor(direction: Direction, count: number): readonly string[] {
  const n = Math.max(1, Math.min(5, count));
  if (n === 1) return [direction === 'neutral' ? '#41b6c4' : '#b2abd2'];
  if (direction === 'neutral') return SEQUENTIAL[n]!;
  const colours = UNFAVOURABLE_TO_FAVOURABLE[n]!;
  return direction === 'higher_is_better' ? colours : [...colours].reverse();
}
