import { describe, expect, test } from 'vitest';
import { ImportFailure } from '../import-error.js';
import { decodeFile } from './decode.js';
import { decodeWindows1252, firstInvalidUtf8 } from './windows-1252.js';

const BOM = [0xef, 0xbb, 0xbf];

function failureOf(fn: () => unknown): ImportFailure {
  try {
    fn();
  } catch (error) {
    if (error instanceof ImportFailure) return error;
    throw error;
  }
  throw new Error('expected an ImportFailure');
}

describe('decodeFile', () => {
  test.each([
    {
      case: 'UTF-8 with BOM and CRLF',
      bytes: Buffer.concat([Buffer.from(BOM), Buffer.from('gm_naam\r\nSúdwest-Fryslân\r\n')]),
      text: 'gm_naam\nSúdwest-Fryslân\n',
      hadBom: true,
    },
    {
      case: 'UTF-8 without BOM',
      bytes: Buffer.from('gm_naam\nSúdwest-Fryslân\n'),
      text: 'gm_naam\nSúdwest-Fryslân\n',
      hadBom: false,
    },
    { case: 'old Mac CR line ends', bytes: Buffer.from('a\rb\rc'), text: 'a\nb\nc', hadBom: false },
    {
      case: 'mixed line ends',
      bytes: Buffer.from('a\r\nb\rc\nd'),
      text: 'a\nb\nc\nd',
      hadBom: false,
    },
  ])('$case', ({ bytes, text, hadBom }) => {
    const file = decodeFile('f.csv', bytes);
    expect(file).toEqual({ name: 'f.csv', text, encoding: 'utf-8', hadBom, warnings: [] });
  });

  test('a BOM only in the middle is left alone (it is data, not a BOM)', () => {
    const file = decodeFile('f.csv', Buffer.from('a\n\uFEFFb\n'));
    expect(file.hadBom).toBe(false);
    expect(file.text).toBe('a\n\uFEFFb\n');
  });

  test.each([
    {
      case: 'Latin-1 name on line 3',
      text: 'code;naam\nGM0014;Groningen\nGM1900;Súdwest-Fryslân\n',
      line: 3,
    },
    { case: 'CRLF lines counted once', text: 'a\r\nb\r\nc\r\nFryslân\r\n', line: 4 },
    { case: 'lone CR lines counted', text: 'a\rb\rFryslân', line: 3 },
    { case: 'euro sign from the 0x80–0x9F range', text: 'bedrag\n€ 12\n', line: 2 },
  ])(
    'Windows-1252 bytes decode correctly with a warning naming the line: $case',
    ({ text, line }) => {
      const bytes = Buffer.from(Array.from(text, (ch) => (ch === '€' ? 0x80 : ch.charCodeAt(0))));
      const file = decodeFile('kwb.csv', bytes);
      expect(file.encoding).toBe('windows-1252');
      expect(file.text).toBe(text.replace(/\r\n?/g, '\n'));
      expect(file.warnings).toHaveLength(1);
      expect(file.warnings[0]).toMatch(new RegExp(`^kwb\\.csv, line ${line}: .*Windows-1252`));
    },
  );

  test('Buffer.from(…, "latin1") round-trips Frisian names', () => {
    const file = decodeFile('f.csv', Buffer.from('naam\nSúdwest-Fryslân\n', 'latin1'));
    expect(file.text).toBe('naam\nSúdwest-Fryslân\n');
    expect(file.warnings[0]).toContain('line 2');
  });

  test.each([
    { case: '0 bytes', bytes: Buffer.alloc(0), message: 'f.csv: the file is empty' },
    { case: 'only a BOM', bytes: Buffer.from(BOM), message: 'f.csv: the file is empty' },
    {
      case: 'only whitespace',
      bytes: Buffer.from(' \r\n\t\n'),
      message: 'f.csv: the file is empty',
    },
    {
      case: 'UTF-16 with BOM',
      bytes: Buffer.from([0xff, 0xfe, 0x61, 0x00]),
      message:
        "f.csv: the file is UTF-16 text (expected UTF-8 text (in Excel: save as 'CSV UTF-8'))",
    },
  ])('rejects $case', ({ bytes, message }) => {
    const failure = failureOf(() => decodeFile('f.csv', bytes));
    expect(failure.message).toBe(message);
    expect(failure.code).toBe('import_invalid');
  });

  test('binary content (NUL bytes) is not a text table, and the line is named', () => {
    const failure = failureOf(() => decodeFile('f.csv', Buffer.from('a,b\n1,\u0000\n')));
    expect(failure.issues[0]).toMatchObject({ line: 2, message: expect.stringContaining('NUL') });
  });
});

describe('Windows-1252 helpers', () => {
  test('the 0x80–0x9F range uses the Windows code points, not C1 controls', () => {
    expect(decodeWindows1252(Uint8Array.from([0x80, 0x8a, 0x93, 0x94, 0x96, 0x9f, 0x81]))).toBe(
      '€Š“”–Ÿ\u0081',
    );
  });

  test('large inputs decode without overflowing the call stack', () => {
    expect(decodeWindows1252(new Uint8Array(200_000).fill(0xe9))).toHaveLength(200_000);
  });

  test.each([
    { case: 'valid multi-byte', bytes: [...Buffer.from('âé€𝄞')], at: -1 },
    { case: 'lone continuation byte', bytes: [0x61, 0x80], at: 1 },
    { case: 'Latin-1 é before ASCII', bytes: [0x61, 0xe9, 0x62], at: 1 },
    { case: 'truncated sequence at end', bytes: [0x61, 0xe2, 0x82], at: 1 },
    { case: 'overlong slash', bytes: [0xc0, 0xaf], at: 0 },
    { case: 'surrogate', bytes: [0xed, 0xa0, 0x80], at: 0 },
    { case: 'above U+10FFFF', bytes: [0xf4, 0x90, 0x80, 0x80], at: 0 },
  ])('firstInvalidUtf8: $case', ({ bytes, at }) => {
    expect(firstInvalidUtf8(Uint8Array.from(bytes))).toBe(at);
  });
});
