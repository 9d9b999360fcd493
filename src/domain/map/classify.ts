import type { Direction } from '../indicators/indicator.js';
import { LBM_CLASS_COLOURS, paletteFor } from './palettes.js';

/** One class of a choropleth legend. */
export interface MapClass {
  /** 1-based; class 1 holds the lowest values. */
  class: number;
  /** Lowest and highest value observed in the class (null for fixed schemes without data). */
  min: number | null;
  max: number | null;
  count: number;
  colour: string;
  /** Fixed label for named schemes (Leefbaarometer), else null: the legend shows min–max. */
  labelNl: string | null;
  labelEn: string | null;
}

export interface Classification {
  method: 'quantile' | 'fixed';
  classes: MapClass[];
}

/**
 * Quantile classes: each class gets about the same number of areas, which reads well for
 * skewed figures and explains simply ("the fifth with the highest share"). Ties never split:
 * equal values always share a class, so a class can hold more than its fifth.
 * @example classifyQuantiles([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 5, 'neutral').classOf(10) // 5
 */
export function classifyQuantiles(
  values: readonly number[],
  wanted: number,
  direction: Direction,
): Classification & { classOf(value: number): number } {
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  const breaks: number[] = [];
  for (let i = 1; i < wanted && n > 0; i += 1) {
    const candidate = sorted[Math.min(n - 1, Math.floor((i * n) / wanted))]!;
    // A break is the lowest value of the next class; it must rise above the minimum and the previous break.
    if (candidate > sorted[0]! && (breaks.length === 0 || candidate > breaks[breaks.length - 1]!)) {
      breaks.push(candidate);
    }
  }
  const classOf = (value: number) => {
    let cls = 1;
    for (const b of breaks) if (value >= b) cls += 1;
    return cls;
  };
  const count = n === 0 ? 0 : breaks.length + 1;
  const colours = paletteFor(direction, count);
  const classes: MapClass[] = Array.from({ length: count }, (_, i) => ({
    class: i + 1,
    min: null,
    max: null,
    count: 0,
    colour: colours[i]!,
    labelNl: null,
    labelEn: null,
  }));
  for (const value of sorted) {
    const c = classes[classOf(value) - 1]!;
    c.count += 1;
    if (c.min === null) c.min = value;
    c.max = value;
  }
  return { method: 'quantile', classes, classOf };
}

/**
 * The nine fixed Leefbaarometer classes, with counts of the classes present in the data.
 * @example classifyLbm([7, 7, 3], labelsNl, labelsEn).classes[6].count // 2
 */
export function classifyLbm(
  classValues: readonly number[],
  labelsNl: readonly string[],
  labelsEn: readonly string[],
): Classification {
  const classes: MapClass[] = LBM_CLASS_COLOURS.map((colour, i) => ({
    class: i + 1,
    min: null,
    max: null,
    count: 0,
    colour,
    labelNl: labelsNl[i] ?? String(i + 1),
    labelEn: labelsEn[i] ?? String(i + 1),
  }));
  for (const v of classValues) {
    const c = classes[Math.round(v) - 1];
    if (c) c.count += 1;
  }
  return { method: 'fixed', classes };
}
