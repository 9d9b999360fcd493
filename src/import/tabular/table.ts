import type { IssueCollector } from '../import-error.js';

/** One data record. `line` is where it starts: the physical line (CSV) or sheet row (XLSX). */
export interface TableRow {
  line: number;
  cells: string[];
}

/**
 * A file read as a rectangle of trimmed strings, the same shape for CSV and XLSX so that the
 * importers above never look at the file format. Every row has exactly `header.length` cells.
 */
export interface Table {
  file: string;
  format: 'csv' | 'xlsx';
  /** The CSV delimiter used; null for a spreadsheet. */
  delimiter: string | null;
  header: string[];
  rows: TableRow[];
  warnings: string[];
}

function listColumns(numbers: number[]): string {
  if (numbers.length === 1) return `column ${numbers[0]}`;
  return `columns ${numbers.slice(0, -1).join(', ')} and ${numbers.at(-1)}`;
}

/**
 * Header names must be present and unique: importers find columns by name, so a blank or a
 * repeated name would make a value unreachable or ambiguous. Column numbers are 1-based, as a
 * user counts them in a spreadsheet.
 *
 * @example
 * checkHeader('kwb.csv', ['code', '', 'code'], 1, issues)
 * // adds "column 2 has no name in the header" and, for column 'code', "column name appears 2 times in the header (columns 1 and 3)"
 */
export function checkHeader(
  file: string,
  header: readonly string[],
  line: number,
  issues: IssueCollector,
): void {
  const unnamed: number[] = [];
  // Importers look columns up case-insensitively, so "a_inw" and "A_INW" are one name twice.
  const seen = new Map<string, number[]>();
  header.forEach((name, i) => {
    if (name === '') unnamed.push(i + 1);
    else seen.set(name.toLowerCase(), [...(seen.get(name.toLowerCase()) ?? []), i + 1]);
  });
  if (unnamed.length > 0) {
    issues.add({
      file,
      line,
      message: `${listColumns(unnamed)} ${unnamed.length === 1 ? 'has' : 'have'} no name in the header`,
      expected: 'a name in every header cell',
    });
  }
  for (const [, columns] of seen) {
    if (columns.length < 2) continue;
    issues.add({
      file,
      line,
      column: header[columns[0]! - 1]!,
      message: `column name appears ${columns.length} times in the header (${listColumns(columns)})`,
      expected: 'each column name once',
    });
  }
}

/**
 * A header without rows is almost always a failed or cut-off export, never a valid empty
 * dataset, so it is an error rather than an import of nothing.
 *
 * @example
 * checkHasRows('kwb.csv', 1, [], issues) // adds "the file has a header but no data rows"
 */
export function checkHasRows(
  file: string,
  headerLine: number,
  rows: readonly TableRow[],
  issues: IssueCollector,
): void {
  if (rows.length === 0) {
    issues.add({ file, line: headerLine, message: 'the file has a header but no data rows' });
  }
}
