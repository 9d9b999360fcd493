import type { ObservationStatus } from '../domain/shared/observation-status.js';
import { parseCbsNumber, type Cell } from './tabular/numbers.js';
import type { SourceRecord } from './records.js';

/**
 * A numeric field as a Cell: numbers from geo attributes pass through (a null attribute is
 * missing), text goes through the CBS rules (symbols, sentinels, decimal separator).
 */
export function numberCell(
  record: SourceRecord,
  field: string,
  decimal: '.' | ',',
  options: { dash?: 'zero' | 'missing' } = {},
): Cell {
  const value = record.fields.get(field);
  if (value === null || value === undefined) return { kind: 'missing' };
  if (typeof value === 'number') {
    if (!Number.isFinite(value))
      return { kind: 'invalid', reason: `not a finite number: ${value}` };
    return value <= -99990 ? { kind: 'missing' } : { kind: 'value', value, provisional: false };
  }
  return parseCbsNumber(String(value), decimal, options);
}

/** The stored form of a cell: a value with ok/provisional, or null with its status. */
export function observationOf(cell: Exclude<Cell, { kind: 'invalid' }>): {
  value: number | null;
  status: ObservationStatus;
} {
  if (cell.kind === 'value')
    return { value: cell.value, status: cell.provisional ? 'provisional' : 'ok' };
  return { value: null, status: cell.kind };
}
