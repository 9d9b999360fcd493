import { AppError } from '../domain/shared/app-error.js';

/**
 * One problem in an input file, located as precisely as the format allows: line and column
 * for tables, feature index (0-based) for GeoJSON and GeoPackage layers.
 */
export interface ImportIssue {
  file: string;
  /** 1-based line in a text file, or 1-based row in a spreadsheet. */
  line?: number;
  /** Column name as in the header (or a property name). */
  column?: string;
  /** 0-based index of a feature in a GeoJSON FeatureCollection or GeoPackage layer. */
  feature?: number;
  /** 0-based index of a record in a JSON array (StatLine OData `value`). */
  record?: number;
  message: string;
  /** What a valid value would look like. */
  expected?: string;
}

/** "file:line column 'x': message (expected …)" — one line a user can act on. */
export function formatIssue(issue: ImportIssue): string {
  const where = [
    issue.file,
    issue.line !== undefined ? `line ${issue.line}` : null,
    issue.feature !== undefined ? `feature ${issue.feature}` : null,
    issue.record !== undefined ? `record ${issue.record}` : null,
    issue.column !== undefined ? `column '${issue.column}'` : null,
  ]
    .filter(Boolean)
    .join(', ');
  return `${where}: ${issue.message}${issue.expected ? ` (expected ${issue.expected})` : ''}`;
}

/**
 * An input file that cannot be imported. Carries every issue found (up to a limit), so a user
 * can fix a file in one pass rather than one error per run; the message names the first.
 */
export class ImportFailure extends AppError {
  readonly issues: ImportIssue[];

  constructor(issues: ImportIssue[], total = issues.length) {
    const first = issues[0];
    const more =
      total > 1 ? ` (and ${total - 1} more ${total - 1 === 1 ? 'problem' : 'problems'})` : '';
    super('import_invalid', `${first ? formatIssue(first) : 'invalid input'}${more}`, {
      issues: issues.map((i) => ({ ...i, text: formatIssue(i) })),
      total,
    });
    this.name = 'ImportFailure';
    this.issues = issues;
  }
}

/** Collects issues while validating a whole file; fails once at the end with all of them. */
export class IssueCollector {
  private readonly list: ImportIssue[] = [];
  private count = 0;

  constructor(private readonly limit = 50) {}

  add(issue: ImportIssue): void {
    this.count += 1;
    if (this.list.length < this.limit) this.list.push(issue);
  }

  get size(): number {
    return this.count;
  }

  /** Throw an ImportFailure when anything was collected. */
  throwIfAny(): void {
    if (this.count > 0) throw new ImportFailure(this.list, this.count);
  }
}
