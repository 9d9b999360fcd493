import {
  SPENDING_COLUMNS,
  validateSpendingRow,
  type SpendingRow,
  type SpendingRowOptions,
} from '../../domain/budget/spending-row.js';
import { IssueCollector } from '../import-error.js';
import type { ImportPlan, Located } from '../import-plan.js';
import type { SourceRecords } from '../records.js';
import { REQUIRED_SPENDING_COLUMNS } from './raw-schema.js';

/**
 * Checks every spending line of a file for one budget year: dates in the year, amounts,
 * categories, one place to book on. Pure. What needs the database (does the region, buurt,
 * complex or line exist) is checked again by `checkSpendingRows` with the lists.
 */
export function planSpending(source: SourceRecords, year: number): ImportPlan {
  const issues = new IssueCollector();
  const file = source.file;
  const present = new Set(source.names.map((n) => n.toLowerCase()));
  for (const column of REQUIRED_SPENDING_COLUMNS) {
    const aliases: readonly string[] = SPENDING_COLUMNS[column];
    if (!aliases.some((a) => present.has(a))) {
      issues.add({
        file,
        line: 1,
        message: `missing required column: ${aliases[0]}`,
        expected: `a column named ${aliases.join(', ')}`,
      });
    }
  }
  if (source.records.length === 0)
    issues.add({ file, line: 1, message: 'the file has a header but no data rows' });
  issues.throwIfAny();
  const rows: Located<ReadonlyMap<string, string>>[] = source.records.map((record) => ({
    line: record.at.line ?? 0,
    row: new Map(
      source.names.map((name) => [name, String(record.fields.get(name.toLowerCase()) ?? '')]),
    ),
  }));
  checkSpendingRows(file, rows, { year }, issues);
  issues.throwIfAny();
  return {
    kind: 'spending',
    source: 'corporation',
    release: null,
    boundaryYear: year,
    rowsRead: rows.length,
    areas: [],
    areasAuthoritative: false,
    indicators: [],
    observations: [],
    replaceSeries: null,
    messages: source.warnings.map((text) => ({ level: 'info' as const, text })),
    records: { kind: 'spending', year, rows },
  };
}

/** Validates every row with the given lists; problems go to `issues` with file and line. */
export function checkSpendingRows(
  file: string,
  rows: readonly Located<ReadonlyMap<string, string>>[],
  options: SpendingRowOptions,
  issues: IssueCollector,
): Located<SpendingRow>[] {
  const valid: Located<SpendingRow>[] = [];
  for (const { line, row } of rows) {
    const result = validateSpendingRow(row, options);
    if (result.ok) valid.push({ line, row: result.value });
    else
      for (const p of result.problems)
        issues.add({
          file,
          line,
          column: p.column,
          message: p.message,
          ...(p.expected !== undefined ? { expected: p.expected } : {}),
        });
  }
  return valid;
}
