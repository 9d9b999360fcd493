import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { describe, expect, test } from 'vitest';
import { ImportFailure } from '../import-error.js';
import { detectDecimal, parseCbsNumber } from './numbers.js';
import { readTable } from './read-table.js';

async function failureOf(promise: Promise<unknown>): Promise<ImportFailure> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ImportFailure) return error;
    throw error;
  }
  throw new Error('expected an ImportFailure');
}

describe('readTable', () => {
  test('goes by content: a workbook named .csv is read as xlsx', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Data').addRows([
      ['code', 'a_inw'],
      ['GM0392', 167670],
    ]);
    const table = await readTable('kwb.csv', Buffer.from(await wb.xlsx.writeBuffer()), {
      delimiter: ';',
    });
    expect(table).toMatchObject({
      format: 'xlsx',
      delimiter: null,
      rows: [{ line: 2, cells: ['GM0392', '167670'] }],
    });
  });

  test('text is decoded and parsed as CSV, with options passed on', async () => {
    const bytes = Buffer.from('\uFEFFcode|naam\r\nGM1900|Súdwest-Fryslân\r\n', 'utf8');
    const table = await readTable('kwb.xlsx', bytes, { delimiter: '|', sheet: 'ignored' });
    expect(table).toMatchObject({
      format: 'csv',
      delimiter: '|',
      rows: [{ line: 2, cells: ['GM1900', 'Súdwest-Fryslân'] }],
    });
  });

  test('an old .xls workbook is named as such', async () => {
    const bytes = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]);
    expect((await failureOf(readTable('kwb.xls', bytes))).message).toContain('old Excel .xls');
  });

  test('binary bytes that are not a ZIP are rejected as text, not parsed into garbage rows', async () => {
    const bytes = Uint8Array.from({ length: 256 }, (_, i) => (i * 37) % 256);
    expect((await failureOf(readTable('x.csv', bytes))).message).toContain('NUL');
  });
});

const DATA = process.env.BUURTBALANS_SHARED_DATA ?? '/work/shared/data';
const ODATA = `${DATA}/cbs-kwb-2024/WijkenEnBuurten_odata.csv`;
const LBM_WIJK = `${DATA}/leefbaarometer-wijk-2002-2022/lbm3_wijk_scores_2002_2022_nl.csv`;
const TABLE_INFOS = `${DATA}/cbs-kwb-2024/kwb2024_tableinfos.csv`;

// The shared sample files live outside the repository; without them these tests cannot run.
describe.skipIf(!existsSync(ODATA) || !existsSync(LBM_WIJK))(
  'real CBS and Leefbaarometer files',
  () => {
    test('CBS OData region list 2024: 18,310 rows, padded codes trimmed', async () => {
      const table = await readTable('WijkenEnBuurten_odata.csv', await readFile(ODATA));
      expect(table.delimiter).toBe(',');
      expect(table.header).toEqual([
        'Key',
        'Title',
        'Description',
        'Municipality',
        'DetailRegionCode',
      ]);
      expect(table.rows).toHaveLength(18_310);
      expect(table.rows[0]).toEqual({ line: 2, cells: ['NL00', 'Nederland', '', '', ''] });
      expect(table.rows[1]!.cells.slice(0, 2)).toEqual(['GM1680', 'Aa en Hunze']);
      expect(table.rows.at(-1)!.line).toBe(18_311);
      const kinds = { GM: 0, WK: 0, BU: 0 } as Record<string, number>;
      for (const r of table.rows)
        kinds[r.cells[0]!.slice(0, 2)] = (kinds[r.cells[0]!.slice(0, 2)] ?? 0) + 1;
      expect(kinds).toMatchObject({ NL: 1, GM: 342, WK: 3_393, BU: 14_574 });
      expect(table.rows.every((r) => r.cells[0] === r.cells[0]!.trim())).toBe(true);
      expect(table.warnings).toEqual([]);
    });

    test('Leefbaarometer wijk scores 2002–2022: 26,366 rows, NA as missing', async () => {
      const table = await readTable('lbm3_wijk_scores_2002_2022_nl.csv', await readFile(LBM_WIJK));
      expect(table.header).toEqual([
        'wk_code',
        'wk_naam',
        'jaar',
        'lbm',
        'afw',
        'fys',
        'onv',
        'soc',
        'vrz',
        'won',
      ]);
      expect(table.rows).toHaveLength(26_366);
      expect(table.rows.at(-1)!.line).toBe(26_367);
      const column = (name: string) => table.rows.map((r) => r.cells[table.header.indexOf(name)]!);
      expect(detectDecimal(column('lbm'))).toBe('.');
      const fys = column('fys').map((v) => parseCbsNumber(v, '.'));
      expect(fys.filter((c) => c.kind === 'invalid')).toEqual([]);
      expect(fys.some((c) => c.kind === 'missing')).toBe(true);
      expect(parseCbsNumber(table.rows[0]!.cells[3]!, '.')).toEqual({
        kind: 'value',
        value: 4.131519995884998,
        provisional: false,
      });
    });

    test.skipIf(!existsSync(TABLE_INFOS))(
      'CBS table info: CRLF and long quoted texts with newlines',
      async () => {
        const table = await readTable('kwb2024_tableinfos.csv', await readFile(TABLE_INFOS));
        expect(table.rows).toHaveLength(1);
        expect(table.header[0]).toBe('ID');
        const text = table.rows[0]!.cells[table.header.indexOf('Description')]!;
        expect(text).toContain('Verklaring van symbolen');
        expect(text).not.toContain('\r');
      },
    );
  },
);
