import { describe, expect, test } from 'vitest';
import { ImportFailure } from '../import-error.js';
import { detectDelimiter, parseCsv } from './csv.js';
import { decodeFile } from './decode.js';

function csv(text: string, delimiter?: string) {
  const file = decodeFile('t.csv', Buffer.from(text));
  return parseCsv(file, delimiter === undefined ? {} : { delimiter });
}

function failureOf(fn: () => unknown): ImportFailure {
  try {
    fn();
  } catch (error) {
    if (error instanceof ImportFailure) return error;
    throw error;
  }
  throw new Error('expected an ImportFailure');
}

describe('delimiter detection', () => {
  test.each([
    { case: 'semicolon with decimal commas', text: 'code;g_hhgro\nGM0392;2,1\n', expected: ';' },
    { case: 'comma', text: 'wk_code,jaar,lbm\nWK001400,2002,4.13\n', expected: ',' },
    { case: 'tab', text: 'a\tb\tc\n1\t2\t3\n', expected: '\t' },
    { case: 'pipe', text: 'a|b\n1|2\n', expected: '|' },
    // ',' splits the header as well as ';', but only ';' agrees with the data row.
    { case: 'header names with commas', text: 'naam;inkomen, gem\nA;2,5\n', expected: ';' },
    { case: 'quoted delimiters do not count', text: '"a,b";c\n1;2\n', expected: ';' },
    { case: 'leading blank lines', text: '\n\na,b\n1,2\n', expected: ',' },
    { case: 'one column', text: 'code\nGM0392\n', expected: ',' },
  ])('$case → $expected', ({ text, expected }) => {
    expect(detectDelimiter(text)).toBe(expected);
    expect(csv(text).delimiter).toBe(expected);
  });
});

describe('parseCsv', () => {
  test('a StatLine OData file: quoted, padded codes, empty unquoted cells', () => {
    const table = csv(
      '"Key","Title","Description"\n"NL00      ","Nederland",\n"GM1680    ","Aa en Hunze","Gemeente \'Aa en Hunze\'"\n',
    );
    expect(table).toEqual({
      file: 't.csv',
      format: 'csv',
      delimiter: ',',
      header: ['Key', 'Title', 'Description'],
      rows: [
        { line: 2, cells: ['NL00', 'Nederland', ''] },
        { line: 3, cells: ['GM1680', 'Aa en Hunze', "Gemeente 'Aa en Hunze'"] },
      ],
      warnings: [],
    });
  });

  test('padded header and unquoted cells are trimmed', () => {
    const table = csv(' gwb_code_10 ; a_inw \nGM1680    ;  25 \n');
    expect(table.header).toEqual(['gwb_code_10', 'a_inw']);
    expect(table.rows[0]!.cells).toEqual(['GM1680', '25']);
  });

  test('quoted fields with delimiters, "" escapes and newlines; later lines stay right', () => {
    const table = csv(
      [
        'code;naam;toelichting',
        'BU1;"Noord; Oost";"regel 1',
        'regel 2',
        'regel 3"',
        'BU2;"Zeg ""hoi""";  "spaties rond quotes"  ',
        'BU3;"";x',
      ].join('\r\n') + '\r\n',
    );
    expect(table.rows).toEqual([
      { line: 2, cells: ['BU1', 'Noord; Oost', 'regel 1\nregel 2\nregel 3'] },
      { line: 5, cells: ['BU2', 'Zeg "hoi"', 'spaties rond quotes'] },
      { line: 6, cells: ['BU3', '', 'x'] },
    ]);
  });

  test('CRLF files give the same table as LF files', () => {
    expect(csv('a;b\r\n1;2\r\n3;4\r\n')).toEqual(csv('a;b\n1;2\n3;4\n'));
  });

  test('a quote inside an unquoted field is text, as in Excel', () => {
    expect(csv('a,b\n12" scherm,2\n').rows[0]!.cells).toEqual(['12" scherm', '2']);
  });

  test('trailing empty lines are skipped without a warning', () => {
    const table = csv('a;b\n1;2\n\n\n   \n');
    expect(table.rows).toHaveLength(1);
    expect(table.warnings).toEqual([]);
  });

  test('empty lines between rows are skipped with a warning naming the first', () => {
    const table = csv('a;b\n1;2\n\n;\n3;4\n');
    expect(table.rows.map((r) => r.line)).toEqual([2, 5]);
    expect(table.warnings).toEqual([
      't.csv, line 3: 2 empty lines were skipped (the first is this one)',
    ]);
  });

  test('a delimiter at the end of every line does not make an unnamed column', () => {
    const table = csv('a;b;\n1;2;\n3;4;\n');
    expect(table.header).toEqual(['a', 'b']);
    expect(table.rows.map((r) => r.cells)).toEqual([
      ['1', '2'],
      ['3', '4'],
    ]);
    expect(table.warnings[0]).toContain('unnamed empty column');
  });

  test('forcing a delimiter that leaves one header column warns which one would split it', () => {
    const table = csv('a;b\n1;2\n', ',');
    expect(table.header).toEqual(['a;b']);
    expect(table.warnings).toEqual([
      "t.csv, line 1: the header is a single column with delimiter ','; delimiter ';' would split it",
    ]);
  });

  test('decode warnings are carried into the table', () => {
    const file = decodeFile('t.csv', Buffer.from('naam;code\nFryslân;GM1\n', 'latin1'));
    expect(parseCsv(file).warnings).toHaveLength(1);
  });
});

