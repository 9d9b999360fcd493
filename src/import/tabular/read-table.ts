import { ImportFailure } from '../import-error.js';
import { parseCsv, type Table } from './csv.js';
import { decodeFile } from './decode.js';
import { readXlsx } from './xlsx.js';

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return signature.every((b, i) => bytes[i] === b);
}

/** Local file header of a ZIP archive, which an .xlsx is. */
const ZIP = [0x50, 0x4b, 0x03, 0x04];
/** OLE2 compound document: the pre-2007 .xls format, which exceljs cannot read. */
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/**
 * Read an uploaded table, deciding the format by content rather than by name: uploads often
 * arrive renamed ("kwb.csv" that is really a workbook), and the first bytes do not lie.
 * A ZIP is read as .xlsx, anything else as CSV text; `sheet` applies to .xlsx only and
 * `delimiter` to CSV only.
 *
 * @example
 * const table = await readTable('kwb-2024.xlsx', await readFile(path));
 * table.header // → ['gwb_code_10', 'regio', 'a_inw', …]
 */
export async function readTable(
  name: string,
  bytes: Uint8Array,
  options: { delimiter?: string; sheet?: string } = {},
): Promise<Table> {
  if (startsWith(bytes, ZIP)) {
    return readXlsx(name, bytes, options.sheet === undefined ? {} : { sheet: options.sheet });
  }
  if (startsWith(bytes, OLE2)) {
    // Read as text this would be binary noise; say what it is and how to get a readable file.
    throw new ImportFailure([
      {
        file: name,
        message: 'an old Excel .xls workbook, which cannot be read',
        expected: 'the workbook saved as .xlsx, or as CSV UTF-8',
      },
    ]);
  }
  const text = decodeFile(name, bytes);
  return parseCsv(text, options.delimiter === undefined ? {} : { delimiter: options.delimiter });
}
