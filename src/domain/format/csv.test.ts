import { describe, expect, test } from 'vitest';
import { csvCell, toCsv } from './csv.js';

describe('CSV for Dutch spreadsheets', () => {
  test('BOM, semicolons, decimal comma, CRLF; missing stays empty, never 0', () => {
    expect(
      toCsv(
        ['code', 'waarde'],
        [
          ['BU1', 12.5],
          ['BU2', null],
        ],
      ),
    ).toBe('\uFEFFcode;waarde\r\nBU1;12,5\r\nBU2;\r\n');
  });

  test('quotes where needed', () => {
    expect(csvCell('a;b')).toBe('"a;b"');
    expect(csvCell('zei "ja"')).toBe('"zei ""ja"""');
    expect(csvCell('twee\nregels')).toBe('"twee\nregels"');
  });

  test('formulas are defused, negative numbers are not', () => {
    expect(csvCell('=HYPERLINK("http://evil")')).toBe('"\'=HYPERLINK(""http://evil"")"');
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('-1+1')).toBe("'-1+1");
    expect(csvCell(-3.5)).toBe('-3,5');
  });
});
