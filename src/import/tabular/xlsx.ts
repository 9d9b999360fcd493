import ExcelJS from 'exceljs';
import { formatIssue, ImportFailure, IssueCollector } from '../import-error.js';
import { checkHasRows, checkHeader, type Table, type TableRow } from './table.js';
import { cellText, NO_CACHED_RESULT } from './xlsx-cell.js';

/** Spreadsheet column letters, as a user finds the cell: 1 → A, 28 → AB. */
function columnLetter(column: number): string {
  let s = '';
  for (let c = column; c > 0; c = Math.floor((c - 1) / 26)) {
    s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  }
  return s;
}

function unreadable(file: string): never {
  throw new ImportFailure([
    {
      file,
      message: 'not a readable .xlsx file',
      expected: 'a workbook saved as .xlsx by Excel or LibreOffice, or a CSV file',
    },
  ]);
}

async function loadWorkbook(file: string, bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  try {
    // A view, not a copy: the bytes of a large workbook are not duplicated. The cast is for
    // exceljs's own `Buffer` declaration, which the generic Node Buffer type does not satisfy.
    const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    await workbook.xlsx.load(view as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  } catch {
    unreadable(file);
  }
  // exceljs accepts any ZIP and just finds no sheets in one that is not a workbook.
  if (workbook.worksheets.length === 0) unreadable(file);
  return workbook;
}

/**
 * Read the first worksheet (or the one named) of an .xlsx file as a {@link Table}: the first
 * row with any content is the header, later empty rows are skipped, and `line` is the sheet's
 * own row number so a user can go straight to the cell. Values are the stored values, not the
 * displayed ones: 12.5% is "0.125", and a rounded display never loses digits.
 *
 * @example
 * await readXlsx('kwb.xlsx', bytes)
 * // → { format: 'xlsx', delimiter: null, header: ['gwb_code', 'a_inw'],
 * //     rows: [{ line: 2, cells: ['BU03920301', '1235'] }], … }
 */
export async function readXlsx(
  name: string,
  bytes: Uint8Array,
  options: { sheet?: string } = {},
): Promise<Table> {
  const workbook = await loadWorkbook(name, bytes);
  const sheets = workbook.worksheets;
  const sheet =
    options.sheet === undefined ? sheets[0] : sheets.find((s) => s.name === options.sheet);
  if (!sheet) {
    throw new ImportFailure([
      {
        file: name,
        message: `there is no worksheet named '${options.sheet}'`,
        expected: `one of ${sheets.map((s) => `'${s.name}'`).join(', ')}`,
      },
    ]);
  }

  const issues = new IssueCollector();
  const warnings: string[] = [];
  let header: string[] | undefined;
  let headerLine = 0;
  const rows: TableRow[] = [];
  let outside = 0;
  let firstOutside = '';
  let noResult = 0;
  let firstNoResult = '';

  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const texts: string[] = [];
    row.eachCell({ includeEmpty: false }, (cell, column) => {
      let text = cellText(cell.value);
      // `cell.value` drops a formula's cached result when it is 0, false or ''; `cell.result`
      // keeps it, and a real 0 must not read as "no result".
      if (cell.type === ExcelJS.ValueType.Formula) {
        text = cell.result === undefined ? NO_CACHED_RESULT : cellText(cell.result);
      }
      if (text === NO_CACHED_RESULT) {
        noResult += 1;
        firstNoResult ||= `${columnLetter(column)}${rowNumber}`;
        text = '';
      }
      texts[column - 1] = text;
    });
    for (let i = 0; i < texts.length; i++) texts[i] ??= '';
    if (texts.every((t) => t === '')) return;
    if (!header) {
      let width = texts.length;
      while (width > 0 && texts[width - 1] === '') width--;
      header = texts.slice(0, width);
      headerLine = rowNumber;
      return;
    }
    const width = header.length;
    const extra = texts.findIndex((t, i) => i >= width && t !== '');
    if (extra !== -1) {
      outside += 1;
      firstOutside ||= `${columnLetter(extra + 1)}${rowNumber}`;
    }
    const cells = texts.slice(0, width);
    while (cells.length < width) cells.push('');
    rows.push({ line: rowNumber, cells });
  });

  if (!header) {
    throw new ImportFailure([{ file: name, message: `the worksheet '${sheet.name}' is empty` }]);
  }
  if (outside > 0) {
    // Notes typed next to a table ("bron: CBS") are common; they belong to no column.
    const message = `${outside} ${outside === 1 ? 'row has' : 'rows have'} values to the right of the last named column, ignored (the first is cell ${firstOutside})`;
    warnings.push(formatIssue({ file: name, message }));
  }
  if (noResult > 0) {
    // exceljs cannot tell a formula saved without its value (files written by scripts) from one
    // whose value is the empty string, so this is a warning: an error would be unfixable for the
    // second kind.
    const message = `${noResult} formula ${noResult === 1 ? 'cell has' : 'cells have'} no saved result and ${noResult === 1 ? 'was' : 'were'} read as empty (the first is cell ${firstNoResult}); if values are missing, open and save the workbook in Excel or LibreOffice`;
    warnings.push(formatIssue({ file: name, message }));
  }
  checkHeader(name, header, headerLine, issues);
  checkHasRows(name, headerLine, rows, issues);
  issues.throwIfAny();

  return { file: name, format: 'xlsx', delimiter: null, header, rows, warnings };
}
