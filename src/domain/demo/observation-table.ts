import type { ObservationStatus } from '../shared/observation-status.js';
import type { DemoObservation } from './demo-dataset.js';

export interface Cell {
  value: number | null;
  status: ObservationStatus;
}

/**
 * Observations by area, indicator and year while the world is being built; `toList` gives them
 * the stable order the dataset promises, whatever order they were written in.
 */
export class ObservationTable {
  private readonly cells = new Map<string, Map<number, Cell>>();

  /** Store a value with status 'ok'. */
  set(areaCode: string, key: string, year: number, value: number): void {
    this.put(areaCode, key, year, { value, status: 'ok' });
  }

  /** Store a figure that exists but has no value (secret, missing, not applicable). */
  setWithout(
    areaCode: string,
    key: string,
    year: number,
    status: Exclude<ObservationStatus, 'ok' | 'provisional'>,
  ): void {
    this.put(areaCode, key, year, { value: null, status });
  }

  put(areaCode: string, key: string, year: number, cell: Cell): void {
    const id = `${areaCode}|${key}`;
    let byYear = this.cells.get(id);
    if (!byYear) {
      byYear = new Map();
      this.cells.set(id, byYear);
    }
    byYear.set(year, cell);
  }

  get(areaCode: string, key: string, year: number): Cell | undefined {
    return this.cells.get(`${areaCode}|${key}`)?.get(year);
  }

  /** The value when the status carries one, else undefined. */
  value(areaCode: string, key: string, year: number): number | undefined {
    const cell = this.get(areaCode, key, year);
    return cell && cell.value !== null ? cell.value : undefined;
  }

  /**
   * All observations ordered by area (in the given order), indicator (in the given order), year.
   * @example table.toList(['GM9901'], ['a_inw'], [2014, 2015]) // GM9901 a_inw 2014, then 2015
   */
  toList(
    areaOrder: readonly string[],
    indicatorOrder: readonly string[],
    years: readonly number[],
  ): DemoObservation[] {
    const out: DemoObservation[] = [];
    for (const areaCode of areaOrder) {
      for (const indicatorKey of indicatorOrder) {
        const byYear = this.cells.get(`${areaCode}|${indicatorKey}`);
        if (!byYear) continue;
        for (const year of years) {
          const cell = byYear.get(year);
          if (cell)
            out.push({ areaCode, indicatorKey, year, value: cell.value, status: cell.status });
        }
      }
    }
    return out;
  }

  /** Number of stored observations, to check that `toList` dropped none. */
  get size(): number {
    let size = 0;
    for (const byYear of this.cells.values()) size += byYear.size;
    return size;
  }
}
