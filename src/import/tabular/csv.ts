import { formatIssue, ImportFailure, IssueCollector, type ImportIssue } from '../import-error.js';
import { readRecords, type CsvRecord } from './csv-records.js';
import type { TextFile } from './decode.js';
import { checkHasRows, checkHeader, type Table, type TableRow } from './table.js';

export type { Table, TableRow } from './table.js';

/** In order of preference on a tie: Dutch exports (Excel NL, StatLine) use ';' most. */
const CANDIDATES = [';', ',', '\t', '|'] as const;

/** How a delimiter reads in a message: a literal tab would be invisible. */
function show(delimiter: string): string {
  return delimiter === '\t' ? 'tab' : `'${delimiter}'`;
}

const isBlank = (r: CsvRecord) => r.cells.every((c) => c === '');

/** Column count of the header and whether the first data record agrees, for one delimiter. */
function probe(text: string, delimiter: string): { columns: number; consistent: boolean } {
  // A dozen records is plenty to get past blank lines; the rest of the file is not read here.
  const read = readRecords(text, delimiter, 12);
  const records = read.records.filter((r) => !isBlank(r));
  // A header cut off by an unterminated quote still shows how many fields it had reached, so the
  // right delimiter wins and the quote is reported rather than the file read as one column.
  const cutOff = read.problems[0] ? read.problems[0].field + 1 : 0;
  const columns = records[0]?.cells.length ?? cutOff;
  const second = records[1];
  return { columns, consistent: second === undefined || second.cells.length === columns };
}

/**
 * The delimiter that splits the header into the most columns while the first data row has the
 * same number. Agreement comes first: in "naam;inkomen, gem" / "A;2,5" a ',' splits the header
 * just as well, but only ';' fits the data. A one-column file gets ','.
 *
 * @example
 * detectDelimiter('code;a_inw\nGM0392;167670\n') // → ';'
 */
export function detectDelimiter(text: string): string {
  let best: { delimiter: string; columns: number; consistent: boolean } | undefined;
  for (const delimiter of CANDIDATES) {
    const p = probe(text, delimiter);
    if (p.columns < 2) continue;
    const better =
      !best ||
      (p.consistent && !best.consistent) ||
      (p.consistent === best.consistent && p.columns > best.columns);
    if (better) best = { delimiter, ...p };
  }
  return best?.delimiter ?? ',';
}

/**
 * Exports that end every line with a delimiter ("a;b;c;") give an unnamed last column that is
 * empty in every row. That column carries nothing, so drop it rather than reject the file; an
 * unnamed column with any value in it is left for the header check to report.
 */
function dropTrailingEmptyColumns(header: string[], data: CsvRecord[]): number {
  let keep = header.length;
  while (keep > 0 && header[keep - 1] === '') keep--;
  const dropped = header.length - keep;
  if (dropped === 0 || keep === 0) return 0;
  const width = header.length;
  const allEmpty = data.every(
    (r) => r.cells.length === width && r.cells.slice(keep).every((c) => c === ''),
  );
  if (!allEmpty) return 0;
  header.length = keep;
  for (const r of data) r.cells.length = keep;
  return dropped;
}

/**
 * Parse a decoded CSV file into a {@link Table}. Every problem in the file is collected and thrown
 * together as one ImportFailure, so a user can fix the whole file in one pass. A wrong delimiter
 * or a truncated last line shows up as rows whose field count differs from the header.
 *
 * @example
 * parseCsv(decodeFile('lbm.csv', bytes))
 * // → { format: 'csv', delimiter: ',', header: ['wk_code', 'jaar', 'lbm'],
 * //     rows: [{ line: 2, cells: ['WK001400', '2002', '4.13'] }], … }
 */
