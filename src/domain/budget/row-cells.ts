/**
 * Reading the cells of ONE imported row (a CSV/XLSX line or a JSON object) for the complex and
 * spending validators. A row is a map from column name to value as the file reader hands it
 * over (text from tables, numbers/strings/null from JSON); columns are found by name,
 * case-insensitively, under a few Dutch and English aliases. Problems name the column as the
 * file spells it and say what was expected, like the importers in src/import (ImportIssue:
 * `message` + `expected`), so an importer can add the file and line and pass them on as is.
 */

export type RawRow = ReadonlyMap<string, unknown> | Readonly<Record<string, unknown>>;

export interface RowProblem {
  /** The column as the file names it (or the first alias when the column is absent). */
  column: string;
  message: string;
  /** What a valid value looks like. */
  expected?: string;
}

export type RowResult<T> =
  { ok: true; value: T; warnings: RowProblem[] } | { ok: false; problems: RowProblem[] };

export interface Cell {
  /** The column name as the row spells it, or the first alias when absent. */
  column: string;
  /** Trimmed text; null when absent or empty. */
  text: string | null;
  /** The value as given (a number stays a number). */
  raw: unknown;
}

/**
 * The first of the aliases that the row has a non-empty value for (case-insensitive); falls
 * back to the first alias the row has at all, then to the first alias.
 * @example cellOf(new Map([['Bedrag', ' 12,50 ']]), ['bedrag', 'amount']).text // '12,50'
 */
export function cellOf(row: RawRow, aliases: readonly string[]): Cell {
  const entries: [string, unknown][] =
    row instanceof Map ? [...row.entries()] : Object.entries(row as Record<string, unknown>);
  const byName = new Map<string, [string, unknown]>();
  for (const [name, value] of entries) {
    const key = name.trim().toLowerCase();
    if (!byName.has(key)) byName.set(key, [name, value]);
  }
  let fallback: Cell | null = null;
  for (const alias of aliases) {
    const found = byName.get(alias.toLowerCase());
    if (!found) continue;
    const cell = { column: found[0], text: textOf(found[1]), raw: found[1] };
    if (cell.text !== null) return cell;
    fallback ??= cell;
  }
  return fallback ?? { column: aliases[0] ?? '', text: null, raw: undefined };
}

/** A value as trimmed text: numbers in plain decimal form, dates as yyyy-mm-dd (UTC fields). */
export function textOf(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : null;
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? null : value.toISOString().slice(0, 10);
  }
  const text = String(value).trim();
  return text === '' ? null : text;
}

/**
 * A whole number from a cell: a JS integer, or text of digits only (no separators: a dwelling
 * count "1.234" could be a thousand or a typo, and complexes that large are rare enough to
 * write without a point). Null when it is not one.
 */
export function wholeNumberOf(cell: Cell): number | null {
  if (typeof cell.raw === 'number') return Number.isSafeInteger(cell.raw) ? cell.raw : null;
  if (cell.text === null || !/^\+?\d{1,15}$/.test(cell.text)) return null;
  return Number(cell.text);
}

/**
 * A decimal number from a cell: a finite JS number, or text with '.' or ',' as the decimal
 * separator and no thousands separators (coordinates: 52.37 or 52,37). Null otherwise.
 */
export function decimalOf(cell: Cell): number | null {
  if (typeof cell.raw === 'number') return Number.isFinite(cell.raw) ? cell.raw : null;
  if (cell.text === null || !/^[+-]?\d+(?:[.,]\d+)?$/.test(cell.text)) return null;
  return Number(cell.text.replace(',', '.'));
}

/** Yes/no in Dutch or English: ja/nee, j/n, yes/no, y/n, true/false, 1/0. Null otherwise. */
export function booleanOf(text: string): boolean | null {
  const value = text.trim().toLowerCase();
  if (['ja', 'j', 'yes', 'y', 'true', 'waar', '1'].includes(value)) return true;
  if (['nee', 'n', 'no', 'false', 'onwaar', '0'].includes(value)) return false;
  return null;
}

/** Shows a cell's text in a message, shortened when long. */
export function quote(text: string): string {
  return `"${text.length > 60 ? `${text.slice(0, 57)}…` : text}"`;
}
