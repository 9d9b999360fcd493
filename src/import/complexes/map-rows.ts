import {
  COMPLEX_COLUMNS,
  duplicateComplexIds,
  validateComplexRow,
  type PlannedComplex,
} from '../../domain/budget/complex-row.js';
import type { PlacementProblem } from '../../domain/budget/place-complexes.js';
import { IssueCollector, type ImportIssue } from '../import-error.js';
import type { ImportPlan, Located, OwnRecords } from '../import-plan.js';
import type { SourceRecords } from '../records.js';
import { REQUIRED_COMPLEX_COLUMNS } from './raw-schema.js';

/**
 * Checks every row of a complex list on its own (validateComplexRow) and the ids across the
 * file; RD New coordinates become WGS84 through `toWgs84`. Pure: no database, the current year
 * and the projection come in. Every problem is collected; any problem fails the whole file.
 */
export function planComplexes(
  source: SourceRecords,
  options: {
    currentYear: number;
    boundaryYear: number | null;
    toWgs84: (x: number, y: number) => [number, number];
  },
): ImportPlan {
  const issues = new IssueCollector();
  const file = source.file;
  const present = new Set(source.names.map((n) => n.toLowerCase()));
  for (const column of REQUIRED_COMPLEX_COLUMNS) {
    const aliases: readonly string[] = COMPLEX_COLUMNS[column];
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

  const rows: Located<PlannedComplex>[] = [];
  for (const record of source.records) {
    const line = record.at.line ?? 0;
    const result = validateComplexRow(record.fields, { currentYear: options.currentYear });
    if (!result.ok) {
      for (const p of result.problems) issues.add({ file, line, ...problem(p) });
      continue;
    }
    const value = result.value;
    const c = value.coordinates;
    const point: [number, number] | null =
      c === null ? null : c.system === 'wgs84' ? [c.lon, c.lat] : options.toWgs84(c.x, c.y);
    if (value.buurtCode === null && point === null) {
      issues.add({
        file,
        line,
        column: 'buurtcode',
        message: `complex ${value.corporationId} cannot be placed: no buurt code and no coordinates (addresses are not geocoded)`,
        expected: 'a buurt code, or coordinates (x/y in RD New or lon/lat in WGS84)',
      });
      continue;
    }
    rows.push({ line, row: { ...value, point } });
  }
  const columnOf = (aliases: readonly string[]) =>
    source.names.find((n) => aliases.includes(n.toLowerCase()));
  const idColumn = columnOf(COMPLEX_COLUMNS.id);
  for (const duplicate of duplicateComplexIds(rows.map((r) => r.row.corporationId))) {
    const [first, ...others] = duplicate.indices.map((i) => rows[i]!.line);
    for (const line of others) {
      issues.add({
        file,
        line,
        ...(idColumn ? { column: idColumn } : {}),
        message: `complex ${duplicate.id} appears more than once (first on line ${first})`,
        expected: 'each complex id once',
      });
    }
  }
  issues.throwIfAny();
  return {
    kind: 'complexes',
    source: 'corporation',
    release: null,
    boundaryYear: options.boundaryYear ?? 0,
    rowsRead: source.records.length,
    areas: [],
    areasAuthoritative: false,
    indicators: [],
    observations: [],
    replaceSeries: null,
    messages: source.warnings.map((text) => ({ level: 'info' as const, text })),
    records: {
      kind: 'complexes',
      boundaryYear: options.boundaryYear,
      columns: {
        buurt: columnOf(COMPLEX_COLUMNS.buurtCode) ?? COMPLEX_COLUMNS.buurtCode[0],
        x: columnOf(COMPLEX_COLUMNS.x) ?? COMPLEX_COLUMNS.x[0],
      },
      rows,
    },
  };
}

function problem(p: { column: string; message: string; expected?: string }) {
  return {
    column: p.column,
    message: p.message,
    ...(p.expected !== undefined ? { expected: p.expected } : {}),
  };
}

/**
 * A placement problem (domain/budget/place-complexes.ts) as an issue at the row's line, in the
 * file's own column: its buurt column, or its x (or lon) column for a point.
 */
export function placementIssue(
  file: string,
  records: Extract<OwnRecords, { kind: 'complexes' }>,
  problem: PlacementProblem,
): ImportIssue {
  return {
    file,
    line: records.rows[problem.index]!.line,
    column: problem.field === 'buurtCode' ? records.columns.buurt : records.columns.x,
    message: problem.message,
    expected: problem.expected,
  };
}
