import { formatIssue, ImportFailure } from '../import-error.js';
import { decodeWindows1252, firstInvalidUtf8 } from './windows-1252.js';

/** A text file as decoded bytes; `warnings` are whole sentences ready to show to a user. */
export interface TextFile {
  name: string;
  text: string;
  encoding: 'utf-8' | 'windows-1252';
  hadBom: boolean;
  warnings: string[];
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function fail(file: string, message: string, expected?: string, line?: number): never {
  throw new ImportFailure([
    { file, message, ...(line ? { line } : {}), ...(expected ? { expected } : {}) },
  ]);
}

/** 1-based line of a byte offset, counting LF, CRLF and lone CR as one line break each. */
function lineOfByte(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) {
    const b = bytes[i];
    if (b === 0x0a || (b === 0x0d && bytes[i + 1] !== 0x0a)) line += 1;
  }
  return line;
}

/** 1-based line of a character offset in text that already has LF line ends. */
function lineOfChar(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line += 1;
  return line;
}

/**
 * Decode an uploaded text file. UTF-8 is tried first and strictly: a Windows-1252 file is almost
 * never valid UTF-8 by accident, while decoding UTF-8 as Windows-1252 would silently turn
 * "Súdwest-Fryslân" into "SÃºdwest-FryslÃ¢n". Line ends become LF so parsers and line numbers
 * need to handle one kind only.
 *
 * @example
 * decodeFile('kwb.csv', new Uint8Array([0xef, 0xbb, 0xbf, 0x61, 0x0d, 0x0a]))
 * // → { name: 'kwb.csv', text: 'a\n', encoding: 'utf-8', hadBom: true, warnings: [] }
 */
export function decodeFile(name: string, bytes: Uint8Array): TextFile {
  if (bytes.length === 0) fail(name, 'the file is empty');
  // Excel's "Unicode text" export is UTF-16; read as either encoding below it is NUL-riddled
  // garbage, so say what it is instead.
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    fail(name, 'the file is UTF-16 text', "UTF-8 text (in Excel: save as 'CSV UTF-8')");
  }
  const hadBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = hadBom ? bytes.subarray(3) : bytes;

  const warnings: string[] = [];
  let encoding: TextFile['encoding'] = 'utf-8';
  let text: string;
  try {
    text = utf8.decode(body);
  } catch {
    // Only now pay for a byte-by-byte scan: its sole purpose is to point at the line.
    const bad = firstInvalidUtf8(body);
    const line = lineOfByte(body, Math.max(bad, 0));
    encoding = 'windows-1252';
    text = decodeWindows1252(body);
    warnings.push(
      formatIssue({
        file: name,
        line,
        message:
          "first byte that is not UTF-8 is on this line, so the file was read as Windows-1252; check that accented names such as 'Súdwest-Fryslân' look right",
      }),
    );
  }

  if (text.trim() === '') fail(name, 'the file is empty');
  text = text.replace(/\r\n?/g, '\n');
  const nul = text.indexOf('\0');
  if (nul !== -1) {
    fail(
      name,
      'contains NUL characters, so it is not a text table (a binary file or UTF-16 without a byte order mark?)',
      'a CSV file in UTF-8 or an .xlsx workbook',
      lineOfChar(text, nul),
    );
  }
  return { name, text, encoding, hadBom, warnings };
}
