import type { ObservationStatus } from '../shared/observation-status.js';
import { COUNT_KEYS, DATA_YEARS, DIMENSION_KEYS, LBM_YEARS } from './calendar.js';
import { writeLbmSet, type DimensionValues } from './leefbaarometer.js';
import type { ObservationTable } from './observation-table.js';

/** Weighted means: the figure and the count that weighs it (the figure's own denominator). */
const MEANS: ReadonlyArray<{ key: string; weight: string; decimals: number }> = [
  // Shares and mean value of dwellings weigh by dwellings, not inhabitants.
  { key: 'p_huurw', weight: 'a_woning', decimals: 0 },
  { key: 'p_wcorpw', weight: 'a_woning', decimals: 0 },
  { key: 'g_wozbag', weight: 'a_woning', decimals: 0 },
  { key: 'g_ink_pi', weight: 'a_inw', decimals: 1 },
  { key: 'p_hh_li', weight: 'a_hh', decimals: 0 },
  { key: 'p_hh_osm', weight: 'a_hh', decimals: 0 },
];

/**
 * Derive a parent's figures from its children (buurten → wijk, buurten → gemeente): sums for
 * counts, weighted means for shares and amounts, soz_wb_per_1000 from the summed counts, and the
 * Leefbaarometer as the inhabitant-weighted mean of the scored children. Runs before small
 * buurten are suppressed (see suppressSmallBuurten): like CBS totals, a parent includes what it
 * hides per buurt. When no child has a value the parent gets the children's status, and
 * nothing when they have none.
 * @example aggregateInto(table, 'WK990101', ['BU99010101', 'BU99010102'])
 */
export function aggregateInto(
  table: ObservationTable,
  parentCode: string,
  childCodes: readonly string[],
): void {
  for (const year of DATA_YEARS) {
    for (const key of COUNT_KEYS) {
      const parts = collect(table, childCodes, key, year, () => 1);
      if (parts) write(table, parentCode, key, year, parts, (p) => p.sum);
    }
    const inhabitants = table.value(parentCode, 'a_inw', year);
    const assistance = table.value(parentCode, 'a_soz_wb', year);
    if (inhabitants !== undefined && assistance !== undefined) {
      table.set(parentCode, 'soz_wb_per_1000', year, (assistance / inhabitants) * 1000);
    } else {
      const cell = table.get(parentCode, 'a_soz_wb', year);
      if (cell && cell.status !== 'ok' && cell.status !== 'provisional') {
        table.setWithout(parentCode, 'soz_wb_per_1000', year, cell.status);
      }
    }
    for (const { key, weight, decimals } of MEANS) {
      const parts = collect(
        table,
        childCodes,
        key,
        year,
        (child) => table.value(child, weight, year) ?? 0,
      );
      if (parts)
        write(table, parentCode, key, year, parts, (p) =>
          roundTo(p.weighted / p.weights, decimals),
        );
    }
  }
  for (const year of LBM_YEARS) {
    // Unscored children (no lbm rows at all) simply do not count, as in the real wijk files.
    const dimensions = {} as DimensionValues;
    let complete = true;
    for (const key of DIMENSION_KEYS) {
      const weightOf = (child: string): number => table.value(child, 'a_inw', year) ?? 0;
      const parts = collect(table, childCodes, key, year, weightOf);
      if (!parts || parts.weights === 0) complete = false;
      else dimensions[key] = parts.weighted / parts.weights;
    }
    if (complete) writeLbmSet(table, parentCode, year, dimensions);
  }
}

interface Parts {
  /** Number of children with a value. */
  count: number;
  sum: number;
  weighted: number;
  weights: number;
  /** Status of the children without a value ('secret' wins over 'missing'). */
  status: Exclude<ObservationStatus, 'ok' | 'provisional'> | null;
}

function collect(
  table: ObservationTable,
  childCodes: readonly string[],
  key: string,
  year: number,
  weightOf: (child: string) => number,
): Parts | null {
  const parts: Parts = { count: 0, sum: 0, weighted: 0, weights: 0, status: null };
  let present = false;
  for (const child of childCodes) {
    const cell = table.get(child, key, year);
    if (!cell) continue;
    present = true;
    if (cell.value === null) {
      const status =
        cell.status === 'ok' || cell.status === 'provisional' ? 'missing' : cell.status;
      if (parts.status !== 'secret') parts.status = status;
      continue;
    }
    const weight = weightOf(child);
    parts.count += 1;
    parts.sum += cell.value;
    parts.weighted += weight * cell.value;
    parts.weights += weight;
  }
  return present ? parts : null;
}

function write(
  table: ObservationTable,
  parentCode: string,
  key: string,
  year: number,
  parts: Parts,
  valueOf: (parts: Parts) => number,
): void {
  if (parts.count > 0 && parts.weights > 0) table.set(parentCode, key, year, valueOf(parts));
  else table.setWithout(parentCode, key, year, parts.status ?? 'missing');
}

function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}
