import { crc32 } from 'node:zlib';
import ExcelJS from 'exceljs';
import { describe, expect, test } from 'vitest';
import { ImportFailure } from '../import-error.js';
import { readTable } from './read-table.js';
import { readXlsx } from './xlsx.js';

async function workbookBytes(build: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function failureOf(promise: Promise<unknown>): Promise<ImportFailure> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ImportFailure) return error;
    throw error;
  }
  throw new Error('expected an ImportFailure');
}

/** A valid one-entry ZIP (stored, not deflated) that is not a workbook. */
function zipOf(name: string, content: string): Buffer {
  const data = Buffer.from(content);
  const file = Buffer.from(name);
  const crc = crc32(data);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(data.length, 22);
  local.writeUInt16LE(file.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(data.length, 24);
  central.writeUInt16LE(file.length, 28);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + file.length, 12);
  end.writeUInt32LE(local.length + file.length + data.length, 16);
  return Buffer.concat([local, file, data, central, file, end]);
}

describe('readXlsx', () => {
  test('numbers, strings, empty cells, formulas and dates; lines are sheet rows', async () => {
    const bytes = await workbookBytes((wb) => {
      wb.addWorksheet('Toelichting').addRow(['Bron: CBS']);
      const ws = wb.addWorksheet('Data');
      // Rows 1–2 empty: the header is the first row with content.
      ws.getRow(3).values = [
        ' gwb_code_10 ',
        'regio',
        'a_inw',
        'g_hhgro',
        'dubbel',
        'peildatum',
        'klein',
      ];
      ws.getRow(4).values = [
        'BU03920301  ',
        'Garenkokerskwartier',
        1235,
        1.7,
        { formula: 'C4*2', result: 2470 },
        new Date(Date.UTC(2024, 0, 1)),
        1e-7,
      ];
      ws.getRow(5).values = [
        'BU03920302',
        null,
        0,
        0.1 + 0.2,
        { formula: 'C5*2', result: 0 },
        new Date(Date.UTC(2024, 6, 15, 13, 30)),
        2.5e21,
      ];
      // Row 6 empty: skipped, and row 7 keeps its own number.
      ws.getRow(7).values = [
        'BU03920303',
        { richText: [{ text: 'Rijks' }, { text: 'straat' }] },
        -99997,
        true,
        { formula: 'NA()', result: { error: '#N/A' } },
        '2024-01-01',
        '12,5',
      ];
    });
    const table = await readXlsx('kwb.xlsx', bytes, { sheet: 'Data' });
    expect(table).toEqual({
      file: 'kwb.xlsx',
      format: 'xlsx',
      delimiter: null,
      header: ['gwb_code_10', 'regio', 'a_inw', 'g_hhgro', 'dubbel', 'peildatum', 'klein'],
      rows: [
        {
          line: 4,
          cells: [
            'BU03920301',
            'Garenkokerskwartier',
            '1235',
            '1.7',
            '2470',
            '2024-01-01',
            '0.0000001',
          ],
        },
        {
          line: 5,
          cells: [
            'BU03920302',
            '',
            '0',
            '0.30000000000000004',
            '0',
            '2024-07-15T13:30:00',
            '2500000000000000000000',
          ],
        },
        {
          line: 7,
          cells: ['BU03920303', 'Rijksstraat', '-99997', 'TRUE', '#N/A', '2024-01-01', '12,5'],
        },
      ],
      warnings: [],
    });
  });

  test('the first worksheet is the default', async () => {
    const bytes = await workbookBytes((wb) => {
      wb.addWorksheet('Eerste').addRows([['a'], [1]]);
      wb.addWorksheet('Tweede').addRows([['b'], [2]]);
    });
    expect((await readXlsx('w.xlsx', bytes)).header).toEqual(['a']);
  });

  test('short rows are padded, and values right of the header are ignored with a warning', async () => {
    const bytes = await workbookBytes((wb) => {
      const ws = wb.addWorksheet('Data');
      ws.addRows([['a', 'b', 'c'], [1], [1, 2, 3, 'bron: CBS']]);
    });
    const table = await readXlsx('w.xlsx', bytes);
    expect(table.rows.map((r) => r.cells)).toEqual([
      ['1', '', ''],
      ['1', '2', '3'],
    ]);
    expect(table.warnings).toEqual([
      'w.xlsx: 1 row has values to the right of the last named column, ignored (the first is cell D3)',
    ]);
  });

  test.each([
    {
      case: 'header only',
      build: (wb: ExcelJS.Workbook) => wb.addWorksheet('Data').addRow(['a', 'b']),
      issues: [{ file: 'w.xlsx', line: 1, message: 'the file has a header but no data rows' }],
    },
    {
      case: 'duplicate and empty header names',
      build: (wb: ExcelJS.Workbook) =>
        wb.addWorksheet('Data').addRows([
          ['a', null, 'a'],
          [1, 2, 3],
        ]),
      issues: [
        { file: 'w.xlsx', line: 1, message: 'column 2 has no name in the header' },
        { file: 'w.xlsx', line: 1, column: 'a', message: expect.stringContaining('2 times') },
      ],
    },
    {
      case: 'an empty worksheet',
      build: (wb: ExcelJS.Workbook) => wb.addWorksheet('Leeg'),
      issues: [{ file: 'w.xlsx', message: "the worksheet 'Leeg' is empty" }],
    },
  ])('$case', async ({ build, issues }) => {
    const bytes = await workbookBytes(build);
    const failure = await failureOf(readXlsx('w.xlsx', bytes));
    expect(failure.issues).toEqual(issues.map((i) => expect.objectContaining(i)));
  });

  test('a formula without a saved result reads as empty, with a warning naming the cell', async () => {
    const bytes = await workbookBytes((wb) =>
      wb.addWorksheet('Data').addRows([
        ['a', 'b'],
        [1, { formula: 'A2*2' }],
        [2, { formula: 'A3*2' }],
      ]),
    );
    const table = await readXlsx('w.xlsx', bytes);
    expect(table.rows.map((r) => r.cells)).toEqual([
      ['1', ''],
      ['2', ''],
    ]);
    expect(table.warnings).toEqual([
      'w.xlsx: 2 formula cells have no saved result and were read as empty (the first is cell B2); if values are missing, open and save the workbook in Excel or LibreOffice',
    ]);
  });

  test('an unknown sheet name lists the sheets there are', async () => {
    const bytes = await workbookBytes((wb) => wb.addWorksheet('Data').addRows([['a'], [1]]));
    const failure = await failureOf(readXlsx('w.xlsx', bytes, { sheet: 'Blad1' }));
    expect(failure.message).toBe(
      "w.xlsx: there is no worksheet named 'Blad1' (expected one of 'Data')",
    );
  });

  test.each([
    { case: 'random bytes', bytes: Buffer.from('this is not a zip file at all, just text') },
    { case: 'a ZIP that is not a workbook', bytes: zipOf('readme.txt', 'hallo') },
    { case: 'no bytes', bytes: Buffer.alloc(0) },
  ])('$case → not a readable .xlsx file', async ({ bytes }) => {
    const failure = await failureOf(readXlsx('w.xlsx', bytes));
    expect(failure.issues).toEqual([
      expect.objectContaining({ file: 'w.xlsx', message: 'not a readable .xlsx file' }),
    ]);
  });

  test('a truncated workbook is not readable either, also through readTable', async () => {
    const bytes = await workbookBytes((wb) => wb.addWorksheet('Data').addRows([['a'], [1]]));
    const failure = await failureOf(readTable('w.xlsx', bytes.subarray(0, bytes.length - 200)));
    expect(failure.message).toContain('not a readable .xlsx file');
  });
});