describe('parseCsv errors', () => {
  test.each([
    {
      case: 'header only',
      text: 'code;a_inw\n',
      issues: [{ file: 't.csv', line: 1, message: 'the file has a header but no data rows' }],
    },
    {
      case: 'a ; file read with , forced',
      text: 'code;g_hhgro;a_inw\nGM1;2,1;5\nGM2;2;5\n',
      delimiter: ',',
      issues: [
        {
          file: 't.csv',
          line: 2,
          message: "has 2 fields, expected 1 (delimiter ',')",
          expected: "delimiter ';', which splits the header into 3 columns",
        },
      ],
    },
    {
      case: 'truncated last line',
      text: 'wk_code,jaar,lbm\nWK1,2002,4.1\nWK2,20',
      issues: [{ file: 't.csv', line: 3, message: "has 2 fields, expected 3 (delimiter ',')" }],
    },
    {
      case: 'too many fields',
      text: 'a;b\n1;2;3\n',
      issues: [{ file: 't.csv', line: 2, message: "has 3 fields, expected 2 (delimiter ';')" }],
    },
    {
      case: 'unterminated quote',
      text: 'code;naam\nBU1;Noord\nBU2;"Zuid\nBU3;West\n',
      issues: [
        {
          file: 't.csv',
          line: 3,
          column: 'naam',
          message: 'quote opened here is never closed',
          expected: expect.stringContaining('closing "'),
        },
      ],
    },
    {
      case: 'unterminated quote in the header',
      text: 'code;"naam\nBU1;Noord\n',
      issues: [{ file: 't.csv', line: 1, message: 'quote opened here is never closed' }],
    },
    {
      case: 'text after a closing quote',
      text: 'code;naam\nBU1;"Zeg "hoi""\n',
      issues: [
        { line: 2, column: 'naam', message: 'text after the closing quote of a quoted value' },
      ],
    },
    {
      case: 'duplicate header',
      text: 'code;a_inw;code\nBU1;5;BU1\n',
      issues: [
        {
          line: 1,
          column: 'code',
          message: 'column name appears 2 times in the header (columns 1 and 3)',
        },
      ],
    },
    {
      case: 'empty header names',
      text: 'code;;a_inw;\nBU1;x;5;y\n',
      issues: [{ line: 1, message: 'columns 2 and 4 have no name in the header' }],
    },
  ])('$case', ({ text, delimiter, issues }) => {
    const failure = failureOf(() => csv(text, delimiter));
    expect(failure.issues).toEqual(issues.map((i) => expect.objectContaining(i)));
  });

  test('every problem is collected, in file order, and the message names the first', () => {
    const failure = failureOf(() => csv('a;a\n1;2\n3\n4;5;6\n7;"8\n'));
    expect(failure.issues.map((i) => [i.line, i.message])).toEqual([
      [1, 'column name appears 2 times in the header (columns 1 and 2)'],
      [3, "has 1 fields, expected 2 (delimiter ';')"],
      [4, "has 3 fields, expected 2 (delimiter ';')"],
      [5, 'quote opened here is never closed'],
    ]);
    expect(failure.message).toMatch(/^t\.csv, line 1, column 'a': .* \(and 3 more problems\)$/);
  });

  test('a file of only delimiters is empty', () => {
    expect(failureOf(() => csv(',,\n , \n')).message).toBe('t.csv: the file is empty');
  });

  test.each(['', ';;', '"'])('rejects the forced delimiter %j', (delimiter) => {
    expect(failureOf(() => csv('a;b\n1;2\n', delimiter)).message).toContain('as delimiter');
  });
});