export function parseCsv(file: TextFile, options: { delimiter?: string } = {}): Table {
  const name = file.name;
  const warnings = [...file.warnings];
  const forced = options.delimiter;
  if (forced !== undefined && (forced.length !== 1 || forced === '"' || forced === '\n')) {
    throw new ImportFailure([
      {
        file: name,
        message: `cannot use ${JSON.stringify(forced)} as delimiter`,
        expected: "one character such as ';' or ','",
      },
    ]);
  }
  const delimiter = forced ?? detectDelimiter(file.text);
  const { records, problems } = readRecords(file.text, delimiter);

  const firstContent = records.findIndex((r) => !isBlank(r));
  const headerRecord = records[firstContent];
  if (!headerRecord) {
    // Either a quote in the header swallowed the whole file, or there were only delimiters and
    // spaces: nothing a user would call content.
    throw new ImportFailure(
      problems.length > 0
        ? problems.map((p) => ({
            file: name,
            line: p.line,
            message: p.message,
            ...(p.expected ? { expected: p.expected } : {}),
          }))
        : [{ file: name, message: 'the file is empty' }],
    );
  }
  const header = headerRecord.cells;
  const data: CsvRecord[] = [];
  let skipped = 0;
  let firstSkipped = 0;
  let pending: CsvRecord[] = [];
  for (const r of records.slice(firstContent + 1)) {
    if (isBlank(r)) {
      pending.push(r);
      continue;
    }
    // Blank lines before more data are worth a warning; blank lines at the end are not.
    if (pending.length > 0) {
      skipped += pending.length;
      firstSkipped ||= pending[0]!.line;
      pending = [];
    }
    data.push(r);
  }
  if (skipped > 0) {
    const message = `${skipped} empty ${skipped === 1 ? 'line was' : 'lines were'} skipped (the first is this one)`;
    warnings.push(formatIssue({ file: name, line: firstSkipped, message }));
  }

  // Only a forced delimiter can leave a one-column header that another delimiter would split
  // (detection would have picked that one). Say so in the warning and in every field-count error,
  // because with the error thrown the warnings are never seen.
  let hint: string | undefined;
  if (header.length === 1) {
    const other = CANDIDATES.find((d) => d !== delimiter && probe(file.text, d).columns > 1);
    if (other) {
      hint = `delimiter ${show(other)}, which splits the header into ${probe(file.text, other).columns} columns`;
      const message = `the header is a single column with delimiter ${show(delimiter)}; delimiter ${show(other)} would split it`;
      warnings.push(formatIssue({ file: name, line: headerRecord.line, message }));
    }
  }

  const dropped = dropTrailingEmptyColumns(header, data);
  if (dropped > 0) {
    const message = `ignored ${dropped} unnamed empty ${dropped === 1 ? 'column' : 'columns'} at the end of each line`;
    warnings.push(formatIssue({ file: name, line: headerRecord.line, message }));
  }

  const issues = new IssueCollector();
  checkHeader(name, header, headerRecord.line, issues);

  // Quote problems and field counts, merged in file order so the first issue named is the first
  // one in the file.
  const located: ImportIssue[] = problems.map((p) => ({
    file: name,
    line: p.line,
    ...(p.line > headerRecord.line && header[p.field] ? { column: header[p.field] } : {}),
    message: p.message,
    ...(p.expected ? { expected: p.expected } : {}),
  }));
  const rows: TableRow[] = [];
  for (const r of data) {
    if (r.cells.length === header.length) {
      rows.push({ line: r.line, cells: r.cells });
    } else {
      located.push({
        file: name,
        line: r.line,
        message: `has ${r.cells.length} fields, expected ${header.length} (delimiter ${show(delimiter)})`,
        ...(hint ? { expected: hint } : {}),
      });
    }
  }
  located.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  for (const issue of located) issues.add(issue);
  // Behind an unterminated quote the rows were never read, so "no data rows" would mislead.
  if (problems.length === 0) checkHasRows(name, headerRecord.line, data, issues);
  issues.throwIfAny();

  return { file: name, format: 'csv', delimiter, header, rows, warnings };
}
