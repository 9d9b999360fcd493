/** A CSV record before any header logic: trimmed cells and the line it starts on. */
export interface CsvRecord {
  line: number;
  cells: string[];
}

/** A quoting problem, located by line and 0-based field index in its record. */
export interface CsvProblem {
  line: number;
  field: number;
  message: string;
  expected?: string;
}

const QUOTE = 0x22;
const LF = 0x0a;
const SPACE = 0x20;
const TAB = 0x09;

function countLf(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = text.indexOf('\n', from); i !== -1 && i < to; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/**
 * Split LF-only text into records, RFC 4180 style: a field that starts with `"` (after optional
 * spaces) runs to the next lone `"`, may hold delimiters and newlines, and writes a quote as `""`.
 * A quote in the middle of an unquoted field is kept as text, as Excel does. Cells are trimmed
 * because StatLine pads codes ("GM1680    ") and hand-made files pad after delimiters.
 *
 * An unterminated quote ends the scan: everything after it would be one field, and reporting the
 * rest of the file as broken rows would bury the one real problem. `limit` stops after that many
 * records, so delimiter detection reads only the top of a large file.
 *
 * @example
 * readRecords('a;"b;\nc"\n1;2\n', ';').records
 * // → [{ line: 1, cells: ['a', 'b;\nc'] }, { line: 3, cells: ['1', '2'] }]
 */
export function readRecords(
  text: string,
  delimiter: string,
  limit = Number.POSITIVE_INFINITY,
): { records: CsvRecord[]; problems: CsvProblem[] } {
  const delim = delimiter.charCodeAt(0);
  const n = text.length;
  const records: CsvRecord[] = [];
  const problems: CsvProblem[] = [];
  // Tabs are padding only when they are not the delimiter.
  const isPad = (c: number) => c === SPACE || (c === TAB && delim !== TAB);
  let i = 0;
  let line = 1;

  while (i < n && records.length < limit) {
    const start = line;
    const cells: string[] = [];
    for (;;) {
      let j = i;
      while (j < n && isPad(text.charCodeAt(j))) j++;
      if (j < n && text.charCodeAt(j) === QUOTE) {
        const openLine = line;
        let value = '';
        let segment = j + 1;
        for (;;) {
          const q = text.indexOf('"', segment);
          if (q === -1) {
            problems.push({
              line: openLine,
              field: cells.length,
              message: 'quote opened here is never closed',
              expected:
                'a closing " for every opening "; a quote inside a quoted value is written ""',
            });
            return { records, problems };
          }
          line += countLf(text, segment, q);
          if (text.charCodeAt(q + 1) === QUOTE) {
            value += text.slice(segment, q + 1);
            segment = q + 2;
            continue;
          }
          value += text.slice(segment, q);
          j = q + 1;
          break;
        }
        while (j < n && isPad(text.charCodeAt(j))) j++;
        const after = j < n ? text.charCodeAt(j) : LF;
        if (after !== delim && after !== LF) {
          // `"abc"def`: a quote that should have been doubled. Keep the text so the record still
          // has the right shape, but report it: the value is probably not what was meant.
          let k = j;
          while (k < n && text.charCodeAt(k) !== delim && text.charCodeAt(k) !== LF) k++;
          problems.push({
            line,
            field: cells.length,
            message: 'text after the closing quote of a quoted value',
            expected:
              'a delimiter or line end after a closing "; a quote inside a quoted value is written ""',
          });
          value += text.slice(j, k);
          j = k;
        }
        cells.push(value.trim());
        i = j;
      } else {
        let k = i;
        while (k < n) {
          const c = text.charCodeAt(k);
          if (c === delim || c === LF) break;
          k++;
        }
        cells.push(text.slice(i, k).trim());
        i = k;
      }
      if (i < n && text.charCodeAt(i) === delim) {
        i++;
        continue;
      }
      if (i < n) {
        i++; // the LF that ends this record
        line++;
      }
      break;
    }
    records.push({ line: start, cells });
  }
  return { records, problems };
}
